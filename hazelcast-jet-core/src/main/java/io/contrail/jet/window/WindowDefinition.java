package io.contrail.jet.window;

import java.io.Serializable;

/**
 * How a windowed aggregation groups items by event time: into {@link #tumbling tumbling},
 * {@link #sliding sliding} or {@link #session session} windows. Times are in the unit of the
 * timestamps (milliseconds by convention).
 */
public sealed interface WindowDefinition extends Serializable permits SlidingWindowDefinition, SessionWindowDefinition {

    /**
     * Windows of {@code size} that follow each other without overlap: {@code [0, size)},
     * {@code [size, 2 * size)}, ... A sliding window whose slide equals its size.
     */
    static SlidingWindowDefinition tumbling(long size) {
        return new SlidingWindowDefinition(size, size);
    }

    /**
     * Windows of {@code size} starting every {@code slide}: {@code [0, size)},
     * {@code [slide, slide + size)}, ... {@code size} must be a positive multiple of the positive
     * {@code slide}.
     */
    static SlidingWindowDefinition sliding(long size, long slide) {
        return new SlidingWindowDefinition(size, slide);
    }

    /**
     * Windows of activity per key: a window holds items whose timestamps are less than {@code gap}
     * apart; it starts at its first item's timestamp and ends {@code gap} after its last.
     */
    static SessionWindowDefinition session(long gap) {
        return new SessionWindowDefinition(gap);
    }
}
