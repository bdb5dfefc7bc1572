package io.contrail.sql;

import io.contrail.jet.core.DAG;
import io.contrail.jet.core.test.ExpiringOffsetSource;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.ProcessingGuarantee;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PAUSE, RESUME and CANCEL JOB id and their plural forms over a query, SHOW JOB and the WHEN
 * COMPLETE forms, end to end on a member, with their errors.
 */
class SqlJobControlTest extends SqlJobTestSupport {

    /** Whether the offset of {@link ExpiringOffsetSource} has expired. */
    private static final AtomicBoolean EXPIRED = new AtomicBoolean();

    @Test
    void pauseAndResume_oneJob_reportWhatTheyDid() {
        Job job = createTicker("ctl_one");
        long id = job.getId();

        assertThat(rows("PAUSE JOB " + id)).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 4)).containsExactly(id, "ctl_one", "PAUSE", "DONE");
            assertThat((String) r.get(REPORT_MESSAGE)).startsWith("Paused job 'ctl_one' after a terminal snapshot; RESUME JOB " + id);
        });
        assertThat(job.getStatus()).isEqualTo(JobStatus.SUSPENDED);
        assertThat(rows("SHOW JOB " + id)).singleElement()
                .satisfies(r -> assertThat(r.subList(6, 8)).containsExactly("SUSPENDED", "Suspended by the user"));

        assertThat(rows("PAUSE JOB " + id)).singleElement().satisfies(r -> {
            assertThat(r.get(REPORT_RESULT)).isEqualTo("SKIPPED");
            assertThat(r.get(REPORT_MESSAGE)).isEqualTo("Job 'ctl_one' is already paused (SUSPENDED)");
        });

        assertThat(rows("RESUME JOB " + id)).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 4)).containsExactly(id, "ctl_one", "RESUME", "DONE");
            assertThat((String) r.get(REPORT_MESSAGE)).matches("Resumed job 'ctl_one' from snapshot \\d+");
        });
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);

        assertSqlError("RESUME JOB " + id, SqlErrorCode.INVALID_JOB_STATE,
                "Cannot RESUME job 'ctl_one': it is RUNNING; only a paused (SUSPENDED) job resumes");
    }

    @Test
    void cancel_oneJob_thenItIsSkipped_andCannotBePaused() {
        Job job = createTicker("ctl_cancel");
        long id = job.getId();

        assertThat(rows("CANCEL JOB " + id)).singleElement()
                .isEqualTo(row(id, "ctl_cancel", "CANCEL", "DONE", "Cancelled job 'ctl_cancel'"));
        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(rows("SELECT status, error, finished IS NOT NULL FROM system.jobs WHERE job_id = " + id))
                .containsExactly(row("FAILED", "Cancelled", true));

        assertThat(rows("CANCEL JOB " + id)).singleElement()
                .isEqualTo(row(id, "ctl_cancel", "CANCEL", "SKIPPED", "Job 'ctl_cancel' is already cancelled"));
        assertSqlError("PAUSE JOB " + id, SqlErrorCode.INVALID_JOB_STATE,
                "Cannot PAUSE job 'ctl_cancel': it is FAILED; only a RUNNING job can be paused");
    }

    @Test
    void jobIds_asNumbersStringsAndParameters() {
        Job job = createTicker("ctl_ids");
        long id = job.getId();

        assertThat(rows("SHOW JOB '" + id + "'")).extracting(r -> r.get(0)).containsExactly(id);
        assertThat(rows("SHOW JOB ?", id)).extracting(r -> r.get(0)).containsExactly(id);
        assertThat(rows("SHOW JOB ?", String.valueOf(id))).extracting(r -> r.get(0)).containsExactly(id);
        assertThat(rows("PAUSE JOB ?", id)).extracting(r -> r.get(REPORT_RESULT)).containsExactly("DONE");

        assertSqlError("PAUSE JOB 42", SqlErrorCode.JOB_NOT_FOUND, "No job has id 42: it never existed, or it ended"
                + " longer than the job retention time ago; SHOW JOBS lists the jobs");
        assertSqlError("SHOW JOB 42", SqlErrorCode.JOB_NOT_FOUND, "No job has id 42");
        assertSqlError("CANCEL JOB 'abc'", SqlErrorCode.INVALID_JOB_ID,
                "The job id of CANCEL JOB is 'abc', which is no job id; a job id is a whole 64-bit number");
        assertThat(catchSqlError("RESUME JOB ?", 1.5).getErrorCode()).isEqualTo(SqlErrorCode.INVALID_JOB_ID);
        assertThat(catchSqlError("RESUME JOB ?").getMessage())
                .isEqualTo("RESUME JOB has 1 parameter (?), but 0 were given");
        assertThat(catchSqlError("PAUSE JOB 1", 1).getMessage())
                .isEqualTo("PAUSE JOB takes no parameters, but 1 was given; remove them");
    }

    @Test
    void pluralForms_actOnEveryJobTheQueryReturns_reportingErrorsPerJob() {
        long a = createTicker("ctl_many_a").getId();
        long b = createTicker("ctl_many_b").getId();
        String selectBoth = "SELECT job_id FROM system.jobs WHERE job_name LIKE 'ctl_many_%'";

        assertThat(rows("PAUSE JOBS (" + selectBoth + ")"))
                .extracting(r -> r.subList(0, 4))
                .containsExactlyInAnyOrder(List.of(a, "ctl_many_a", "PAUSE", "DONE"), List.of(b, "ctl_many_b", "PAUSE", "DONE"));

        rows("RESUME JOB " + a);
        List<List<Object>> resumed = rows("RESUME JOBS (SELECT job_id FROM [SHOW JOBS] WHERE job_name LIKE 'ctl_many_%')");
        assertThat(resumed).extracting(r -> r.subList(0, 4)).containsExactlyInAnyOrder(
                List.of(a, "ctl_many_a", "RESUME", "ERROR"), List.of(b, "ctl_many_b", "RESUME", "DONE"));
        assertThat(resumed).filteredOn(r -> r.get(0).equals(a)).singleElement()
                .satisfies(r -> assertThat(r.get(REPORT_MESSAGE))
                        .isEqualTo("Cannot RESUME job 'ctl_many_a': it is RUNNING; only a paused (SUSPENDED) job resumes"));

        assertThat(rows("CANCEL JOBS (WITH x AS (SHOW JOBS) SELECT job_id FROM x"
                + " WHERE user_name = 'admin' AND job_name LIKE 'ctl_many_%' AND status = 'RUNNING')"))
                .extracting(r -> r.get(REPORT_RESULT)).containsExactly("DONE", "DONE");
        assertThat(rows("SELECT DISTINCT status FROM system.jobs WHERE job_name LIKE 'ctl_many_%'"))
                .containsExactly(row("FAILED"));
    }

    @Test
    void pluralForms_unknownIdsDuplicatesAndNoIds() {
        long a = createTicker("ctl_dup").getId();

        assertThat(rows("PAUSE JOBS (VALUES (CAST(? AS BIGINT)), (42), (CAST(? AS BIGINT)))", a, a))
                .containsExactlyInAnyOrder(
                        row(a, "ctl_dup", "PAUSE", "DONE",
                                "Paused job 'ctl_dup' after a terminal snapshot; RESUME JOB " + a + " continues it from there"),
                        row(42L, null, "PAUSE", "ERROR", "No job has id 42: it never existed, or it ended longer than"
                                + " the job retention time ago; SHOW JOBS lists the jobs"));
        assertThat(rows("CANCEL JOBS (SELECT job_id FROM system.jobs WHERE job_name = 'nothing')")).isEmpty();
        assertSqlError("CANCEL JOBS (SELECT job_id, job_name FROM system.jobs)", SqlErrorCode.INVALID_QUERY,
                "The query must return one column, the job ids, but it returns 2");
        assertSqlError("CANCEL JOBS (SELECT job_name FROM system.jobs WHERE job_name = 'ctl_dup')",
                SqlErrorCode.INVALID_JOB_ID, "A value returned by the query is 'ctl_dup', which is no job id");
    }

    @Test
    void pluralForms_filterOnTheUserWhoCreatedTheJobs() {
        SqlService ann = SqlService.of(member, "ann");
        ann.execute("CREATE MAPPING ctl_ann_sink (n BIGINT EXTERNAL NAME __key, v BIGINT EXTERNAL NAME this)"
                + " TYPE IMap OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'bigint')").close();
        ann.execute("CREATE JOB ctl_ann AS SINK INTO ctl_ann_sink SELECT v, v FROM TABLE(generate_stream(10))").close();
        Job annJob = member.getJob("ctl_ann").orElseThrow();
        awaitStatus(annJob, JobStatus.RUNNING);
        Job adminJob = createTicker("ctl_admin");

        assertThat(rows("CANCEL JOBS (SELECT job_id FROM [SHOW JOBS] WHERE user_name = 'ann' AND status = 'RUNNING')"))
                .extracting(r -> r.get(REPORT_JOB_NAME)).containsExactly("ctl_ann");
        assertThat(annJob.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(adminJob.getStatus()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void showJob_whenComplete_waitsUntilTheJobEnds() {
        Job job = createTicker("ctl_wait");
        CompletableFuture<List<List<Object>>> shown = CompletableFuture.supplyAsync(
                () -> rows("SHOW JOB WHEN COMPLETE " + job.getId()));
        CompletableFuture<List<List<Object>>> shownMany = CompletableFuture.supplyAsync(
                () -> rows("SHOW JOBS WHEN COMPLETE (SELECT job_id FROM system.jobs WHERE job_name = 'ctl_wait')"));
        await().during(Duration.ofMillis(300)).until(() -> !shown.isDone() && !shownMany.isDone());

        job.cancel();

        assertThat(shown.join()).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 2)).containsExactly(job.getId(), "ctl_wait");
            assertThat(r.get(6)).isEqualTo("FAILED");
            assertThat(r.get(10)).isNotNull();
        });
        assertThat(shownMany.join()).isEqualTo(shown.join());
        assertSqlError("SHOW JOB WHEN COMPLETE 42", SqlErrorCode.JOB_NOT_FOUND, "No job has id 42");
    }

    @Test
    void showJobs_whenComplete_ofEndedJobs_returnsAtOnce_inShowJobsOrder() {
        update("CREATE MAPPING ctl_batch (n BIGINT EXTERNAL NAME __key, v BIGINT EXTERNAL NAME this)"
                + " TYPE IMap OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'bigint')");
        update("INSERT INTO ctl_batch SELECT v, v FROM TABLE(generate_series(1, 5))");
        update("INSERT INTO ctl_batch SELECT v, v FROM TABLE(generate_series(6, 9))");

        List<List<Object>> rows = rows("SHOW JOBS WHEN COMPLETE (SELECT job_id FROM system.jobs"
                + " WHERE statement LIKE 'INSERT INTO ctl_batch%' ORDER BY job_id DESC)");

        assertThat(rows).extracting(r -> (String) r.get(4))
                .containsExactly("INSERT INTO ctl_batch SELECT v, v FROM TABLE(generate_series(1, 5))",
                        "INSERT INTO ctl_batch SELECT v, v FROM TABLE(generate_series(6, 9))");
        assertThat(rows).extracting(r -> r.get(6)).containsOnly("COMPLETED");
        assertThat(rows).extracting(r -> r.get(13)).containsOnly(1.0);
    }

    @Test
    void resume_whenTheSourceNoLongerHasItsPosition_failsSayingSo() {
        DAG dag = new DAG();
        dag.newVertex("offsets", ExpiringOffsetSource.supplier(42, EXPIRED::get)).localParallelism(1);
        Job job = member.newJob(dag, new JobConfig().setName("ctl_expiring")
                .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE).setSnapshotIntervalMillis(50));
        awaitStatus(job, JobStatus.RUNNING);
        await().until(() -> job.getLastSnapshot().isPresent());
        assertThat(rows("SELECT job_type, description, statement, user_name FROM system.jobs WHERE job_id = " + job.getId()))
                .containsExactly(row("API", "Job 'ctl_expiring', submitted through the Java API", null, null));
        rows("PAUSE JOB " + job.getId());

        EXPIRED.set(true);
        try {
            assertSqlError("RESUME JOB " + job.getId(), SqlErrorCode.SOURCE_POSITION_UNAVAILABLE,
                    "Job 'ctl_expiring' cannot resume, its source no longer has the data at its last position, and the"
                            + " job failed: Vertex 'offsets' cannot continue from the position saved in snapshot ",
                    "offset 42 has expired");
        } finally {
            EXPIRED.set(false);
        }
        assertThat(rows("SELECT status FROM system.jobs WHERE job_id = " + job.getId())).containsExactly(row("FAILED"));
    }
}
