package io.contrail.jet.impl.job;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobKind;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.ProcessingGuarantee;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.contrail.jet.TestProcessors.endlessSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@link Job#resume(JobConfig)}: a suspended job resumes with changed settings, never with changed fixed ones. */
class Job_ResumeWithConfigTest {

    private static ContrailInstance member;

    @BeforeAll
    static void start() {
        member = Contrail.newMember(new ContrailConfig().setClusterName("resume-config-" + UUID.randomUUID())
                .setCooperativeThreadCount(2).setSnapshotBackupCount(0));
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    private static Job suspendedJob(String name) {
        DAG dag = new DAG();
        dag.newVertex("source", endlessSource()).localParallelism(1);
        Job job = member.newJob(dag, new JobConfig().setName(name).setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
                .setSnapshotIntervalMillis(60_000).setKind(JobKind.SQL).setOwner("ann").setStatement("CREATE JOB " + name));
        await().atMost(Duration.ofSeconds(20)).until(() -> job.getStatus() == JobStatus.RUNNING);
        job.suspend();
        await().atMost(Duration.ofSeconds(20)).until(() -> job.getStatus() == JobStatus.SUSPENDED);
        return job;
    }

    @Test
    void resume_withChangedSettings_runsWithThem_andRecordsThem() {
        Job job = suspendedJob("changed");
        JobConfig changed = job.getConfig().copy().setSnapshotIntervalMillis(50).setMetricsEnabled(false);

        job.resume(changed);
        changed.setSnapshotIntervalMillis(7); // the job keeps a copy

        await().atMost(Duration.ofSeconds(20)).until(() -> job.getStatus() == JobStatus.RUNNING);
        assertThat(job.getConfig().getSnapshotIntervalMillis()).isEqualTo(50);
        assertThat(job.getConfig().isMetricsEnabled()).isFalse();
        JobRecord record = (JobRecord) member.getHazelcastInstance().getMap(JobRepository.JOB_RECORDS_MAP).get(job.getId());
        assertThat(record.config().getSnapshotIntervalMillis()).isEqualTo(50);
        // the 50 ms interval is in force: snapshots follow each other quickly
        await().atMost(Duration.ofSeconds(20)).until(() -> job.getLastSnapshot().map(s -> s.snapshotId() >= 3).orElse(false));
        job.cancel();
    }

    @Test
    void resume_withAChangedFixedSetting_isRefused_andTheJobStaysSuspended() {
        Job job = suspendedJob("fixed");

        assertThatThrownBy(() -> job.resume(job.getConfig().copy().setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot resume job 'fixed' with processingGuarantee EXACTLY_ONCE: it is fixed at submission"
                        + " (AT_LEAST_ONCE); submit a new job to change it");
        assertThatThrownBy(() -> job.resume(job.getConfig().copy().setInitialSnapshotName("other")))
                .hasMessageContaining("initialSnapshotName other");
        assertThatThrownBy(() -> job.resume(job.getConfig().copy().setOwner("bob")))
                .hasMessageContaining("owner bob");
        assertThat(job.getStatus()).isEqualTo(JobStatus.SUSPENDED);
        job.cancel();
    }

    @Test
    void resume_withSettings_ofARunningJob_isRefused() {
        DAG dag = new DAG();
        dag.newVertex("source", endlessSource()).localParallelism(1);
        Job job = member.newJob(dag, new JobConfig().setName("running"));
        await().atMost(Duration.ofSeconds(20)).until(() -> job.getStatus() == JobStatus.RUNNING);

        assertThatThrownBy(() -> job.resume(job.getConfig().copy()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot resume job 'running': it is RUNNING, not SUSPENDED");
        job.cancel();
    }

    @Test
    void copy_hasEverySetting() {
        JobConfig config = new JobConfig().setName("n").setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE)
                .setSnapshotIntervalMillis(5).setAutoScaling(false).setSuspendOnFailure(true).setInitialSnapshotName("s")
                .setMetricsEnabled(false).setMaxProcessorAccumulatedRecords(9).setWatermarkIdleTimeoutMillis(3)
                .setKind(JobKind.SQL).setOwner("o").setStatement("st").setStreaming(true);

        JobConfig copy = config.copy();

        assertThat(copy).isNotSameAs(config);
        assertThat(copy.toString()).isEqualTo(config.toString());
    }
}
