package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlException;
import io.contrail.sql.SqlService;

import static java.util.Objects.requireNonNull;

/**
 * Runs one statement for the pgwire endpoint. In production this is a member's
 * {@link SqlService} ({@link #of(SqlService)}); tests may plug a double, for example one whose
 * rows never end.
 *
 * <p>Threading: called by the session threads of all connections at once; may block.
 */
@FunctionalInterface
public interface StatementRunner {

    /**
     * Runs a statement.
     *
     * @param sql    one statement, {@code ?} for each parameter
     * @param params the values of the parameters, in order
     * @throws SqlException for an error the client should see with its SQLSTATE
     */
    StatementResult run(String sql, Object[] params);

    /** A runner on the engine. */
    static StatementRunner of(SqlService sqlService) {
        requireNonNull(sqlService, "sqlService is null");
        return (sql, params) -> StatementResult.of(sqlService.execute(sql, params));
    }
}
