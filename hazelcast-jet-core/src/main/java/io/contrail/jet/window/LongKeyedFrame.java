package io.contrail.jet.window;

/**
 * As {@link KeyedFrame}, for the long-key fast path with a
 * {@link io.contrail.jet.aggregate.LongAggregateOperation}: key and partial value are primitive.
 * Partition the edge by {@link #key()}.
 *
 * @param end   the frame's end (exclusive), a multiple of the window definition's slide
 * @param key   the grouping key
 * @param value the partial count or sum of the key in the frame
 */
public record LongKeyedFrame(long end, long key, long value) {
}
