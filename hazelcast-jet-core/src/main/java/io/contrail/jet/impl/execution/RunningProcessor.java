package io.contrail.jet.impl.execution;

import io.contrail.jet.core.Processor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A processor in a running execution, whether it has a tasklet of its own or is fused into its
 * upstream's: its identity and the counters metrics read.
 *
 * <p>Threading: the counters are written only by the thread running the processor, with ordered
 * stores ({@code lazySet}) once per call rather than per item, and may be read from any thread.
 */
abstract class RunningProcessor {

    final String vertexName;
    final Processor processor;
    final AtomicLong publishedItemsIn = new AtomicLong();
    final AtomicLong publishedItemsOut = new AtomicLong();
    final AtomicLong publishedWatermark = new AtomicLong(Long.MIN_VALUE);

    RunningProcessor(String vertexName, Processor processor) {
        this.vertexName = vertexName;
        this.processor = processor;
    }

    final String vertexName() {
        return vertexName;
    }

    final Processor processor() {
        return processor;
    }

    final long itemsIn() {
        return publishedItemsIn.get();
    }

    final long itemsOut() {
        return publishedItemsOut.get();
    }

    /** The last watermark the processor handled, or {@code Long.MIN_VALUE}. */
    final long lastWatermark() {
        return publishedWatermark.get();
    }

    abstract long inputQueueFill();

    abstract long inputQueueCapacity();
}
