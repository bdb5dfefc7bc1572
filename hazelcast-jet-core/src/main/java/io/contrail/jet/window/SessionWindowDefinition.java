package io.contrail.jet.window;

/**
 * Session windows: per key, items whose timestamps are less than {@code gap} apart belong to one
 * window {@code [first timestamp, last timestamp + gap)}. Two sessions that a new item bridges
 * merge into one.
 *
 * @param gap the inactivity that closes a session; positive
 */
public record SessionWindowDefinition(long gap) implements WindowDefinition {

    public SessionWindowDefinition {
        if (gap <= 0) {
            throw new IllegalArgumentException("session gap must be positive, got " + gap);
        }
    }
}
