package io.contrail.jet.window;

/**
 * The result of an aggregation over one window for one key.
 *
 * @param start  the window's start (inclusive)
 * @param end    the window's end (exclusive)
 * @param key    the grouping key
 * @param result the aggregation result
 * @param <K>    the key type
 * @param <R>    the result type
 */
public record KeyedWindowResult<K, R>(long start, long end, K key, R result) {
}
