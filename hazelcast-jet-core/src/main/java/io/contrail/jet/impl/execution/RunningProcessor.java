package io.contrail.jet.impl.execution;

import io.contrail.jet.core.Processor;

/**
 * A processor in a running execution, whether it has a tasklet of its own or is fused into its
 * upstream's: what metrics and teardown need. Counters may be read from any thread.
 */
interface RunningProcessor {

    String vertexName();

    Processor processor();

    long itemsIn();

    long itemsOut();

    /** The last watermark the processor handled, or {@code Long.MIN_VALUE}. */
    long lastWatermark();

    long inputQueueFill();

    long inputQueueCapacity();
}
