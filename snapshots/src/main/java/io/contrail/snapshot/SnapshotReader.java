package io.contrail.snapshot;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A verified snapshot, ready to restore from: returned by {@link SnapshotStore#openReader} and
 * {@link SnapshotStore#openExported} only after every chunk was found and matched its checksum
 * and counts. It holds the snapshot's chunks in memory (about {@link SnapshotMetadata#totalBytes()}
 * bytes) and decodes entries on each {@code forEachEntry} call; drop it when restored.
 *
 * <h2>Threading</h2>
 * Immutable and thread-safe: processors may read their vertices concurrently. Java-serialized
 * values are resolved with the calling thread's context class loader (then this module's).
 */
public interface SnapshotReader {

    /** The snapshot read; for an exported snapshot, that of the snapshot it was exported from. */
    SnapshotMetadata metadata();

    /** The export, when this reader was opened by {@link SnapshotStore#openExported}. */
    Optional<ExportedSnapshotInfo> exportInfo();

    /** Names of the vertices with state in this snapshot, sorted. */
    Set<String> vertices();

    /** The writers' summaries, sorted by vertex name and processor index. */
    List<WriterSummary> writers();

    /**
     * Passes every key/value pair stored for {@code vertex}, by all of its processors, to
     * {@code action}: processor by processor in index order, each in the order written.
     *
     * @throws IllegalArgumentException if the snapshot holds no state of {@code vertex}; the
     *         message lists the vertices it holds
     * @throws SnapshotCorruptedException if an entry cannot be decoded
     */
    void forEachEntry(String vertex, BiConsumer<Object, Object> action);

    /**
     * As {@link #forEachEntry(String, BiConsumer)}, but only the entries written by processor
     * {@code processorIndex} of {@code vertex}; nothing if that processor wrote nothing.
     */
    void forEachEntry(String vertex, int processorIndex, BiConsumer<Object, Object> action);
}
