package io.contrail.sql.impl.jobs;

import io.contrail.jet.ContrailInstance;
import io.contrail.jet.job.JobSummary;
import io.contrail.snapshot.ExportedSnapshotInfo;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlResult;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;
import io.contrail.sql.impl.exec.QueryExecutor;
import io.contrail.sql.impl.exec.StatementContext;
import io.contrail.sql.impl.parse.SqlAlterJob;
import io.contrail.sql.impl.parse.SqlControlJob;
import io.contrail.sql.impl.parse.SqlControlJobs;
import io.contrail.sql.impl.parse.SqlCreateSnapshot;
import io.contrail.sql.impl.parse.SqlDropJob;
import io.contrail.sql.impl.parse.SqlDropSnapshot;
import io.contrail.sql.impl.parse.SqlShowJob;
import io.contrail.sql.impl.parse.SqlShowJobs;
import io.contrail.sql.impl.parse.SqlShowJobsWhenComplete;
import io.contrail.sql.impl.parse.SqlShowSnapshots;
import io.contrail.sql.impl.system.JobsTable;
import io.contrail.sql.impl.system.SnapshotsTable;
import io.contrail.sql.impl.system.SystemTables;
import io.contrail.sql.impl.users.JobAccess;
import io.contrail.sql.impl.type.SqlTypes;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * Runs the job-management statements.
 * <ul>
 *     <li>{@code SHOW JOBS [WHERE c]} is {@code SELECT * FROM system.jobs [WHERE c]}, and
 *     {@code SHOW SNAPSHOTS} {@code SELECT * FROM system.snapshots}: row sets with the columns of
 *     {@link JobsTable} and {@link SnapshotsTable}. {@code SHOW JOB id} gives the job's row;
 *     {@code SHOW JOB WHEN COMPLETE id} and {@code SHOW JOBS WHEN COMPLETE (query)} wait, without
 *     limit, until the jobs have ended, then give their rows.</li>
 *     <li>The statements that change jobs or snapshots give {@link JobReport} rows: PAUSE, RESUME
 *     and CANCEL JOB id and ALTER JOB, DROP JOB, CREATE and DROP SNAPSHOT one row, or a
 *     {@link SqlException} with the error's code when they cannot act; PAUSE, RESUME and CANCEL
 *     JOBS (query) one row per id the query returns (in its order, each once), errors included.
 *     What each does is in {@link JobActions}.</li>
 * </ul>
 * ALTER JOB, DROP JOB and CREATE SNAPSHOT name the job: the job of that name that has not ended.
 * Statements act only on the jobs the user may control ({@link JobAccess}); the jobs table shows
 * them only those.
 *
 * <p>Threading: thread-safe; no state besides the member and the query executor.
 */
public final class JobStatements {

    /** How long the WHEN COMPLETE forms wait: in effect, until the jobs end or the thread is interrupted. */
    static final Duration WHEN_COMPLETE_WAIT = Duration.ofDays(3650);

    private static final SqlRowMetadata JOBS_METADATA = new SqlRowMetadata(JobsTable.COLUMNS);

    private final ContrailInstance member;
    private final QueryExecutor queries;
    private final JobActions actions;

