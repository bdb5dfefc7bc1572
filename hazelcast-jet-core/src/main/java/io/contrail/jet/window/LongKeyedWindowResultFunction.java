package io.contrail.jet.window;

import java.io.Serializable;

/**
 * As {@link KeyedWindowResultFunction}, for the long-key processors: key and result arrive as
 * primitive {@code long}s, so the function decides whether anything gets boxed.
 *
 * @param <OUT> the emitted item type
 */
@FunctionalInterface
public interface LongKeyedWindowResultFunction<OUT> extends Serializable {

    /** The item to emit, or {@code null} to emit nothing for this window and key. */
    OUT apply(long start, long end, long key, long result);
}
