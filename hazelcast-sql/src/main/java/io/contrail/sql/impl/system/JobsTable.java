package io.contrail.sql.impl.system;

import io.contrail.jet.ContrailInstance;
import io.contrail.jet.job.JobKind;
import io.contrail.jet.job.JobSummary;
import io.contrail.jet.job.SnapshotSummary;
import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * {@code system.jobs}: one row per job of the cluster that has a record (jobs that have not
 * ended, and ended ones within the retention time) and that the user may see (an admin sees
 * all, others the jobs they may control), in the order of {@code SHOW JOBS}
 * ({@link JobSummary#SHOW_JOBS_ORDER}: jobs that have not ended by start time, then ended jobs
 * by end time). The columns, after the reference's {@code SHOW JOBS}:
 * <ul>
 *     <li>{@code job_id} BIGINT, {@code job_name} VARCHAR;</li>
 *     <li>{@code job_type} VARCHAR: how it was created and whether it streams: {@code SQL
 *     STREAMING}, {@code SQL BATCH}, {@code API STREAMING}, {@code API BATCH}, or {@code API} when
 *     its submitter did not say;</li>
 *     <li>{@code description} VARCHAR: the statement of a SQL job, else a text naming the job;
 *     {@code statement} VARCHAR: the statement, or NULL for API jobs;</li>
 *     <li>{@code user_name} VARCHAR: who created it (NULL for API jobs);</li>
 *     <li>{@code status} VARCHAR: {@code NOT_RUNNING}, {@code STARTING}, {@code RUNNING},
 *     {@code SUSPENDED}, {@code SUSPENDED_EXPORTING_SNAPSHOT}, {@code COMPLETING}, {@code FAILED}
 *     (cancelled jobs too, with error {@code Cancelled}) or {@code COMPLETED};
 *     {@code running_status} VARCHAR: what it is doing or why it is not running, or NULL;</li>
 *     <li>{@code created}, {@code started}, {@code finished}, {@code modified} TIMESTAMP WITH TIME
 *     ZONE (NULL when it has not started or not finished);</li>
 *     <li>{@code error} VARCHAR; {@code fraction_completed} DOUBLE (1.0 once COMPLETED, else
 *     NULL: sources do not report how much they have left);</li>
 *     <li>{@code coordinator_id} VARCHAR: the UUID of the member coordinating it;</li>
 *     <li>{@code last_snapshot_id} BIGINT, {@code last_snapshot_time} TIMESTAMP WITH TIME ZONE;</li>
 *     <li>{@code items_in}, {@code items_out} BIGINT: items its sources emitted and its sinks
 *     received over all its executions.</li>
 * </ul>
 */
public final class JobsTable extends SystemTable {

    /** The columns, in order. */
    public static final List<SqlColumnMetadata> COLUMNS = List.of(
            new SqlColumnMetadata("job_id", SqlColumnType.BIGINT),
            new SqlColumnMetadata("job_name", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("job_type", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("description", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("statement", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("user_name", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("status", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("running_status", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("created", SqlColumnType.TIMESTAMP_WITH_TIME_ZONE),
            new SqlColumnMetadata("started", SqlColumnType.TIMESTAMP_WITH_TIME_ZONE),
            new SqlColumnMetadata("finished", SqlColumnType.TIMESTAMP_WITH_TIME_ZONE),
            new SqlColumnMetadata("modified", SqlColumnType.TIMESTAMP_WITH_TIME_ZONE),
            new SqlColumnMetadata("error", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("fraction_completed", SqlColumnType.DOUBLE),
            new SqlColumnMetadata("coordinator_id", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("last_snapshot_id", SqlColumnType.BIGINT),
            new SqlColumnMetadata("last_snapshot_time", SqlColumnType.TIMESTAMP_WITH_TIME_ZONE),
            new SqlColumnMetadata("items_in", SqlColumnType.BIGINT),
            new SqlColumnMetadata("items_out", SqlColumnType.BIGINT));

    /** The table's name. */
    public static final String NAME = "jobs";

    private final ContrailInstance member;
    private final Predicate<JobSummary> visible;

    /** @param visible the jobs the table lists: those the user may control */
    JobsTable(ContrailInstance member, Predicate<JobSummary> visible) {
        super(NAME, COLUMNS);
        this.member = requireNonNull(member, "member is null");
        this.visible = requireNonNull(visible, "visible is null");
    }

    @Override
    public List<Object[]> rows() {
        return member.getJobSummaries().stream().filter(visible).map(JobsTable::row).toList();
    }

    /** The row of one job, internal values in {@link #COLUMNS} order. */
    public static Object[] row(JobSummary job) {
        SnapshotSummary snapshot = job.lastSnapshot();
        return new Object[]{
                job.jobId(),
                job.name(),
                jobType(job),
                job.statement() != null ? job.statement() : "Job '" + job.name() + "', submitted through the Java API",
                job.statement(),
                job.owner(),
                job.status().name(),
                job.runningStatus(),
                millis(job.created()),
                millis(job.started()),
                millis(job.finished()),
                millis(job.modified()),
                job.error(),
                job.fractionCompleted(),
                job.coordinatorId(),
                snapshot == null ? null : snapshot.snapshotId(),
                snapshot == null ? null : snapshot.completedAt(),
                job.itemsIn(),
                job.itemsOut()
        };
    }

    private static String jobType(JobSummary job) {
        String kind = job.kind() == JobKind.SQL ? "SQL" : "API";
        if (job.streaming() == null) {
            return kind;
        }
        return kind + (job.streaming() ? " STREAMING" : " BATCH");
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
