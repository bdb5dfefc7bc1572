package io.contrail.snapshot;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * What one {@link SnapshotWriter} stored: returned by {@link SnapshotWriter#close()} and handed,
 * together with the summaries of all other writers of the snapshot, to
 * {@link SnapshotSession#complete}. Serializable so that the engine can send it from the member
 * that wrote to the member that completes the snapshot.
 *
 * @param jobId          the job of the snapshot
 * @param snapshotId     the snapshot
 * @param vertexName     whose state the writer stored
 * @param processorIndex which processor of the vertex (any non-negative number, unique per
 *                       vertex within a snapshot)
 * @param entryCount     key/value pairs written
 * @param byteCount      bytes of all chunks, headers included
 * @param chunkCount     chunks stored, numbered from 0
 * @param checksum       CRC32C over all chunks' bytes in chunk order (an unsigned 32-bit value)
 */
public record WriterSummary(
        long jobId,
        long snapshotId,
        String vertexName,
        int processorIndex,
        long entryCount,
        long byteCount,
        int chunkCount,
        long checksum
) implements Serializable {

    private static final long serialVersionUID = 1L;

    public WriterSummary {
        requireNonNull(vertexName, "vertexName is null");
        if (processorIndex < 0) {
            throw new IllegalArgumentException("processorIndex is negative: " + processorIndex);
        }
        if (entryCount < 0 || byteCount < 0 || chunkCount < 0) {
            throw new IllegalArgumentException("negative count in writer summary of vertex '"
                    + vertexName + "' processor " + processorIndex);
        }
        if ((checksum & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("checksum is not an unsigned 32-bit value: " + checksum);
        }
    }
}
