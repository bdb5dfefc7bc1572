package io.contrail.jet.impl.execution;

/**
 * Maps keys to partitions of a partitioned edge. Every member must map a key to the same
 * partition, so the hash depends only on the key's {@code hashCode()}, mixed so that keys with
 * nearby hash codes (small integers) spread evenly.
 */
public final class Partitioner {

    private final int partitionCount;

    public Partitioner(int partitionCount) {
        if (partitionCount <= 0) {
            throw new IllegalArgumentException("partitionCount must be positive, got " + partitionCount);
        }
        this.partitionCount = partitionCount;
    }

    public int partitionCount() {
        return partitionCount;
    }

    /** The partition of {@code key}; a {@code null} key goes to partition 0. */
    public int partition(Object key) {
        return key == null ? 0 : Math.floorMod(mix(key.hashCode()), partitionCount);
    }

    /** The finalisation step of MurmurHash3: every input bit affects every output bit. */
    static int mix(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
