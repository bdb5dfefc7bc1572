package io.contrail.sql;

import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** ALTER JOB, DROP JOB, CREATE and DROP SNAPSHOT, SHOW SNAPSHOTS, end to end on a member, with their errors. */
class SqlJobManagementTest extends SqlJobTestSupport {

    @Test
    void alterJob_suspendResumeRestart() {
        Job job = createTicker("mgmt_alter");
        long id = job.getId();

        assertThat(rows("ALTER JOB mgmt_alter SUSPEND")).singleElement().satisfies(r ->
                assertThat(r.subList(0, 4)).containsExactly(id, "mgmt_alter", "SUSPEND", "DONE"));
        assertThat(job.getStatus()).isEqualTo(JobStatus.SUSPENDED);
        assertThat(rows("ALTER JOB mgmt_alter SUSPEND")).extracting(r -> r.get(REPORT_RESULT)).containsExactly("SKIPPED");
        assertSqlError("ALTER JOB mgmt_alter RESTART", SqlErrorCode.INVALID_JOB_STATE, "Cannot RESTART job 'mgmt_alter':"
                + " it is SUSPENDED; only a RUNNING job restarts; a paused one resumes with ALTER JOB ... RESUME");

        assertThat(rows("ALTER JOB mgmt_alter RESUME")).singleElement().satisfies(r ->
                assertThat(r.subList(2, 4)).containsExactly("RESUME", "DONE"));
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);

