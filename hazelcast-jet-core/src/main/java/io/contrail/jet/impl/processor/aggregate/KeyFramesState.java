package io.contrail.jet.impl.processor.aggregate;

import java.io.Serializable;

/**
 * Snapshot value of one key of a generic frame-based window processor (both stages): the key's
 * accumulator in each frame it has, the windows awaiting re-emission because of late items, and
 * the processor's watermark (so that any processor can restore any key; a restored processor
 * takes the least watermark of its entries). The snapshot key is the group key.
 *
 * @param watermark     the processor's last watermark, or {@code Long.MIN_VALUE} for none
 * @param frameEnds     the end timestamp of each frame
 * @param accumulators  the key's accumulator in each frame, parallel to {@code frameEnds}
 * @param dirtyWindowEnds the end timestamps of emitted windows to emit again
 */
record KeyFramesState(long watermark, long[] frameEnds, Object[] accumulators, long[] dirtyWindowEnds)
        implements Serializable {
}
