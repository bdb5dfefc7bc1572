package io.contrail.jet.impl.processor.aggregate;

/**
 * Snapshot value of one key of a window processor. Each carries the saving processor's watermark
 * so that whichever processor restores the key also learns the watermark; it takes the least
 * among the entries it gets ({@link AbstractWindowP#restoreFromSnapshot}).
 */
interface KeyedWindowState {

    /** The saving processor's last watermark, or {@link WindowMath#NONE}. */
    long watermark();
}