    public JobStatements(ContrailInstance member, QueryExecutor queries, JobAccess access) {
        this.member = requireNonNull(member, "member is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.actions = new JobActions(member, access);
    }

    /** Whether {@link #execute} runs this statement. */
    public static boolean handles(SqlNode node) {
        return node instanceof SqlAlterJob || node instanceof SqlDropJob || node instanceof SqlCreateSnapshot
                || node instanceof SqlDropSnapshot || node instanceof SqlShowSnapshots || node instanceof SqlShowJobs
                || node instanceof SqlShowJob || node instanceof SqlShowJobsWhenComplete
                || node instanceof SqlControlJob || node instanceof SqlControlJobs;
    }

    /**
     * Whether the statement may take parameters: a job id given as {@code ?}, or a query or
     * condition (whose parameters are checked when it is planned). The others take none.
     */
    public static boolean takesParameters(SqlNode node) {
        if (node instanceof SqlControlJob control) {
            return control.getJobId() instanceof SqlDynamicParam;
        }
        if (node instanceof SqlShowJob show) {
            return show.getJobId() instanceof SqlDynamicParam;
        }
        return node instanceof SqlControlJobs || node instanceof SqlShowJobsWhenComplete || node instanceof SqlShowJobs;
    }

    /**
     * Runs a statement {@link #handles} accepts.
     *
     * @param parameters the statement's parameters; none unless {@link #takesParameters}
     */
    public SqlResult execute(SqlNode node, StatementContext context, Object[] parameters) {
        if (node instanceof SqlShowJobs show) {
            return queries.select(SystemTables.selectAll(JobsTable.NAME, show.getParserPosition(), show.getWhere()),
                    context, parameters);
        }
        if (node instanceof SqlShowSnapshots show) {
            return queries.select(SystemTables.selectAll(SnapshotsTable.NAME, show.getParserPosition(), null),
                    context, parameters);
        }
        if (node instanceof SqlShowJob show) {
            return showJob(show, parameters);
        }
        if (node instanceof SqlShowJobsWhenComplete show) {
            return showJobsWhenComplete(jobIds(show.getQuery(), context, parameters));
        }
        if (node instanceof SqlControlJob control) {
            String statement = control.getAction() + " JOB";
            long jobId = JobIdValues.of(control.getJobId(), statement, parameters);
            return JobReport.result(List.of(control(control.getAction(), jobId).orThrow()));
        }
        if (node instanceof SqlControlJobs control) {
            List<JobReport> reports = new ArrayList<>();
            for (long jobId : jobIds(control.getQuery(), context, parameters)) {
                reports.add(control(control.getAction(), jobId));
            }
            return JobReport.result(reports);
        }
        if (node instanceof SqlAlterJob alter) {
            return JobReport.result(List.of(alter(alter).orThrow()));
        }
        if (node instanceof SqlDropJob drop) {
            return JobReport.result(List.of(drop(drop).orThrow()));
        }
        if (node instanceof SqlCreateSnapshot create) {
            JobSummary job = activeJob(create.getJobName().getSimple());
            return JobReport.result(List.of(actions.exportSnapshot(job, "CREATE SNAPSHOT",
                    create.getName().getSimple()).orThrow()));
        }
        if (node instanceof SqlDropSnapshot drop) {
            return JobReport.result(List.of(dropSnapshot(drop.getName().getSimple(), drop.isIfExists())));
        }
        throw new IllegalArgumentException("not a job statement: " + node);
    }

    private JobReport control(SqlControlJob.Action action, long jobId) {
        Optional<JobSummary> job = member.getJobSummary(jobId);
        if (job.isEmpty()) {
            return JobActions.notFound(jobId, action.name());
        }
        return switch (action) {
            case PAUSE -> actions.pause(job.get(), action.name());
            case RESUME -> actions.resume(job.get(), action.name(), Map.of());
            case CANCEL -> actions.cancel(job.get(), action.name(), null);
        };
    }

    private JobReport alter(SqlAlterJob alter) {
        JobSummary job = activeJob(alter.getName().getSimple());
        String action = alter.getOperation().name();
        return switch (alter.getOperation()) {
            case SUSPEND -> actions.pause(job, action);
            case RESUME -> actions.resume(job, action, alter.getOptionMap());
            case RESTART -> actions.restart(job, action);
        };
    }

    private JobReport drop(SqlDropJob drop) {
        String name = drop.getName().getSimple();
        String snapshot = drop.getSnapshotName() == null ? null : drop.getSnapshotName().getSimple();
        if (drop.isIfExists() && findActiveJob(name).isEmpty()) {
            return JobReport.skipped(null, name, "DROP JOB", "No active job is named '" + name + "'");
        }
        return actions.cancel(activeJob(name), "DROP JOB", snapshot);
    }

    private JobReport dropSnapshot(String name, boolean ifExists) {
        Optional<ExportedSnapshotInfo> snapshot = member.getExportedSnapshot(name);
        if (snapshot.isPresent() && member.deleteExportedSnapshot(name)) {
            ExportedSnapshotInfo info = snapshot.get();
            return JobReport.done(info.jobId(), info.jobName(), "DROP SNAPSHOT", "Deleted snapshot '" + name
                    + "' (snapshot " + info.snapshotId() + " of job '" + info.jobName() + "')");
        }
        if (!ifExists) {
            throw new SqlException(SqlErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot is named '" + name
                    + "' (names are case-sensitive); SHOW SNAPSHOTS lists them, DROP SNAPSHOT IF EXISTS ignores a missing one");
        }
        return JobReport.skipped(null, null, "DROP SNAPSHOT", "No snapshot is named '" + name + "'");
    }

    private SqlResult showJob(SqlShowJob show, Object[] parameters) {
        long jobId = JobIdValues.of(show.getJobId(), "SHOW JOB", parameters);
        JobSummary job = show.isWhenComplete() ? awaitEnd(jobId) : member.getJobSummary(jobId)
                .orElseThrow(() -> new SqlException(SqlErrorCode.JOB_NOT_FOUND, JobActions.notFoundMessage(jobId)));
        return jobRows(List.of(job));
    }

    private SqlResult showJobsWhenComplete(Set<Long> jobIds) {
        List<JobSummary> jobs = new ArrayList<>();
        for (long jobId : jobIds) {
            jobs.add(awaitEnd(jobId));
        }
        jobs.sort(JobSummary.SHOW_JOBS_ORDER);
        return jobRows(jobs);
    }

    private JobSummary awaitEnd(long jobId) {
        try {
            return member.awaitJobTerminal(jobId, WHEN_COMPLETE_WAIT);
        } catch (IllegalArgumentException e) {
            throw new SqlException(SqlErrorCode.JOB_NOT_FOUND, JobActions.notFoundMessage(jobId), e);
        } catch (TimeoutException e) {
            throw new SqlException(SqlErrorCode.EXECUTION_FAILED, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqlException(SqlErrorCode.CANCELLED, "Interrupted while waiting for job " + jobId + " to end", e);
        }
    }

    private static SqlResult jobRows(List<JobSummary> jobs) {
        List<SqlRow> rows = new ArrayList<>();
        for (JobSummary job : jobs) {
            Object[] internal = JobsTable.row(job);
            List<Object> values = new ArrayList<>(internal.length);
            for (int i = 0; i < internal.length; i++) {
                values.add(SqlTypes.toExternal(internal[i], JobsTable.COLUMNS.get(i).type()));
            }
            rows.add(new SqlRow(JOBS_METADATA, values));
        }
        return SqlResult.ofRows(JOBS_METADATA, rows);
    }

    /**
     * The job ids the query of a plural statement returns, each once, in the query's order.
     *
     * @throws SqlException {@link SqlErrorCode#INVALID_QUERY} unless the query returns one column,
     *                      {@link SqlErrorCode#INVALID_JOB_ID} for a value that is no job id
     */
    private Set<Long> jobIds(SqlNode query, StatementContext context, Object[] parameters) {
        Set<Long> ids = new LinkedHashSet<>();
        try (SqlResult result = queries.select(query, context, parameters)) {
            int columns = result.getRowMetadata().getColumnCount();
            if (columns != 1) {
                throw new SqlException(SqlErrorCode.INVALID_QUERY, "The query must return one column, the job ids, but"
                        + " it returns " + columns + "; select only job_id, as in (SELECT job_id FROM system.jobs WHERE ...)");
            }
            for (SqlRow row : result) {
                ids.add(JobIdValues.toId(row.getObject(0), "A value returned by the query"));
            }
        }
        return ids;
    }

    private JobSummary activeJob(String name) {
        return findActiveJob(name).orElseThrow(() -> new SqlException(SqlErrorCode.JOB_NOT_FOUND, "No active job is"
                + " named '" + name + "' (names are case-sensitive; a job that has ended is no longer active);"
                + " SHOW JOBS lists the jobs"));
    }

    private Optional<JobSummary> findActiveJob(String name) {
        return member.getJobSummaries().stream()
                .filter(job -> job.name().equals(name) && !job.status().isTerminal())
                .findFirst();
    }
}
