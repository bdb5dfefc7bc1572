package io.contrail.snapshot.impl;

import io.contrail.snapshot.ExportedSnapshotInfo;
import io.contrail.snapshot.SnapshotMetadata;
import io.contrail.snapshot.WriterSummary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;

import static java.util.Objects.requireNonNull;

/**
 * Everything needed to find and verify a snapshot's data: its metadata, the summary of every
 * writer (which tells how many chunks to expect and their checksums) and, for an exported copy,
 * the export's name and time. It is the verification record (written last, into the same IMap as
 * the chunks), the value of a job's record and the header of an export file.
 *
 * @param metadata the snapshot
 * @param writers  sorted by vertex name, then processor index
 * @param export   present on exported copies
 */
public record Manifest(SnapshotMetadata metadata, List<WriterSummary> writers, Optional<Export> export) {

    /** Orders writers as they are stored, checksummed and read. */
    public static final Comparator<WriterSummary> WRITER_ORDER =
            Comparator.comparing(WriterSummary::vertexName).thenComparingInt(WriterSummary::processorIndex);

    /** Name and time of an export. */
    public record Export(String name, Instant exportedAt) {
        public Export {
            requireNonNull(name, "name is null");
            exportedAt = requireNonNull(exportedAt, "exportedAt is null").truncatedTo(ChronoUnit.MILLIS);
        }
    }

    public Manifest {
        requireNonNull(metadata, "metadata is null");
        requireNonNull(export, "export is null");
        List<WriterSummary> sorted = new ArrayList<>(requireNonNull(writers, "writers is null"));
        sorted.sort(WRITER_ORDER);
        writers = List.copyOf(sorted);
    }

    /**
     * Builds the manifest of a snapshot from its writers' summaries, computing totals and the
     * combined checksum.
     *
     * @throws IllegalArgumentException if a summary is of another job or snapshot, or a (vertex,
     *         processor) pair appears twice
     */
    public static Manifest of(long jobId, String jobName, long snapshotId, int slot, Instant completedAt,
                              List<WriterSummary> writers) {
        return of(jobId, jobName, snapshotId, slot, completedAt, ValueCodec.FORMAT_VERSION, writers);
    }

    /**
     * Like {@link #of(long, String, long, int, Instant, List)} for chunks encoded in
     * {@code formatVersion}, which must be readable ({@link ValueCodec#reads}). Only tests write
     * an older version (to prove that version's bytes are still produced for its types).
     */
    public static Manifest of(long jobId, String jobName, long snapshotId, int slot, Instant completedAt,
                              int formatVersion, List<WriterSummary> writers) {
        if (!ValueCodec.reads(formatVersion)) {
            throw new IllegalArgumentException("format version " + formatVersion + " is not one this code reads");
        }
        Set<String> seen = new HashSet<>();
        Set<String> vertices = new HashSet<>();
        long entries = 0;
        long chunks = 0;
        long bytes = 0;
        for (WriterSummary w : writers) {
            if (w.jobId() != jobId || w.snapshotId() != snapshotId) {
                throw new IllegalArgumentException("writer summary of vertex '" + w.vertexName() + "' processor "
                        + w.processorIndex() + " belongs to snapshot " + w.snapshotId() + " of job " + w.jobId()
                        + ", not to snapshot " + snapshotId + " of job " + jobId
                        + "; pass only the summaries of this session's writers");
            }
            if (!seen.add(w.processorIndex() + ":" + w.vertexName())) {
                throw new IllegalArgumentException("vertex '" + w.vertexName() + "' processor " + w.processorIndex()
                        + " has two writer summaries in snapshot " + snapshotId + " of job " + jobId
                        + "; each processor of a vertex writes through one writer per snapshot");
            }
            vertices.add(w.vertexName());
            entries += w.entryCount();
            chunks += w.chunkCount();
            bytes += w.byteCount();
        }
        SnapshotMetadata metadata = new SnapshotMetadata(jobId, jobName, snapshotId, slot, entries, chunks, bytes,
                combinedChecksum(writers), completedAt, formatVersion, vertices);
        return new Manifest(metadata, writers, Optional.empty());
    }

    /** The combined checksum of writers, as specified in {@link Chunks}. */
    public static long combinedChecksum(List<WriterSummary> writers) {
        List<WriterSummary> sorted = new ArrayList<>(writers);
        sorted.sort(WRITER_ORDER);
        ByteSink sink = new ByteSink(64 * Math.max(1, sorted.size()));
        for (WriterSummary w : sorted) {
            byte[] name = w.vertexName().getBytes(StandardCharsets.UTF_8);
            sink.writeVarInt(name.length);
            sink.writeBytes(name, 0, name.length);
            sink.writeInt(w.processorIndex());
            sink.writeLong(w.entryCount());
            sink.writeLong(w.byteCount());
            sink.writeInt(w.chunkCount());
            sink.writeInt((int) w.checksum());
        }
        CRC32C crc = new CRC32C();
        crc.update(sink.array(), 0, sink.position());
        return crc.getValue();
    }

    /** The same data, marked as exported under {@code name} at {@code exportedAt}. */
    public Manifest asExport(String name, Instant exportedAt) {
        return new Manifest(metadata, writers, Optional.of(new Export(name, exportedAt)));
    }

    /** The export's public description, present on exported copies. */
    public Optional<ExportedSnapshotInfo> exportInfo() {
        return export.map(e -> new ExportedSnapshotInfo(e.name(), metadata.jobId(), metadata.jobName(),
                metadata.snapshotId(), e.exportedAt(), metadata.totalBytes(), metadata.entryCount(),
                metadata.checksum(), metadata.formatVersion(), metadata.vertices()));
    }

    /** The writers of one vertex, in processor order. */
    public List<WriterSummary> writersOf(String vertex) {
        List<WriterSummary> result = new ArrayList<>();
        for (WriterSummary w : writers) {
            if (w.vertexName().equals(vertex)) {
                result.add(w);
            }
        }
        return result;
    }
}
