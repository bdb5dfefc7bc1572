package io.contrail.sql;

import io.contrail.jet.ContrailInstance;
import io.contrail.sql.impl.ContrailSqlService;

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

    /** The SQL service of that member; cheap, so there is no need to keep it. */
    static SqlService of(ContrailInstance member) {
        return new ContrailSqlService(member);
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
}
