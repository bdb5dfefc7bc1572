package io.contrail.sql;

import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobStatus;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * For tests of the job-management statements: streaming SQL jobs to act on, waits, and clean-up
 * (every job cancelled, every exported snapshot deleted) after each test.
 */
abstract class SqlJobTestSupport extends SqlTestSupport {

    /** The columns of a job-management statement's report. */
    static final int REPORT_JOB_ID = 0;
    static final int REPORT_JOB_NAME = 1;
    static final int REPORT_ACTION = 2;
    static final int REPORT_RESULT = 3;
    static final int REPORT_MESSAGE = 4;

    @AfterEach
    void cancelJobsAndDeleteSnapshots() {
        for (Job job : member.getJobs()) {
            if (!job.getStatus().isTerminal()) {
                try {
                    job.cancel();
                } catch (IllegalStateException e) {
                    // ended meanwhile
                }
            }
        }
        member.getExportedSnapshots().forEach(s -> member.deleteExportedSnapshot(s.name()));
    }

    /**
     * Creates the exactly-once SQL job {@code name}, writing {@code v -> v * 10} from
     * {@code generate_stream(rate)} into the IMap mapping {@code <name>_sink}, and waits until it runs.
     */
    static Job createTicker(String name, int rate) {
        update("CREATE MAPPING IF NOT EXISTS " + name + "_sink (n BIGINT EXTERNAL NAME __key, v BIGINT EXTERNAL NAME this)"
                + " TYPE IMap OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'bigint')");
        update("CREATE JOB " + name + " OPTIONS ('processingGuarantee' = 'exactlyOnce', 'snapshotIntervalMillis' = '100')"
                + " AS SINK INTO " + name + "_sink SELECT v, v * 10 FROM TABLE(generate_stream(" + rate + "))");
        Job job = member.getJob(name).orElseThrow();
        awaitStatus(job, JobStatus.RUNNING);
        return job;
    }

    /** {@link #createTicker(String, int)} at 100 rows a second. */
    static Job createTicker(String name) {
        return createTicker(name, 100);
    }

    /** The error of a statement expected to fail. */
    static SqlException catchSqlError(String statement, Object... parameters) {
        return catchThrowableOfType(SqlException.class, () -> rows(statement, parameters));
    }

    static void awaitStatus(Job job, JobStatus status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == status);
    }
}
