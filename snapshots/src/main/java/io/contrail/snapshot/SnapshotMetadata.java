package io.contrail.snapshot;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A complete snapshot of a job, as recorded by {@link SnapshotSession#complete}: the summary of
 * its verification record. Pass it to {@link SnapshotStore#openReader} to read the snapshot
 * (which verifies it against the stored data first) or to {@link SnapshotStore#export} to keep
 * it under a name.
 *
 * @param jobId         the job
 * @param jobName       the job's name at the time of the snapshot (may be empty, never null)
 * @param snapshotId    the snapshot
 * @param slot          the storage slot (0 or 1) holding the data
 * @param entryCount    key/value pairs over all vertices and processors
 * @param chunkCount    chunks over all writers
 * @param totalBytes    bytes of all chunks
 * @param checksum      the combined CRC32C of all writers (see {@code snapshots/README.md}), an
 *                      unsigned 32-bit value
 * @param completedAt   when the snapshot completed, truncated to milliseconds
 * @param formatVersion version of the chunk and entry encoding
 * @param vertices      names of the vertices with state in the snapshot, sorted
 */
public record SnapshotMetadata(
        long jobId,
        String jobName,
        long snapshotId,
        int slot,
        long entryCount,
        long chunkCount,
        long totalBytes,
        long checksum,
        Instant completedAt,
        int formatVersion,
        Set<String> vertices
) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SnapshotMetadata {
        requireNonNull(jobName, "jobName is null");
        requireNonNull(completedAt, "completedAt is null");
        requireNonNull(vertices, "vertices is null");
        if (slot != 0 && slot != 1) {
            throw new IllegalArgumentException("slot must be 0 or 1, not " + slot);
        }
        if ((checksum & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("checksum is not an unsigned 32-bit value: " + checksum);
        }
        completedAt = completedAt.truncatedTo(ChronoUnit.MILLIS);
        SortedSet<String> sorted = new TreeSet<>();
        for (String vertex : vertices) {
            sorted.add(requireNonNull(vertex, "vertices contains null"));
        }
        vertices = Collections.unmodifiableSortedSet(sorted);
    }

    /** "snapshot 12 of job 'orders' (id 7)", for messages. */
    public String describe() {
        return "snapshot " + snapshotId + " of job '" + jobName + "' (id " + jobId + ")";
    }
}
