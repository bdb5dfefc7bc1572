package io.contrail.jet.core;

/**
 * Where a {@link Processor} emits items: one bucket per output ordinal, plus a bucket for the
 * snapshot. Every {@code offer} may refuse the item because a downstream queue is full; the
 * processor then returns {@code false} from its processing method (or leaves the item in its
 * inbox) and offers the <em>same</em> item again on the next call. This is how back-pressure
 * travels upstream: nothing ever blocks.
 *
 * <p>Threading: only the processor's own thread may offer, and only inside a processing method.
 */
public interface Outbox {

    /** The number of output ordinals. */
    int bucketCount();

    /**
     * Offers an item to output {@code ordinal}, or to every ordinal when {@code ordinal} is
     * {@code -1}. A {@link Watermark} always goes to every downstream processor.
     *
     * @return {@code true} when accepted; {@code false} when refused, in which case the caller
     *         must offer the same item again later (for {@code -1}, the outbox remembers which
     *         ordinals already took it)
     */
    boolean offer(int ordinal, Object item);

    /** Offers to every output ordinal; see {@link #offer(int, Object)}. */
    default boolean offer(Object item) {
        return offer(-1, item);
    }

    /** Offers to several ordinals at once, with the same retry contract. */
    boolean offer(int[] ordinals, Object item);

    /**
     * Offers a key-value entry of the processor's state to the snapshot being taken. Only allowed
     * inside {@link Processor#saveToSnapshot()}.
     *
     * @return {@code true} when accepted, {@code false} to offer the same entry again later
     */
    boolean offerToSnapshot(Object key, Object value);

    /**
     * Whether the last offer went to several downstream processors (several ordinals, or a
     * watermark or broadcast to several queues) and was taken by some and refused by others: the
     * processor must offer that same item again before any other.
     */
    boolean hasUnfinishedItem();
}
