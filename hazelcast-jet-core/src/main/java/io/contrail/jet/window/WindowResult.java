package io.contrail.jet.window;

/**
 * The result of an aggregation over one window, without a key (for a global aggregation, map the
 * keyed result to it).
 *
 * @param start  the window's start (inclusive)
 * @param end    the window's end (exclusive)
 * @param result the aggregation result
 * @param <R>    the result type
 */
public record WindowResult<R>(long start, long end, R result) {
}
