package io.contrail.sql.impl.pgwire;

import static java.util.Objects.requireNonNull;

/** An error the protocol layer itself raises, with the {@link PgError} the client gets. */
final class PgException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient PgError error;

    PgException(PgError error) {
        this(error, null);
    }

    PgException(PgError error, Throwable cause) {
        super(requireNonNull(error, "error is null").message(), cause);
        this.error = error;
    }

    PgError error() {
        return error;
    }

    static PgException cancelled() {
        return new PgException(PgError.error(PgError.QUERY_CANCELED, "canceling statement due to user request"));
    }
}
