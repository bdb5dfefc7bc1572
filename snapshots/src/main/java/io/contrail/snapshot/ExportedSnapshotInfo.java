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
 * A named exported snapshot, as listed by {@link SnapshotStore#listExported()}.
 *
 * @param name          the export's name (see {@link SnapshotStore#validateExportName})
 * @param jobId         the job whose snapshot was exported
 * @param jobName       that job's name (may be empty, never null)
 * @param snapshotId    the exported snapshot of that job
 * @param exportedAt    when it was exported, truncated to milliseconds
 * @param sizeBytes     bytes of its data (all chunks)
 * @param entryCount    key/value pairs over all vertices
 * @param checksum      combined CRC32C, equal to that of the source snapshot
 * @param formatVersion version of the chunk and entry encoding
 * @param vertices      names of the vertices with state, sorted
 */
public record ExportedSnapshotInfo(
        String name,
        long jobId,
        String jobName,
        long snapshotId,
        Instant exportedAt,
        long sizeBytes,
        long entryCount,
        long checksum,
        int formatVersion,
        Set<String> vertices
) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ExportedSnapshotInfo {
        requireNonNull(name, "name is null");
        requireNonNull(jobName, "jobName is null");
        requireNonNull(exportedAt, "exportedAt is null");
        requireNonNull(vertices, "vertices is null");
        exportedAt = exportedAt.truncatedTo(ChronoUnit.MILLIS);
        SortedSet<String> sorted = new TreeSet<>();
        for (String vertex : vertices) {
            sorted.add(requireNonNull(vertex, "vertices contains null"));
        }
        vertices = Collections.unmodifiableSortedSet(sorted);
    }
}
