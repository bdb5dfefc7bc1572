package io.contrail.snapshot;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot failed verification: data is missing, does not match its checksum or its recorded
 * counts, or cannot be decoded. A snapshot that fails verification is never used; a job asked
 * to restore from it must fail with this exception's message rather than start from empty state.
 *
 * <p>The message names the job (or the exported snapshot) and the snapshot id, and lists every
 * problem found (at most {@value #MAX_LISTED_PROBLEMS}); {@link #problem()} is the kind of the
 * first one and {@link #problems()} are the kinds of all of them, for callers that branch on it.
 */
public class SnapshotCorruptedException extends SnapshotException {

    private static final long serialVersionUID = 1L;

    /** Most problems spelled out in a message; the rest are counted. */
    public static final int MAX_LISTED_PROBLEMS = 10;

    /** What is wrong with a snapshot. */
    public enum Problem {
        /** The verification record, written last when the snapshot completed, is absent. */
        MISSING_VERIFICATION_RECORD,
        /** A chunk listed in the verification record is absent from storage. */
        MISSING_CHUNK,
        /** Stored bytes do not match their CRC32C checksum. */
        CHECKSUM_MISMATCH,
        /** Entry, chunk or byte counts disagree between the record and the data. */
        COUNT_MISMATCH,
        /** The snapshot's description (job record or verification record) disagree. */
        METADATA_MISMATCH,
        /** Bytes that pass their checksum cannot be decoded (unknown type tag, truncated entry). */
        UNREADABLE_DATA,
        /** An exported snapshot file is not a valid snapshot file (magic, version, truncation). */
        INVALID_FILE
    }

    private final List<Problem> problems;

    public SnapshotCorruptedException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(requireNonNull(problems, "problems is null"));
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("problems is empty");
        }
    }

    public SnapshotCorruptedException(String message, Problem problem) {
        this(message, List.of(requireNonNull(problem, "problem is null")));
    }

    /** The kind of the first problem found. */
    public Problem problem() {
        return problems.get(0);
    }

    /** The kinds of all problems found, in the order they are listed in the message. */
    public List<Problem> problems() {
        return problems;
    }
}
