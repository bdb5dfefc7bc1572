package io.contrail.snapshot.impl;

import io.contrail.snapshot.SnapshotMetadata;
import io.contrail.snapshot.WriterSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Binary encoding of a {@link Manifest}, version {@value #VERSION}; all integers big-endian,
 * strings as varint byte length plus UTF-8:
 *
 * <pre>
 * magic "CMNF" (4 bytes), version (1 byte)
 * jobId int64, jobName string, snapshotId int64, slot int32,
 * entryCount int64, chunkCount int64, totalBytes int64, checksum int64,
 * completedAt int64 (epoch milliseconds), formatVersion int32,
 * writer count int32, then per writer:
 *     vertexName string, processorIndex int32, entryCount int64, byteCount int64,
 *     chunkCount int32, checksum int64
 * export flag (1 byte: 0 or 1), if 1: name string, exportedAt int64 (epoch milliseconds)
 * CRC32C of all the bytes above, int32
 * </pre>
 *
 * The vertex set of the metadata is not stored: it is the set of the writers' vertex names.
 *
 * <h2>Threading</h2>
 * Stateless; safe from any thread.
 */
public final class ManifestCodec {

    public static final int VERSION = 1;
    private static final int MAGIC = 0x434D_4E46; // "CMNF"

    private ManifestCodec() {
    }

    public static byte[] encode(Manifest manifest) {
        SnapshotMetadata m = manifest.metadata();
        ByteSink out = new ByteSink(128 + 48 * manifest.writers().size());
        out.writeInt(MAGIC);
        out.writeByte(VERSION);
        out.writeLong(m.jobId());
        out.writeString(m.jobName());
        out.writeLong(m.snapshotId());
        out.writeInt(m.slot());
        out.writeLong(m.entryCount());
        out.writeLong(m.chunkCount());
        out.writeLong(m.totalBytes());
        out.writeLong(m.checksum());
        out.writeLong(m.completedAt().toEpochMilli());
        out.writeInt(m.formatVersion());
        out.writeInt(manifest.writers().size());
        for (WriterSummary w : manifest.writers()) {
            out.writeString(w.vertexName());
            out.writeInt(w.processorIndex());
            out.writeLong(w.entryCount());
            out.writeLong(w.byteCount());
            out.writeInt(w.chunkCount());
            out.writeLong(w.checksum());
        }
        if (manifest.export().isPresent()) {
            out.writeByte(1);
            out.writeString(manifest.export().get().name());
            out.writeLong(manifest.export().get().exportedAt().toEpochMilli());
        } else {
            out.writeByte(0);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.writeInt((int) crc.getValue());
        return out.toByteArray();
    }

    /**
     * @throws MalformedDataException if the bytes are not a valid manifest: wrong magic or
     *         version, checksum mismatch, truncation, or values the records reject
     */
    public static Manifest decode(byte[] bytes) {
        if (bytes.length < 9) {
            throw new MalformedDataException("record has " + bytes.length + " bytes, too short to be a manifest");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteSource.getInt(bytes, bytes.length - 4);
        if (stored != (int) crc.getValue()) {
            throw new MalformedDataException(String.format(
                    "record checksum mismatch (stored %08x, computed %08x)", stored, (int) crc.getValue()));
        }
        ByteSource in = new ByteSource(bytes, 0, bytes.length - 4);
        if (in.readInt() != MAGIC) {
            throw new MalformedDataException("record does not start with the manifest magic");
        }
        int version = in.readByte();
        if (version != VERSION) {
            throw new MalformedDataException("manifest version " + version + " is not supported (this Contrail"
                    + " reads version " + VERSION + "); read it with the Contrail version that wrote it");
        }
        try {
            long jobId = in.readLong();
            String jobName = in.readString();
            long snapshotId = in.readLong();
            int slot = in.readInt();
            long entryCount = in.readLong();
            long chunkCount = in.readLong();
            long totalBytes = in.readLong();
            long checksum = in.readLong();
            Instant completedAt = Instant.ofEpochMilli(in.readLong());
            int formatVersion = in.readInt();
            int writerCount = in.readInt();
            if (writerCount < 0 || writerCount > in.remaining()) {
                throw new MalformedDataException("writer count " + writerCount + " is impossible");
            }
            List<WriterSummary> writers = new ArrayList<>(writerCount);
            Set<String> vertices = new HashSet<>();
            for (int i = 0; i < writerCount; i++) {
                String vertex = in.readString();
                vertices.add(vertex);
                writers.add(new WriterSummary(jobId, snapshotId, vertex, in.readInt(), in.readLong(), in.readLong(),
                        in.readInt(), in.readLong()));
            }
            Optional<Manifest.Export> export = Optional.empty();
            if (in.readByte() == 1) {
                export = Optional.of(new Manifest.Export(in.readString(), Instant.ofEpochMilli(in.readLong())));
            }
            if (in.hasRemaining()) {
                throw new MalformedDataException(in.remaining() + " unexpected bytes after the manifest");
            }
            SnapshotMetadata metadata = new SnapshotMetadata(jobId, jobName, snapshotId, slot, entryCount, chunkCount,
                    totalBytes, checksum, completedAt, formatVersion, vertices);
            return new Manifest(metadata, writers, export);
        } catch (IllegalArgumentException e) {
            throw new MalformedDataException("manifest holds an invalid value: " + e.getMessage(), e);
        }
    }
}
