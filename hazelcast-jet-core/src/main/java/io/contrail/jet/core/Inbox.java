package io.contrail.jet.core;

import java.util.function.Consumer;

/**
 * A batch of items for a {@link Processor}, filled by the engine from one input ordinal. The
 * processor removes what it has processed; whatever is left is offered again on the next call.
 *
 * <p>Threading: used only by the processor's own thread during a processing method; the engine
 * refills it only when it is empty.
 */
public interface Inbox {

    /** Whether the inbox holds no items. */
    boolean isEmpty();

    /** The number of items in the inbox. */
    int size();

    /** The first item, without removing it, or {@code null} when empty. */
    Object peek();

    /** Removes and returns the first item, or {@code null} when empty. */
    Object poll();

    /** Removes the first item; fails when empty. */
    void remove();

    /** Passes every item to {@code action}, in order, and removes them all. */
    @SuppressWarnings("unchecked")
    default <E> void drain(Consumer<E> action) {
        for (Object item; (item = poll()) != null; ) {
            action.accept((E) item);
        }
    }

    /** Removes all items. */
    void clear();
}
