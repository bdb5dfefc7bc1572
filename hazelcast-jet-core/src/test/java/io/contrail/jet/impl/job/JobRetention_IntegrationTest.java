package io.contrail.jet.impl.job;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.impl.execution.ExecutionSettings;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobStatus;
import io.contrail.snapshot.SnapshotStoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CancellationException;

import static io.contrail.jet.TestProcessors.endlessSource;
import static io.contrail.jet.TestProcessors.rangeSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Records and coordinators of ended jobs go after the retention time, measured on a clock the
 * test moves: a job service of its own, with a one-day retention, on a member of its own.
 */
class JobRetention_IntegrationTest {

    private static final Duration RETENTION = Duration.ofDays(1);

    private static ContrailInstance member;
    private static MovableClock clock;
    private static JobService jobs;

    @BeforeAll
    static void start() {
        member = Contrail.newMember(new ContrailConfig().setClusterName("retention-" + UUID.randomUUID())
                .setCooperativeThreadCount(1).setSnapshotBackupCount(0));
        clock = new MovableClock(Instant.parse("2026-03-01T00:00:00Z"));
        jobs = new JobService(member.getHazelcastInstance(), new ExecutionSettings(1, 1024, 1024, 1024, true), "retention",
                SnapshotStoreConfig.defaults().withBackupCount(0), RETENTION, clock);
    }

    @AfterAll
    static void stop() {
        jobs.shutdown();
        member.shutdown();
    }

    private static DAG batch() {
        DAG dag = new DAG();
        dag.newVertex("source", rangeSource(3, k -> k)).localParallelism(1);
        return dag;
    }

    @Test
    void endedJob_isKeptForTheRetention_thenRemovedWithItsHandle() {
        Job job = jobs.submit(batch(), new JobConfig().setName("kept-a-day"));
        job.join();
        Instant finished = jobs.getJobSummary(job.getId()).orElseThrow().finished();
        assertThat(finished).isEqualTo(clock.instant());

        clock.advance(RETENTION.minusMillis(1));
        jobs.purgeExpiredJobs();
        assertThat(jobs.getJobSummary(job.getId())).isPresent();
        assertThat(jobs.getJob(job.getId())).isPresent();

        clock.advance(Duration.ofMillis(1));
        assertThat(jobs.purgeExpiredJobs()).isEqualTo(1);
        assertThat(jobs.getJobSummary(job.getId())).isEmpty();
        assertThat(jobs.getJob(job.getId())).isEmpty();
        assertThat(jobs.getJob("kept-a-day")).isEmpty();
        assertThat(jobs.getJobSummaries()).noneMatch(s -> s.jobId() == job.getId());
        assertThat(member.getHazelcastInstance().getMap(JobRepository.JOB_RECORDS_MAP).containsKey(job.getId())).isFalse();
    }

    @Test
    void jobsThatHaveNotEnded_stay_howeverOld_andCancelledOnesGoLikeOthers() {
        DAG dag = new DAG();
        dag.newVertex("source", endlessSource()).localParallelism(1);
        Job running = jobs.submit(dag, new JobConfig().setName("long-running"));
        await().atMost(Duration.ofSeconds(10)).until(() -> running.getStatus() == JobStatus.RUNNING);

        clock.advance(RETENTION.multipliedBy(30));
        jobs.purgeExpiredJobs();
        assertThat(jobs.getJobSummary(running.getId())).get().extracting(s -> s.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(jobs.getJob(running.getId())).isPresent();

        running.cancel();
        assertThatThrownBy(running::join).isInstanceOf(CancellationException.class);
        clock.advance(RETENTION);
        jobs.purgeExpiredJobs();
        assertThat(jobs.getJobSummary(running.getId())).isEmpty();
        assertThat(jobs.submit(dag, new JobConfig().setName("long-running")).getName())
                .as("the name is free after the purge").isEqualTo("long-running");
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock has one zone");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
