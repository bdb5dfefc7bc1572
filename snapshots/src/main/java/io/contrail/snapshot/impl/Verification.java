package io.contrail.snapshot.impl;

import io.contrail.snapshot.SnapshotCorruptedException.Problem;
import io.contrail.snapshot.SnapshotMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks on a manifest that need no data: that its totals and combined checksum agree with its
 * writers, and that it describes the snapshot its referrer (a job record, a catalog entry, the
 * caller's metadata) expects.
 *
 * <h2>Threading</h2>
 * Stateless; safe from any thread.
 */
final class Verification {

    private Verification() {
    }

    static void checkConsistent(Manifest manifest, Problems problems) {
        SnapshotMetadata m = manifest.metadata();
        long entries = 0;
        long chunks = 0;
        long bytes = 0;
        for (var w : manifest.writers()) {
            entries += w.entryCount();
            chunks += w.chunkCount();
            bytes += w.byteCount();
        }
        if (entries != m.entryCount()) {
            problems.add(Problem.COUNT_MISMATCH, "the verification record's total of " + m.entryCount()
                    + " entries differs from the sum over its writers, " + entries);
        }
        if (chunks != m.chunkCount()) {
            problems.add(Problem.COUNT_MISMATCH, "the verification record's total of " + m.chunkCount()
                    + " chunks differs from the sum over its writers, " + chunks);
        }
        if (bytes != m.totalBytes()) {
            problems.add(Problem.COUNT_MISMATCH, "the verification record's total of " + m.totalBytes()
                    + " bytes differs from the sum over its writers, " + bytes);
        }
        long combined = Manifest.combinedChecksum(manifest.writers());
        if (combined != m.checksum()) {
            problems.add(Problem.CHECKSUM_MISMATCH, String.format(
                    "the verification record's combined checksum %08x differs from that of its writers, %08x",
                    m.checksum(), combined));
        }
        if (!ValueCodec.reads(m.formatVersion())) {
            problems.add(Problem.METADATA_MISMATCH, "the data has format version " + m.formatVersion()
                    + "; this Contrail reads versions " + ValueCodec.OLDEST_READABLE_VERSION + " to "
                    + ValueCodec.FORMAT_VERSION);
        }
    }

    /**
     * Compares what {@code referrer} expects with the verification record.
     *
     * @param referrer names the expectation in messages, e.g. "the job record"
     */
    static void checkMatches(SnapshotMetadata expected, String referrer, SnapshotMetadata actual, Problems problems) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.entryCount() != actual.entryCount()) {
            problems.add(Problem.COUNT_MISMATCH, referrer + " says " + expected.entryCount()
                    + " entries, the verification record says " + actual.entryCount());
        }
        if (expected.chunkCount() != actual.chunkCount()) {
            problems.add(Problem.COUNT_MISMATCH, referrer + " says " + expected.chunkCount()
                    + " chunks, the verification record says " + actual.chunkCount());
        }
        if (expected.totalBytes() != actual.totalBytes()) {
            problems.add(Problem.COUNT_MISMATCH, referrer + " says " + expected.totalBytes()
                    + " bytes, the verification record says " + actual.totalBytes());
        }
        if (expected.checksum() != actual.checksum()) {
            problems.add(Problem.CHECKSUM_MISMATCH, String.format(
                    "%s says checksum %08x, the verification record says %08x",
                    referrer, expected.checksum(), actual.checksum()));
        }
        List<String> other = new ArrayList<>();
        differs(other, "job id", expected.jobId(), actual.jobId());
        differs(other, "snapshot id", expected.snapshotId(), actual.snapshotId());
        differs(other, "job name", expected.jobName(), actual.jobName());
        differs(other, "slot", expected.slot(), actual.slot());
        differs(other, "completion time", expected.completedAt(), actual.completedAt());
        differs(other, "format version", expected.formatVersion(), actual.formatVersion());
        differs(other, "vertices", expected.vertices(), actual.vertices());
        if (!other.isEmpty()) {
            problems.add(Problem.METADATA_MISMATCH, referrer + " and the verification record disagree on "
                    + String.join(", ", other));
        }
    }

    private static void differs(List<String> out, String field, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            out.add(field + " (" + expected + " vs " + actual + ")");
        }
    }
}
