package io.contrail.jet.core;

/** How an {@link Edge} picks the downstream processor(s) for each item. */
public enum RoutingPolicy {
    /** Each item goes to one downstream processor, round-robin (the default). */
    UNICAST,
    /** Each item goes to the processor that owns the partition of its key. */
    PARTITIONED,
    /** Each item goes to every downstream processor. */
    BROADCAST,
    /**
     * Upstream processor {@code i} sends only to downstream processor {@code i mod n}; needs equal
     * local parallelism on both ends for a one-to-one pairing.
     */
    ISOLATED,
    /** Every item goes to one downstream processor in the whole cluster. */
    ALL_TO_ONE
}
