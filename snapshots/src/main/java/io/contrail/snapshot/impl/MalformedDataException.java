package io.contrail.snapshot.impl;

/**
 * Bytes that do not decode: thrown by the decoders in this package and turned into a
 * {@link io.contrail.snapshot.SnapshotCorruptedException} by whoever knows which snapshot,
 * chunk or file the bytes came from.
 */
public final class MalformedDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedDataException(String message) {
        super(message);
    }

    public MalformedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
