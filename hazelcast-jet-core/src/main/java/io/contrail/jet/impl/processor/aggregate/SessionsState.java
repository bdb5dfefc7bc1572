package io.contrail.jet.impl.processor.aggregate;

import java.io.Serializable;

/**
 * Snapshot value of one key of the session window processor: its open sessions and the
 * processor's watermark. The snapshot key is the group key.
 *
 * @param watermark    the processor's last watermark, or {@code Long.MIN_VALUE} for none
 * @param starts       each session's start
 * @param ends         each session's end (last item's timestamp plus the gap)
 * @param accumulators each session's accumulator
 */
record SessionsState(long watermark, long[] starts, long[] ends, Object[] accumulators)
        implements KeyedWindowState, Serializable {
}