        long runningTransitionsBefore = runningSince(job);
        assertThat(rows("ALTER JOB mgmt_alter RESTART")).singleElement().satisfies(r -> {
            assertThat(r.subList(2, 4)).containsExactly("RESTART", "DONE");
            assertThat((String) r.get(REPORT_MESSAGE)).matches("Restarting job 'mgmt_alter' from snapshot \\d+");
        });
        await().until(() -> job.getStatus() == JobStatus.RUNNING && runningSince(job) > runningTransitionsBefore);
    }

    /** When the job last became RUNNING, as SHOW JOBS' modified column says. */
    private static long runningSince(Job job) {
        List<List<Object>> rows = rows("SELECT modified FROM system.jobs WHERE job_id = " + job.getId());
        return ((OffsetDateTime) rows.get(0).get(0)).toInstant().toEpochMilli();
    }

    @Test
    void alterJob_optionsResume_changesTheOptionsOfASuspendedJob() {
        Job job = createTicker("mgmt_options");
        assertSqlError("ALTER JOB mgmt_options OPTIONS ('snapshotIntervalMillis' = '50') RESUME",
                SqlErrorCode.INVALID_JOB_STATE, "it is RUNNING; only a paused (SUSPENDED) job resumes");
        rows("ALTER JOB mgmt_options SUSPEND");

        assertThat(rows("ALTER JOB mgmt_options OPTIONS ('snapshotIntervalMillis' = '50', 'metricsEnabled' = 'false') RESUME"))
                .singleElement().satisfies(r -> {
                    assertThat(r.subList(2, 4)).containsExactly("RESUME", "DONE");
                    assertThat((String) r.get(REPORT_MESSAGE))
                            .endsWith(" with snapshotIntervalMillis, metricsEnabled changed");
                });

        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.getConfig().getSnapshotIntervalMillis()).isEqualTo(50);
        assertThat(job.getConfig().isMetricsEnabled()).isFalse();
        assertSqlError("ALTER JOB mgmt_options OPTIONS ('processingGuarantee' = 'none') RESUME",
                SqlErrorCode.INVALID_STATEMENT, "Job option 'processingGuarantee' cannot be changed by ALTER JOB");
        assertSqlError("ALTER JOB mgmt_options OPTIONS ('initialSnapshotName' = 's') RESUME",
                SqlErrorCode.INVALID_STATEMENT, "Job option 'initialSnapshotName' cannot be changed by ALTER JOB");
    }

    @Test
    void alterJob_errors() {
        assertSqlError("ALTER JOB nobody SUSPEND", SqlErrorCode.JOB_NOT_FOUND, "No active job is named 'nobody' (names are"
                + " case-sensitive; a job that has ended is no longer active); SHOW JOBS lists the jobs");
        createTicker("mgmt_Case");
        assertSqlError("ALTER JOB mgmt_case SUSPEND", SqlErrorCode.JOB_NOT_FOUND, "'mgmt_case'");
        assertThat(catchSqlError("ALTER JOB mgmt_Case SUSPEND", 1).getErrorCode()).isEqualTo(SqlErrorCode.PARAMETER_MISMATCH);
    }

    @Test
    void dropJob_cancelsTheActiveJobOfThatName() {
        Job job = createTicker("mgmt_drop");

        assertThat(rows("DROP JOB mgmt_drop")).containsExactly(
                row(job.getId(), "mgmt_drop", "DROP JOB", "DONE", "Cancelled job 'mgmt_drop'"));
        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertSqlError("DROP JOB mgmt_drop", SqlErrorCode.JOB_NOT_FOUND, "No active job is named 'mgmt_drop'");
        assertThat(rows("DROP JOB IF EXISTS mgmt_drop")).containsExactly(
                row(null, "mgmt_drop", "DROP JOB", "SKIPPED", "No active job is named 'mgmt_drop'"));
    }

    @Test
    void dropJob_ofASuspendedJob() {
        Job job = createTicker("mgmt_drop_suspended");
        rows("PAUSE JOB " + job.getId());

        assertThat(rows("DROP JOB mgmt_drop_suspended WITH SNAPSHOT mgmt_last")).extracting(r -> r.get(REPORT_RESULT))
                .containsExactly("DONE");
        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(member.getExportedSnapshot("mgmt_last")).isPresent();
    }

    @Test
    void dropJob_withSnapshot_exportsThenCancels() {
        Job job = createTicker("mgmt_drop_snap");

        assertThat(rows("DROP JOB IF EXISTS mgmt_drop_snap WITH SNAPSHOT mgmt_final")).containsExactly(row(job.getId(),
                "mgmt_drop_snap", "DROP JOB", "DONE", "Cancelled job 'mgmt_drop_snap' after exporting snapshot 'mgmt_final'"));
        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(rows("SELECT snapshot_name, job_id, job_name FROM system.snapshots"))
                .containsExactly(row("mgmt_final", job.getId(), "mgmt_drop_snap"));
    }

    @Test
    void dropJob_withAnInvalidSnapshotName_keepsTheJob() {
        Job job = createTicker("mgmt_bad_snap");
        assertSqlError("DROP JOB mgmt_bad_snap WITH SNAPSHOT \"no/slash\"", SqlErrorCode.INVALID_NAME,
                "Invalid exported snapshot name 'no/slash'");
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void createSnapshot_exportsWhileTheJobRuns_andReplacesAnEarlierOne() {
        Job job = createTicker("mgmt_snap");

        assertThat(rows("CREATE SNAPSHOT mgmt_s FOR JOB mgmt_snap")).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 4)).containsExactly(job.getId(), "mgmt_snap", "CREATE SNAPSHOT", "DONE");
            assertThat((String) r.get(REPORT_MESSAGE))
                    .matches("Exported snapshot \\d+ of job 'mgmt_snap' as 'mgmt_s' \\(\\d+ entries, \\d+ bytes\\)");
        });
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
        long firstSnapshotId = (Long) rows("SELECT snapshot_id FROM system.snapshots").get(0).get(0);

        assertThat(rows("CREATE OR REPLACE SNAPSHOT mgmt_s FOR JOB mgmt_snap")).singleElement().satisfies(r ->
                assertThat((String) r.get(REPORT_MESSAGE)).endsWith(", replacing the earlier snapshot of that name"));
        assertThat(rows("SHOW SNAPSHOTS")).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 3)).containsExactly("mgmt_s", job.getId(), "mgmt_snap");
            assertThat((Long) r.get(3)).isGreaterThan(firstSnapshotId);
        });

        rows("PAUSE JOB " + job.getId());
        assertThat(rows("CREATE SNAPSHOT mgmt_paused FOR JOB mgmt_snap")).extracting(r -> r.get(REPORT_RESULT))
                .containsExactly("DONE");
        assertThat(job.getStatus()).isEqualTo(JobStatus.SUSPENDED);
    }

    @Test
    void createSnapshot_errors() {
        assertSqlError("CREATE SNAPSHOT s FOR JOB nobody", SqlErrorCode.JOB_NOT_FOUND, "No active job is named 'nobody'");
        createTicker("mgmt_snap_errors");
        assertSqlError("CREATE SNAPSHOT \"-dash\" FOR JOB mgmt_snap_errors", SqlErrorCode.INVALID_NAME,
                "Invalid exported snapshot name '-dash'");
    }

    @Test
    void dropSnapshot() {
        Job job = createTicker("mgmt_drop_s");
        rows("CREATE SNAPSHOT mgmt_gone FOR JOB mgmt_drop_s");

        assertThat(rows("DROP SNAPSHOT mgmt_gone")).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 4)).containsExactly(job.getId(), "mgmt_drop_s", "DROP SNAPSHOT", "DONE");
            assertThat((String) r.get(REPORT_MESSAGE)).matches("Deleted snapshot 'mgmt_gone' \\(snapshot \\d+ of job 'mgmt_drop_s'\\)");
        });
        assertThat(rows("SHOW SNAPSHOTS")).isEmpty();
        assertSqlError("DROP SNAPSHOT mgmt_gone", SqlErrorCode.SNAPSHOT_NOT_FOUND, "No snapshot is named 'mgmt_gone'"
                + " (names are case-sensitive); SHOW SNAPSHOTS lists them, DROP SNAPSHOT IF EXISTS ignores a missing one");
        assertThat(rows("DROP SNAPSHOT IF EXISTS mgmt_gone")).containsExactly(
                row(null, null, "DROP SNAPSHOT", "SKIPPED", "No snapshot is named 'mgmt_gone'"));
    }

    @Test
    void reports_haveTheirColumns() {
        try (SqlResult result = sql.execute("DROP SNAPSHOT IF EXISTS nothing")) {
            assertThat(result.getRowMetadata().columns()).containsExactly(
                    new SqlColumnMetadata("job_id", SqlColumnType.BIGINT),
                    new SqlColumnMetadata("job_name", SqlColumnType.VARCHAR),
                    new SqlColumnMetadata("action", SqlColumnType.VARCHAR),
                    new SqlColumnMetadata("result", SqlColumnType.VARCHAR),
                    new SqlColumnMetadata("message", SqlColumnType.VARCHAR));
        }
    }
}
