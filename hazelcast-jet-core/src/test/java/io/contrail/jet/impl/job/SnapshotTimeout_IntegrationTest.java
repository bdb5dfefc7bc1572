package io.contrail.jet.impl.job;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.aggregate.AggregateOperations;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.ProcessingGuarantee;
import io.contrail.jet.processor.AggregateProcessors;
import io.contrail.jet.processor.EventTimeMode;
import io.contrail.jet.processor.SinkProcessors;
import io.contrail.jet.processor.SourceProcessors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A snapshot that a processor holds back past {@code snapshotTimeoutMillis}: a regular one makes
 * the job restart from its last complete snapshot, a terminal one lets a suspend finish; in both
 * cases the exactly-once result stays exact.
 */
@Timeout(120)
class SnapshotTimeout_IntegrationTest {

    private static final int KEYS = 10;
    /** Whether the stalling processors refuse to save; set by the test. */
    private static volatile boolean stalling;

    private static ContrailInstance member;

    @BeforeAll
    static void start() {
        member = Contrail.newMember(new ContrailConfig().setClusterName("snapshot-timeout-" + UUID.randomUUID())
                .setCooperativeThreadCount(2).setSnapshotBackupCount(0));
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    @AfterEach
    void stopStalling() {
        stalling = false;
    }

    /** generator → pass-through that stalls snapshots while {@link #stalling} → count per v % KEYS → IMap. */
    private static DAG runningCount(long count, long rate, String mapName) {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", SourceProcessors.boundedGenerator((seq, ts) -> seq, rate,
                EventTimeMode.SCHEDULED, count)).localParallelism(1);
        Vertex stall = dag.newVertex("stall", () -> new AbstractProcessor() {
            @Override
            protected boolean tryProcess(int ordinal, Object item) {
                return tryEmit(item);
            }

            @Override
            public boolean saveToSnapshot() {
                return !stalling;
            }
        }).localParallelism(1);
        Vertex counts = dag.newVertex("counts", AggregateProcessors.rollingAggregateByKey((Long v) -> v % KEYS,
                AggregateOperations.counting())).localParallelism(2);
        Vertex sink = dag.newVertex("sink", SinkProcessors.writeMap(mapName)).localParallelism(1);
        dag.edge(Edge.between(source, stall))
                .edge(Edge.between(stall, counts).partitioned((Long v) -> v % KEYS))
                .edge(Edge.between(counts, sink));
        return dag;
    }

    private static Map<Long, Long> expected(long count) {
        Map<Long, Long> expected = new HashMap<>();
        for (long k = 0; k < KEYS; k++) {
            expected.put(k, count / KEYS);
        }
        return expected;
    }

    private static long executions(Job job) {
        JobRecord record = (JobRecord) member.getHazelcastInstance().getMap(JobRepository.JOB_RECORDS_MAP).get(job.getId());
        return record.transitions().stream().filter(t -> t.status() == JobStatus.RUNNING).count();
    }

    @Test
    void aRegularSnapshotPastItsTimeout_restartsTheJob_andTheCountsStayExact() {
        long count = 20_000;
        Job job = member.newJob(runningCount(count, 10_000, "timeout-restart"), new JobConfig().setName("timeout-restart")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(100)
                .setSnapshotTimeoutMillis(300));
        await().atMost(Duration.ofSeconds(20)).until(() -> job.getLastSnapshot().isPresent());
        stalling = true;
        await().atMost(Duration.ofSeconds(20)).until(() -> executions(job) >= 2);
        stalling = false;

        job.join();
        assertThat(job.getStatus()).isEqualTo(JobStatus.COMPLETED);
        assertThat(new HashMap<Long, Long>(member.getHazelcastInstance().getMap("timeout-restart"))).isEqualTo(expected(count));
    }

    @Test
    void aSuspendDuringAHeldBackSnapshot_stillSuspends_andResumeFinishesExactly() {
        long count = 20_000;
        Job job = member.newJob(runningCount(count, 5_000, "timeout-suspend"), new JobConfig().setName("timeout-suspend")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(100)
                .setSnapshotTimeoutMillis(500));
        await().atMost(Duration.ofSeconds(20)).until(() -> job.getLastSnapshot().isPresent());
        stalling = true;
        // suspend while a regular snapshot is held back: its timeout must not restart the job
        // over the suspend, whose terminal snapshot then times out as well
        await().atMost(Duration.ofSeconds(20)).until(() -> member.getJobSummary(job.getId()).orElseThrow()
                .runningStatus() != null && member.getJobSummary(job.getId()).orElseThrow().runningStatus().startsWith("taking snapshot"));
        job.suspend();
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.SUSPENDED);
        assertThat(job.getSuspensionCause()).contains("Suspended by the user");
        stalling = false;

        job.resume();
        job.join();
        assertThat(new HashMap<Long, Long>(member.getHazelcastInstance().getMap("timeout-suspend"))).isEqualTo(expected(count));
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> new JobConfig().setSnapshotTimeoutMillis(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshotTimeoutMillis");
    }
}
