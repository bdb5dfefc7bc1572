package io.contrail.snapshot.impl;

import io.contrail.snapshot.ExportedSnapshotInfo;
import io.contrail.snapshot.SnapshotCorruptedException;
import io.contrail.snapshot.SnapshotMetadata;
import io.contrail.snapshot.SnapshotReader;
import io.contrail.snapshot.WriterSummary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import static java.util.Objects.requireNonNull;

/**
 * A verified snapshot's chunks in memory. See {@link SnapshotReader}.
 *
 * <h2>Threading</h2>
 * Immutable after construction (the chunk arrays are never written); every
 * {@code forEachEntry} call decodes with its own cursor, so calls may run concurrently.
 */
public final class ReaderImpl implements SnapshotReader {

    private final Manifest manifest;
    /** Chunks of each writer, in chunk order; writers in manifest order. */
    private final Map<WriterSummary, byte[][]> chunks;
    private final String subject;

    /**
     * @param chunks  every writer's chunks, already verified
     * @param subject the snapshot, for messages
     */
    ReaderImpl(Manifest manifest, Map<WriterSummary, byte[][]> chunks, String subject) {
        this.manifest = requireNonNull(manifest, "manifest is null");
        this.chunks = Map.copyOf(requireNonNull(chunks, "chunks is null"));
        this.subject = requireNonNull(subject, "subject is null");
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The chunks of {@code writer}, in order; do not modify them. */
    public byte[][] chunksOf(WriterSummary writer) {
        return chunks.get(writer);
    }

    @Override
    public SnapshotMetadata metadata() {
        return manifest.metadata();
    }

    @Override
    public Optional<ExportedSnapshotInfo> exportInfo() {
        return manifest.exportInfo();
    }

    @Override
    public Set<String> vertices() {
        return manifest.metadata().vertices();
    }

    @Override
    public List<WriterSummary> writers() {
        return manifest.writers();
    }

    @Override
    public void forEachEntry(String vertex, BiConsumer<Object, Object> action) {
        requireNonNull(vertex, "vertex is null");
        requireNonNull(action, "action is null");
        checkVertex(vertex);
        for (WriterSummary writer : manifest.writers()) {
            if (writer.vertexName().equals(vertex)) {
                decode(writer, action);
            }
        }
    }

    @Override
    public void forEachEntry(String vertex, int processorIndex, BiConsumer<Object, Object> action) {
        requireNonNull(vertex, "vertex is null");
        requireNonNull(action, "action is null");
        checkVertex(vertex);
        for (WriterSummary writer : manifest.writers()) {
            if (writer.vertexName().equals(vertex) && writer.processorIndex() == processorIndex) {
                decode(writer, action);
            }
        }
    }

    private void checkVertex(String vertex) {
        if (!vertices().contains(vertex)) {
            throw new IllegalArgumentException(Problems.capitalize(subject) + " holds no state of vertex '" + vertex
                    + "'; it holds state of " + (vertices().isEmpty() ? "no vertex" : "vertices " + vertices()));
        }
    }

    private void decode(WriterSummary writer, BiConsumer<Object, Object> action) {
        byte[][] writerChunks = chunks.get(writer);
        ValueCodec.Decoder decoder = new ValueCodec.Decoder(manifest.metadata().formatVersion());
        for (int chunkNo = 0; chunkNo < writerChunks.length; chunkNo++) {
            byte[] chunk = writerChunks[chunkNo];
            decoder.reset(); // every chunk has its own class dictionary
            int count = Chunks.entryCount(chunk);
            ByteSource in = new ByteSource(chunk, Chunks.HEADER_SIZE, chunk.length);
            for (int i = 0; i < count; i++) {
                Object key;
                Object value;
                try {
                    key = decoder.read(in);
                    value = decoder.read(in);
                } catch (MalformedDataException e) {
                    throw unreadable(writer, chunkNo, "entry " + i + " cannot be decoded: " + e.getMessage(), e);
                }
                action.accept(key, value);
            }
            if (in.hasRemaining()) {
                throw unreadable(writer, chunkNo, in.remaining() + " bytes follow its " + count + " entries", null);
            }
        }
    }

    private SnapshotCorruptedException unreadable(WriterSummary writer, int chunkNo, String what, Throwable cause) {
        Problems problems = new Problems();
        problems.add(SnapshotCorruptedException.Problem.UNREADABLE_DATA,
                "chunk " + chunkNo + " of " + WriterVerifier.describe(writer) + ": " + what);
        SnapshotCorruptedException e = problems.toException(subject,
                "Its data passed its checksums, so it was written this way, or a class it holds is missing or has"
                        + " changed since; restore with the job's classes as they were, or from another snapshot.");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
