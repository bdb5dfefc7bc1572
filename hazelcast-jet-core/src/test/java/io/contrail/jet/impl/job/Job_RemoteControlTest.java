package io.contrail.jet.impl.job;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.aggregate.AggregateOperations;
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
import io.contrail.snapshot.ExportedSnapshotInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A job coordinated by one member, controlled from another: every operation goes to the
 * coordinator and takes effect there, and the exactly-once result is the same as if it had been
 * controlled locally.
 */
@Timeout(120)
class Job_RemoteControlTest {

    private static final int KEYS = 20;

    private static ContrailInstance coordinator;
    private static ContrailInstance other;

    @BeforeAll
    static void start() {
        String cluster = "remote-control-" + UUID.randomUUID();
        coordinator = Contrail.newMember(new ContrailConfig().setClusterName(cluster).setCooperativeThreadCount(2)
                .setSnapshotBackupCount(0));
        other = Contrail.newMember(new ContrailConfig().setClusterName(cluster).setCooperativeThreadCount(1)
                .setSnapshotBackupCount(0));
        assertThat(coordinator.getHazelcastInstance().getCluster().getMembers()).hasSize(2);
    }

    @AfterAll
    static void stop() {
        other.shutdown();
        coordinator.shutdown();
    }

    /** generator (count events) → running count per v % KEYS → IMap. */
    private static DAG runningCount(long count, long rate, String mapName) {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", SourceProcessors.boundedGenerator((seq, ts) -> seq, rate,
                EventTimeMode.SCHEDULED, count)).localParallelism(1);
        Vertex counts = dag.newVertex("counts", AggregateProcessors.rollingAggregateByKey((Long v) -> v % KEYS,
                AggregateOperations.counting())).localParallelism(2);
        Vertex sink = dag.newVertex("sink", SinkProcessors.writeMap(mapName)).localParallelism(1);
        dag.edge(Edge.between(source, counts).partitioned((Long v) -> v % KEYS)).edge(Edge.between(counts, sink));
        return dag;
    }

    private static void awaitStatus(Job job, JobStatus status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == status);
    }

    @Test
    void suspendResumeRestartExportAndMetrics_fromAnotherMember_keepExactlyOnce() {
        long count = 40_000;
        Job local = coordinator.newJob(runningCount(count, 20_000, "remote-counts"), new JobConfig().setName("remote-eo")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(50));
        awaitStatus(local, JobStatus.RUNNING);
        Job remote = other.getJob(local.getId()).orElseThrow();
        assertThat(remote).isNotInstanceOf(JobProxy.class);
        assertThat(remote.getName()).isEqualTo("remote-eo");
        assertThat(other.getJob("remote-eo")).get().extracting(Job::getId).isEqualTo(local.getId());

        remote.suspend();
        awaitStatus(local, JobStatus.SUSPENDED);
        assertThat(remote.getStatus()).isEqualTo(JobStatus.SUSPENDED);
        assertThat(remote.getSuspensionCause()).contains("Suspended by the user");
        assertThatThrownBy(remote::suspend).isInstanceOf(IllegalStateException.class).hasMessageContaining("SUSPENDED");

        ExportedSnapshotInfo exported = remote.exportSnapshot("remote-export");
        assertThat(exported.name()).isEqualTo("remote-export");
        assertThat(coordinator.getExportedSnapshot("remote-export")).isPresent();

        remote.resume();
        awaitStatus(local, JobStatus.RUNNING);
        assertThat(remote.getMetrics().vertices()).extracting(v -> v.vertexName()).containsExactly("source", "counts", "sink");
        remote.restart();
        awaitStatus(local, JobStatus.RUNNING);

        remote.join();
        assertThat(local.getStatus()).isEqualTo(JobStatus.COMPLETED);
        Map<Long, Long> expected = new HashMap<>();
        for (long k = 0; k < KEYS; k++) {
            expected.put(k, count / KEYS);
        }
        assertThat(new HashMap<Long, Long>(coordinator.getHazelcastInstance().getMap("remote-counts"))).isEqualTo(expected);
        coordinator.deleteExportedSnapshot("remote-export");
    }

    @Test
    void cancel_fromAnotherMember_endsTheJob_andItsFutureThere() {
        Job local = coordinator.newJob(runningCount(Long.MAX_VALUE, 1_000, "remote-cancelled"),
                new JobConfig().setName("remote-cancel"));
        awaitStatus(local, JobStatus.RUNNING);
        Job remote = other.getJob(local.getId()).orElseThrow();

        remote.cancel();
        assertThatThrownBy(remote::join).isInstanceOf(CancellationException.class);
        assertThat(local.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(remote.getFailureCause()).get().isInstanceOf(CancellationException.class);
    }
}
