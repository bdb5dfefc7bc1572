package io.contrail.jet.processor;

import java.io.Serializable;

/**
 * Builds the item for one sequence number of a generator source
 * ({@link SourceProcessors#generator}). Called on the processor's thread for every emitted item,
 * so it should only allocate the item itself.
 *
 * @param <T> the type of the items
 */
@FunctionalInterface
public interface EventFactory<T> extends Serializable {

    /**
     * Returns the item for {@code sequence}, never {@code null}.
     *
     * @param sequence        the item's number in the vertex-wide sequence 0, 1, 2, ...
     * @param timestampMillis the item's event time, as {@link EventTimeMode} defines it
     */
    T create(long sequence, long timestampMillis);
}
