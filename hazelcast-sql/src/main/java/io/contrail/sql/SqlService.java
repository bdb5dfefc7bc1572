package io.contrail.sql;

import io.contrail.jet.ContrailInstance;
import io.contrail.sql.impl.ContrailSqlService;

import java.util.List;
import java.util.Optional;

/**
 * Runs SQL statements on a Contrail member. Mappings live in the cluster (an IMap), so every
 * {@code SqlService} of every member sees the same ones.
 *
 * <pre>{@code
 * SqlService sql = SqlService.of(member);
 * sql.execute("CREATE MAPPING trades (id BIGINT, symbol VARCHAR) TYPE IMap "
 *         + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')");
 * try (SqlResult result = sql.execute("SHOW MAPPINGS")) {
 *     for (SqlRow row : result) {
 *         System.out.println(row.getObject("name"));
 *     }
 * }
 * }</pre>
 *
 * <p>Threading: thread-safe; a service keeps no state besides its member.
 */
public interface SqlService {

    /** The name of the user an embedded application's statements run as. */
    String EMBEDDED_USER = "admin";

    /**
     * The SQL service of that member, running statements as {@link #EMBEDDED_USER} (the
     * application that embeds the member is trusted); cheap, so there is no need to keep it.
     */
    static SqlService of(ContrailInstance member) {
        return new ContrailSqlService(member, EMBEDDED_USER);
    }

    /**
     * The SQL service of that member for statements of {@code user}: jobs they create record
     * them as owner.
     */
    static SqlService of(ContrailInstance member, String user) {
        return new ContrailSqlService(member, user);
    }

    /**
     * Runs one statement (no trailing semicolon).
     *
     * @param sql    the statement
     * @param params the values of its {@code ?} parameters, in order
     * @return the result, to be closed
     * @throws SqlException for any error; {@link SqlException#getErrorCode()} says which
     */
    SqlResult execute(String sql, Object... params);

    /**
     * The columns a statement would return, found by validating and planning it without running
     * it: for a query (SELECT, VALUES, SHOW JOBS as a query, EXPLAIN) its row metadata; empty for
     * a statement that returns no rows, or whose rows are only known once it runs. Parameters
     * ({@code ?}) need no values.
     *
     * @throws SqlException if the statement is not valid
     */
    default Optional<SqlRowMetadata> describe(String sql) {
        return Optional.empty();
    }

    /**
     * The tables queries can read now, as this user sees them: the mappings, then the system
     * tables, each group ordered by name.
     */
    default List<SqlTableMetadata> tables() {
        return List.of();
    }
}
