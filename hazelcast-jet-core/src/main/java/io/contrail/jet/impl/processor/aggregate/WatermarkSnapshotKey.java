package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.core.BroadcastKey;
import io.contrail.jet.core.Processor;

import java.io.Serializable;

/**
 * Snapshot key of a window processor's watermark, saved (with a {@code Long} value) beside the
 * per-key entries so that a processor whose keyed state is empty still restores its watermark
 * (and with it which items are too late and which windows were emitted). A restoring processor
 * takes the least watermark among the entries it gets.
 *
 * <p>A {@link BroadcastKey}: every processor of the vertex gets these entries on restore, while
 * the per-key entries are routed by partition.
 *
 * @param processorIndex the global index of the processor that saved it
 */
public record WatermarkSnapshotKey(int processorIndex) implements BroadcastKey, Serializable {

    static WatermarkSnapshotKey of(Processor.Context context) {
        return new WatermarkSnapshotKey(context == null ? 0 : context.globalProcessorIndex());
    }
}
