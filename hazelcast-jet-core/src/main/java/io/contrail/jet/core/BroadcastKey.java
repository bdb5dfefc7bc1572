package io.contrail.jet.core;

/**
 * Marks a snapshot key whose entry must reach <em>every</em> processor of the vertex on restore.
 * Every other entry is restored into exactly one processor: the one that owns the partition of
 * its key, by the same partitioning as a partitioned edge into the vertex, so that state keyed by
 * the grouping key lands where that key's items will arrive. Processor-level state (a source's
 * offsets per processor index, a flag) uses a broadcast key, and each processor picks what is
 * its own.
 */
public interface BroadcastKey {
}
