package io.contrail.sql.impl.system;

import io.contrail.sql.impl.parse.SqlShowJobs;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Planner rewrite that replaces each {@code [SHOW JOBS [WHERE condition]]} table reference of a
 * query with the subquery {@code (SELECT * FROM system.jobs [WHERE condition])}, so that Calcite's
 * validator meets only ordinary tables. The parser already reads {@code SHOW JOBS} where a query
 * stands ({@code WITH x AS (SHOW JOBS) ...}) as {@code SELECT * FROM [SHOW JOBS]}, so this covers
 * every form. The schema is named explicitly: a mapping named {@code jobs} does not hide it.
 */
public final class ShowJobsExpander extends SqlShuttle {

    private static final ShowJobsExpander INSTANCE = new ShowJobsExpander();

    private ShowJobsExpander() {
    }

    /** The query with every {@code [SHOW JOBS]} replaced; the query itself when it has none. */
    public static SqlNode expand(SqlNode query) {
        return query.accept(INSTANCE);
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof SqlShowJobs show) {
            SqlNode where = show.getWhere();
            return SystemTables.selectAll(JobsTable.NAME, show.getParserPosition(), where == null ? null : where.accept(this));
        }
        return super.visit(call);
    }
}
