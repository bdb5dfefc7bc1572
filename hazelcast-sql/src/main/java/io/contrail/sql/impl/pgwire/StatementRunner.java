package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlException;
import io.contrail.sql.SqlRowMetadata;
import io.contrail.sql.SqlService;
import io.contrail.sql.SqlTableMetadata;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Runs one statement for the pgwire endpoint, as the user of the connection. In production this
 * is a member's {@link SqlService} for that user ({@link #of(Function)}); tests may plug a
 * double, for example one whose rows never end.
 *
 * <p>Threading: called by the session threads of all connections at once; may block.
 */
@FunctionalInterface
public interface StatementRunner {

    /**
     * Runs a statement.
     *
     * @param user   the authenticated user of the connection
     * @param sql    one statement, {@code ?} for each parameter
     * @param params the values of the parameters, in order
     * @throws SqlException for an error the client should see with its SQLSTATE
     */
    StatementResult run(String user, String sql, Object[] params);

    /**
     * The columns a statement would return, without running it (see {@link SqlService#describe});
     * empty when not known before it runs.
     *
     * @throws SqlException if the statement is not valid
     */
    default Optional<SqlRowMetadata> describe(String user, String sql) {
        return Optional.empty();
    }

    /** The tables the user's queries can read now ({@link SqlService#tables()}). */
    default List<SqlTableMetadata> tables(String user) {
        return List.of();
    }

    /**
     * A runner on the engine.
     *
     * @param serviceOfUser the SQL service that runs statements as that user; called per statement
     */
    static StatementRunner of(Function<String, SqlService> serviceOfUser) {
        requireNonNull(serviceOfUser, "serviceOfUser is null");
        return new StatementRunner() {
            @Override
            public StatementResult run(String user, String sql, Object[] params) {
                return StatementResult.of(serviceOfUser.apply(user).execute(sql, params));
            }

            @Override
            public Optional<SqlRowMetadata> describe(String user, String sql) {
                return serviceOfUser.apply(user).describe(sql);
            }

            @Override
            public List<SqlTableMetadata> tables(String user) {
                return serviceOfUser.apply(user).tables();
            }
        };
    }
}
