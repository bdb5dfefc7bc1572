package io.contrail.jet.window;

/**
 * A partial aggregate of one key over one frame: what the first stage of a two-stage sliding
 * window aggregation sends across the partitioned edge (partition it by {@link #key()}). Several
 * items may carry partials of the same key and frame (from several first-stage processors, or
 * for items that arrived late); the second stage combines them.
 *
 * @param end         the frame's end (exclusive), a multiple of the window definition's slide;
 *                    the frame starts {@code slideBy} earlier
 * @param key         the grouping key
 * @param accumulator the partial accumulator, owned by the receiver
 * @param <K>         the key type
 * @param <A>         the accumulator type
 */
public record KeyedFrame<K, A>(long end, K key, A accumulator) {
}
