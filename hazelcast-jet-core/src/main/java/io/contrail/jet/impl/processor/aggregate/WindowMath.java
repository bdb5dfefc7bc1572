package io.contrail.jet.impl.processor.aggregate;

/** Saturating arithmetic for timestamps and frame numbers near the ends of {@code long}. */
final class WindowMath {

    /** "No watermark yet" and "no window emitted yet". */
    static final long NONE = Long.MIN_VALUE;

    private WindowMath() {
    }

    /** {@code a - b}, clamped to {@code [Long.MIN_VALUE, Long.MAX_VALUE]}. */
    static long subtractSaturated(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return b > 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    /** {@code a + b}, clamped. */
    static long addSaturated(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return r;
    }

    /** {@code a * b}, clamped. */
    static long multiplySaturated(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        return (a < 0) == (b < 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** The number of the frame holding {@code timestamp}. */
    static long frameOf(long timestamp, long slide) {
        return Math.floorDiv(timestamp, slide);
    }

    /** The start timestamp of frame {@code frame} (clamped). */
    static long frameStart(long frame, long slide) {
        return multiplySaturated(frame, slide);
    }

    /** The end timestamp (exclusive) of frame {@code frame}, which is also the end of window {@code frame}. */
    static long frameEnd(long frame, long slide) {
        return multiplySaturated(addSaturated(frame, 1), slide);
    }

    /** The frame whose end is {@code end}; fails when {@code end} is not a frame boundary. */
    static long frameOfEnd(long end, long slide) {
        if (Math.floorMod(end, slide) != 0) {
            throw new IllegalArgumentException("Frame end " + end + " is not a multiple of slideBy " + slide
                    + ": the first and second stage must use the same window definition");
        }
        return Math.floorDiv(end, slide) - 1;
    }

    /**
     * The last window (numbered by its last frame) that a watermark at {@code timestamp} closes:
     * window {@code g} ends at {@code (g + 1) * slide} and closes when the watermark reaches that.
     */
    static long lastClosedWindow(long watermark, long slide) {
        return subtractSaturated(Math.floorDiv(watermark, slide), 1);
    }
}
