package io.contrail.jet.impl.processor.aggregate;

import java.io.Serializable;

/**
 * As {@link KeyFramesState}, for the long-key processors: the snapshot key is the {@code Long}
 * group key and the frame values are primitive.
 *
 * @param watermark       the processor's last watermark, or {@code Long.MIN_VALUE} for none
 * @param frameEnds       the end timestamp of each frame
 * @param values          the key's count or sum in each frame, parallel to {@code frameEnds}
 * @param dirtyWindowEnds the end timestamps of emitted windows to emit again
 */
record LongKeyFramesState(long watermark, long[] frameEnds, long[] values, long[] dirtyWindowEnds)
        implements Serializable {
}
