package io.contrail.jet.impl.processor;

/**
 * Epoch milliseconds read from {@link System#nanoTime()}: monotonic, and aligned with the ticks
 * of {@link System#currentTimeMillis()} to within microseconds. A plain
 * {@code currentTimeMillis()} reading can be up to a millisecond past its tick, so mixing it with
 * {@code nanoTime()} (to schedule, or to map event time back to the wall clock) is off by up to
 * a millisecond; this clock is calibrated once per JVM at a tick.
 */
final class EpochClock {

    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** {@code epochMillis * 1e6 - nanoTime()} at a tick of the millisecond clock. */
    private static final long OFFSET_NANOS = calibrate();

    private EpochClock() {
    }

    /** The current epoch time in milliseconds. */
    static long millis() {
        return Math.floorDiv(System.nanoTime() + OFFSET_NANOS, NANOS_PER_MILLI);
    }

    /** The {@link System#nanoTime()} reading at which the epoch time is {@code epochMillis}. */
    static long nanoTimeAt(long epochMillis) {
        return epochMillis * NANOS_PER_MILLI - OFFSET_NANOS;
    }

    /**
     * Waits for a millisecond tick whose moment on the monotonic clock is known to within 5 µs
     * (usually the next one; a tick around which the thread was descheduled is skipped) and reads
     * both clocks there. Once per JVM.
     */
    private static long calibrate() {
        long last = System.currentTimeMillis();
        long lastReadNanos = System.nanoTime();
        while (true) {
            long millis = System.currentTimeMillis();
            long nanos = System.nanoTime();
            if (millis != last) {
                if (nanos - lastReadNanos <= 5_000) {
                    return millis * NANOS_PER_MILLI - nanos;
                }
                last = millis;
            }
            lastReadNanos = nanos;
            Thread.onSpinWait();
        }
    }
}
