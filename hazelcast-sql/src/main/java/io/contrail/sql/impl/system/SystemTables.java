package io.contrail.sql.impl.system;

import io.contrail.jet.ContrailInstance;
import io.contrail.jet.job.JobSummary;
import io.contrail.sql.impl.catalog.MappingCatalog;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.function.Predicate;

/**
 * The system tables of a member, all in the schema {@value #SCHEMA}: {@link JobsTable},
 * {@link SnapshotsTable} and {@link MappingsTable}.
 */
public final class SystemTables {

    /** The schema of the system tables: {@code system.jobs}. */
    public static final String SCHEMA = "system";

    private SystemTables() {
    }

    /**
     * The system tables reading the state of {@code member} and {@code catalog}.
     *
     * @param visibleJobs the jobs the user may see: {@code jobs} lists only those
     */
    public static List<SystemTable> of(ContrailInstance member, MappingCatalog catalog,
                                       Predicate<JobSummary> visibleJobs) {
        return List.of(new JobsTable(member, visibleJobs), new SnapshotsTable(member), new MappingsTable(catalog));
    }

    /**
     * {@code SELECT * FROM system.<table> [WHERE condition]}, at {@code pos}: what SHOW JOBS and
     * SHOW SNAPSHOTS run.
     *
     * @param where the condition, or {@code null}
     */
    public static SqlSelect selectAll(String table, SqlParserPos pos, SqlNode where) {
        SqlNodeList star = new SqlNodeList(List.of(SqlIdentifier.star(pos)), pos);
        SqlIdentifier name = new SqlIdentifier(List.of(SCHEMA, table), pos);
        return new SqlSelect(pos, null, star, name, where, null, null, null, null, null, null, null, null);
    }
}
