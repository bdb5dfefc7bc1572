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

    /** Waits for the next millisecond tick (at most a millisecond, once per JVM) and reads both clocks there. */
    private static long calibrate() {
        long start = System.currentTimeMillis();
        long now;
        while ((now = System.currentTimeMillis()) == start) {
            Thread.onSpinWait();
        }
        return now * NANOS_PER_MILLI - System.nanoTime();
    }
}
