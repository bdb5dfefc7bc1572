package io.contrail.jet.impl.processor.aggregate;

/**
 * Implemented by window processors that drop items arriving later than the watermark minus the
 * allowed lateness; the engine's metrics read the count. Read it on the processor's thread, or
 * accept a slightly stale value from another thread (the field is not volatile).
 */
public interface DropsLateItems {

    /** How many late items (events, or first-stage partials) this processor dropped so far. */
    long droppedLateItems();
}
