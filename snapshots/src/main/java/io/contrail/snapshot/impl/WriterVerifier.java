package io.contrail.snapshot.impl;

import io.contrail.snapshot.SnapshotCorruptedException.Problem;
import io.contrail.snapshot.WriterSummary;

import java.util.zip.CRC32C;

/**
 * Checks the chunks of one writer, fed in chunk order, against its summary in the verification
 * record: every chunk present, each matching its own CRC32C, and together matching the writer's
 * entry count, byte count and checksum. Problems go to a shared {@link Problems}.
 *
 * <h2>Threading</h2>
 * Not thread-safe; one per writer per verification.
 */
final class WriterVerifier {

    private final WriterSummary writer;
    private final Problems problems;
    private final CRC32C crc = new CRC32C();
    private long entries;
    private long bytes;
    private boolean chunkProblem;

    WriterVerifier(WriterSummary writer, Problems problems) {
        this.writer = writer;
        this.problems = problems;
    }

    static String describe(WriterSummary writer) {
        return "vertex '" + writer.vertexName() + "' processor " + writer.processorIndex();
    }

    /** Checks chunk {@code chunkNo} (null if absent); true if it may be read. */
    boolean accept(int chunkNo, byte[] chunk) {
        String where = "chunk " + chunkNo + " (of " + writer.chunkCount() + ") of " + describe(writer);
        if (chunk == null) {
            chunkProblem = true;
            problems.add(Problem.MISSING_CHUNK, where + " is missing");
            return false;
        }
        if (chunk.length < Chunks.HEADER_SIZE) {
            chunkProblem = true;
            problems.add(Problem.UNREADABLE_DATA, where + " has " + chunk.length + " bytes, fewer than its "
                    + Chunks.HEADER_SIZE + "-byte header");
            return false;
        }
        crc.update(chunk, 0, chunk.length);
        bytes += chunk.length;
        entries += Chunks.entryCount(chunk);
        long stored = Chunks.storedChecksum(chunk);
        long computed = Chunks.computedChecksum(chunk);
        if (stored != computed) {
            chunkProblem = true;
            problems.add(Problem.CHECKSUM_MISMATCH, String.format(
                    "%s: checksum mismatch (the chunk header says %08x, its data has %08x)", where, stored, computed));
            return false;
        }
        return true;
    }

    /** Checks the totals, after all chunks were accepted. Skipped if a chunk already failed. */
    void finish() {
        if (chunkProblem) {
            return;
        }
        if (entries != writer.entryCount()) {
            problems.add(Problem.COUNT_MISMATCH, describe(writer) + ": its chunks hold " + entries
                    + " entries but the verification record says " + writer.entryCount());
        }
        if (bytes != writer.byteCount()) {
            problems.add(Problem.COUNT_MISMATCH, describe(writer) + ": its chunks hold " + bytes
                    + " bytes but the verification record says " + writer.byteCount());
        }
        if (crc.getValue() != writer.checksum()) {
            problems.add(Problem.CHECKSUM_MISMATCH, String.format(
                    "%s: checksum mismatch over its chunks (the verification record says %08x, the data has %08x)",
                    describe(writer), writer.checksum(), crc.getValue()));
        }
    }
}
