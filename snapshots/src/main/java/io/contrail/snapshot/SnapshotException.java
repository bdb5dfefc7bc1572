package io.contrail.snapshot;

/**
 * A snapshot could not be written, read or exported. The message says what failed and what the
 * user can do about it; the cause, when present, is the underlying storage or I/O error.
 */
public class SnapshotException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
