package io.contrail.jet.window;

import java.io.Serializable;

/**
 * Turns the result of one key's window into the item a window processor emits. {@code
 * KeyedWindowResult::new} is the usual choice.
 *
 * @param <K>   the key type
 * @param <R>   the aggregation result type
 * @param <OUT> the emitted item type
 */
@FunctionalInterface
public interface KeyedWindowResultFunction<K, R, OUT> extends Serializable {

    /** The item to emit, or {@code null} to emit nothing for this window and key. */
    OUT apply(long start, long end, K key, R result);
}
