package io.contrail.jet.window;

/**
 * Sliding (or, when {@code slideBy == windowSize}, tumbling) windows: each window is
 * {@code windowSize} long and a new one starts every {@code slideBy}, at multiples of
 * {@code slideBy}. A window {@code [start, end)} holds the items with
 * {@code start <= timestamp < end}.
 *
 * <p>Processors split event time into <em>frames</em> of {@code slideBy}: each item belongs to
 * exactly one frame, and a window is the union of {@link #framesPerWindow()} consecutive frames.
 *
 * @param windowSize the length of a window; positive
 * @param slideBy    the distance between window starts; positive, divides {@code windowSize}
 */
public record SlidingWindowDefinition(long windowSize, long slideBy) implements WindowDefinition {

    public SlidingWindowDefinition {
        if (windowSize <= 0) {
            throw new IllegalArgumentException("windowSize must be positive, got " + windowSize);
        }
        if (slideBy <= 0) {
            throw new IllegalArgumentException("slideBy must be positive, got " + slideBy);
        }
        if (windowSize % slideBy != 0) {
            throw new IllegalArgumentException("windowSize (" + windowSize + ") must be a multiple of slideBy ("
                    + slideBy + ")" + (slideBy > windowSize ? "; slideBy must not exceed windowSize" : ""));
        }
    }

    /** Whether the windows do not overlap ({@code slideBy == windowSize}). */
    public boolean isTumbling() {
        return slideBy == windowSize;
    }

    /** How many frames (of length {@code slideBy}) a window spans. */
    public long framesPerWindow() {
        return windowSize / slideBy;
    }

    /** The start of the frame holding {@code timestamp}: the greatest multiple of {@code slideBy} at or below it. */
    public long floorFrameTs(long timestamp) {
        return Math.floorDiv(timestamp, slideBy) * slideBy;
    }

    /** The end of the frame holding {@code timestamp}: the least multiple of {@code slideBy} above it. */
    public long higherFrameTs(long timestamp) {
        return floorFrameTs(timestamp) + slideBy;
    }
}
