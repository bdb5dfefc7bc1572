package io.contrail.jet.impl.job;

import io.contrail.jet.ContrailInstance;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobMetrics;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.ProcessingGuarantee;
import io.contrail.snapshot.ExportedSnapshotInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HashMap;
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

    private static TwoMembers members;
    private static ContrailInstance coordinator;
    private static ContrailInstance other;

    @BeforeAll
    static void start() {
        members = TwoMembers.start("remote-control");
        coordinator = members.coordinator();
        other = members.other();
    }

    @AfterAll
    static void stop() {
        members.close();
    }

    private static void awaitStatus(Job job, JobStatus status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == status);
    }

    @Test
    void suspendResumeRestartExportAndMetrics_fromAnotherMember_keepExactlyOnce() {
        long count = 40_000;
        Job local = coordinator.newJob(Snapshot_IntegrationTest.runningCount(count, 20_000, "remote-counts"), new JobConfig().setName("remote-eo")
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
        assertThat(remote.getMetrics().vertices()).extracting(JobMetrics.VertexMetrics::vertexName).containsExactly("source", "counts", "sink");
        remote.restart();
        awaitStatus(local, JobStatus.RUNNING);

        remote.join();
        assertThat(local.getStatus()).isEqualTo(JobStatus.COMPLETED);
        assertThat(new HashMap<Long, Long>(coordinator.getHazelcastInstance().getMap("remote-counts")))
                .isEqualTo(Snapshot_IntegrationTest.expectedCounts(count));
        coordinator.deleteExportedSnapshot("remote-export");
    }

    @Test
    void cancel_fromAnotherMember_endsTheJob_andItsFutureThere() {
        Job local = coordinator.newJob(Snapshot_IntegrationTest.runningCount(Long.MAX_VALUE, 1_000, "remote-cancelled"),
                new JobConfig().setName("remote-cancel"));
        awaitStatus(local, JobStatus.RUNNING);
        Job remote = other.getJob(local.getId()).orElseThrow();

        remote.cancel();
        assertThatThrownBy(remote::join).isInstanceOf(CancellationException.class);
        assertThat(local.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(remote.getFailureCause()).get().isInstanceOf(CancellationException.class);
    }
}
