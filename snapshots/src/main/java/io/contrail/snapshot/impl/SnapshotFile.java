package io.contrail.snapshot.impl;

import io.contrail.snapshot.SnapshotCorruptedException;
import io.contrail.snapshot.SnapshotCorruptedException.Problem;
import io.contrail.snapshot.WriterSummary;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The file of an exported snapshot, {@code <name>.snapshot}, format version
 * {@value #FILE_VERSION}. All integers big-endian:
 *
 * <pre>
 * offset  size  field
 * 0       8     magic "CTRLSNAP" (43 54 52 4C 53 4E 41 50)
 * 8       4     file format version, int32 = 1
 * 12      4     header length H, int32
 * 16      H     header: the manifest ({@link ManifestCodec}) with the export's name and time
 * 16+H    ...   chunk records, for each writer in manifest order, each chunk in order:
 *                   int32 chunk length L, then L bytes of the chunk ({@link Chunks})
 * end-4   4     CRC32C of every byte before it, int32
 * </pre>
 *
 * A file is written to a temporary file in the same directory ({@code .<name>.<random>.tmp}),
 * forced to disk, then renamed over {@code <name>.snapshot} atomically, so that a reader finds
 * the old file or the new one, never a mix.
 *
 * <h2>Threading</h2>
 * Stateless; every method blocks on I/O.
 */
public final class SnapshotFile {

    public static final int FILE_VERSION = 1;
    public static final String EXTENSION = ".snapshot";
    private static final byte[] MAGIC = "CTRLSNAP".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER_SIZE = 64 * 1024 * 1024;
    private static final int BUFFER_SIZE = 1 << 20;

    private SnapshotFile() {
    }

    /** Receives each chunk of a file being read, in file order. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(WriterSummary writer, int chunkNo, byte[] chunk);
    }

    public static Path pathOf(Path directory, String name) {
        return directory.resolve(name + EXTENSION);
    }

    /**
     * Writes {@code manifest}, which must be an export's, and its chunks to
     * {@code <directory>/<name>.snapshot}, replacing an existing file atomically.
     */
    public static void write(Path directory, String name, Manifest manifest, Function<WriterSummary, byte[][]> chunks)
            throws IOException {
        if (manifest.export().isEmpty()) {
            throw new IllegalArgumentException("only an export's manifest goes to a file");
        }
        Path target = pathOf(directory, name);
        Path temp = Files.createTempFile(directory, "." + name + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 BufferedOutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
                 CheckedOutputStream checked = new CheckedOutputStream(buffered, new CRC32C());
                 DataOutputStream out = new DataOutputStream(checked)) {
                byte[] header = ManifestCodec.encode(manifest);
                out.write(MAGIC);
                out.writeInt(FILE_VERSION);
                out.writeInt(header.length);
                out.write(header);
                for (WriterSummary writer : manifest.writers()) {
                    for (byte[] chunk : chunks.apply(writer)) {
                        out.writeInt(chunk.length);
                        out.write(chunk);
                    }
                }
                out.writeInt((int) checked.getChecksum().getValue());
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(directory);
    }

    /** Makes the rename durable; not every platform can open a directory, which is then skipped. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file itself is on disk
        }
    }

    /**
     * Reads only the header of a file: enough to list it, not to trust it.
     *
     * @throws SnapshotCorruptedException if the file does not start with a valid header
     * @throws IOException                if the file cannot be read
     */
    public static Manifest readManifest(Path file, String subject) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 8192))) {
            return readHeader(in, Files.size(file), new Problems(), subject).manifest();
        }
    }

    /**
     * Reads and verifies a whole file: header, every chunk against the manifest, and the trailing
     * checksum. Chunks go to {@code sink} as they are read, before the file is known to be valid;
     * the caller discards them if this method throws.
     *
     * @param subject the file, for messages: "exported snapshot file /dir/x.snapshot"
     * @return the manifest from the header
     * @throws SnapshotCorruptedException listing everything wrong with the file
     * @throws IOException                if the file cannot be read
     */
    public static Manifest read(Path file, String subject, ChunkSink sink) throws IOException {
        long size = Files.size(file);
        Problems problems = new Problems();
        try (CheckedInputStream checked = new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE), new CRC32C());
             DataInputStream in = new DataInputStream(checked)) {
            Header header = readHeader(in, size, problems, subject);
            Manifest manifest = header.manifest();
            long position = 16L + header.length();
            for (WriterSummary writer : manifest.writers()) {
                WriterVerifier verifier = new WriterVerifier(writer, problems);
                for (int chunkNo = 0; chunkNo < writer.chunkCount(); chunkNo++) {
                    String where = "chunk " + chunkNo + " of " + WriterVerifier.describe(writer);
                    int length = readInt(in, problems, subject, "the length of " + where, position);
                    position += 4;
                    if (length < 0 || length > size - position) {
                        problems.add(Problem.INVALID_FILE, "the length of " + where + " at byte " + (position - 4)
                                + " is " + length + ", beyond the end of the " + size + "-byte file: the file is truncated"
                                + " or damaged");
                        throw problems.toException(subject, advice());
                    }
                    byte[] chunk = new byte[length];
                    readFully(in, chunk, problems, subject, where, position);
                    position += length;
                    verifier.accept(chunkNo, chunk);
                    sink.accept(writer, chunkNo, chunk);
                }
                verifier.finish();
            }
            long computed = checked.getChecksum().getValue();
            int stored = readInt(in, problems, subject, "the trailing checksum", position);
            if (stored != (int) computed) {
                problems.add(Problem.CHECKSUM_MISMATCH, String.format(
                        "the trailing checksum is %08x but the file's content has %08x", stored, computed));
            }
            if (in.read() != -1) {
                problems.add(Problem.INVALID_FILE, (size - position - 4)
                        + " unexpected bytes follow the trailing checksum");
            }
            problems.throwIfAny(subject, advice());
            return manifest;
        }
    }

    private record Header(Manifest manifest, int length) {
    }

    private static Header readHeader(DataInputStream in, long size, Problems problems, String subject)
            throws IOException {
        byte[] magic = new byte[MAGIC.length];
        readFully(in, magic, problems, subject, "the magic bytes", 0);
        if (!Arrays.equals(magic, MAGIC)) {
            problems.add(Problem.INVALID_FILE, "it does not start with the magic bytes \"CTRLSNAP\", so it is not"
                    + " a Contrail snapshot file");
            throw problems.toException(subject, advice());
        }
        int version = readInt(in, problems, subject, "the format version", 8);
        if (version != FILE_VERSION) {
            problems.add(Problem.INVALID_FILE, "it has file format version " + version + "; this Contrail reads"
                    + " version " + FILE_VERSION + " (read it with the Contrail version that wrote it)");
            throw problems.toException(subject, advice());
        }
        int headerLength = readInt(in, problems, subject, "the header length", 12);
        if (headerLength < 0 || headerLength > MAX_HEADER_SIZE || headerLength > size - 16) {
            problems.add(Problem.INVALID_FILE, "its header length " + headerLength + " is impossible for a "
                    + size + "-byte file");
            throw problems.toException(subject, advice());
        }
        byte[] header = new byte[headerLength];
        readFully(in, header, problems, subject, "the header", 16);
        Manifest manifest;
        try {
            manifest = ManifestCodec.decode(header);
        } catch (MalformedDataException e) {
            problems.add(e.getMessage().contains("checksum") ? Problem.CHECKSUM_MISMATCH : Problem.INVALID_FILE,
                    "its header is unreadable: " + e.getMessage());
            throw problems.toException(subject, advice());
        }
        if (manifest.export().isEmpty()) {
            problems.add(Problem.INVALID_FILE, "its header does not describe an export (no name and time)");
            throw problems.toException(subject, advice());
        }
        Verification.checkConsistent(manifest, problems);
        problems.throwIfAny(subject, advice());
        return new Header(manifest, headerLength);
    }

    private static int readInt(DataInputStream in, Problems problems, String subject, String what, long position)
            throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw truncated(problems, subject, what, position);
        }
    }

    private static void readFully(InputStream in, byte[] into, Problems problems, String subject, String what,
                                  long position) throws IOException {
        int n = in.readNBytes(into, 0, into.length);
        if (n < into.length) {
            throw truncated(problems, subject, what, position);
        }
    }

    private static SnapshotCorruptedException truncated(Problems problems, String subject, String what, long position) {
        problems.add(Problem.INVALID_FILE, "it ends inside " + what + " (at byte " + position
                + "): the file is truncated");
        return problems.toException(subject, advice());
    }

    private static String advice() {
        return "Restore the file from a backup, or delete the export and export a sound snapshot under this name"
                + " again.";
    }
}
