package io.contrail.jet.impl.job;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobKind;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.JobSummary;
import io.contrail.jet.job.ProcessingGuarantee;
import io.contrail.jet.processor.EventTimeMode;
import io.contrail.jet.processor.SourceProcessors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import static io.contrail.jet.TestProcessors.collectingSink;
import static io.contrail.jet.TestProcessors.endlessSource;
import static io.contrail.jet.TestProcessors.rangeSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Job summaries over the job records, on a cluster of two members: the first coordinates the
 * jobs, the second must see them through the records.
 */
class JobSummary_IntegrationTest {

    private static TwoMembers members;
    private static ContrailInstance coordinator;
    private static ContrailInstance other;

    @BeforeAll
    static void start() {
        members = TwoMembers.start("summaries");
        coordinator = members.coordinator();
        other = members.other();
    }

    @AfterAll
    static void stop() {
        members.close();
    }

    private static String uuidOf(ContrailInstance member) {
        return member.getHazelcastInstance().getCluster().getLocalMember().getUuid().toString();
    }

    private static DAG batch(long count, String sinkName) {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", rangeSource(count, k -> k)).localParallelism(2);
        Vertex sink = dag.newVertex("sink", collectingSink(sinkName)).localParallelism(1);
        dag.edge(Edge.between(source, sink));
        return dag;
    }

    private static DAG endless() {
        DAG dag = new DAG();
        dag.newVertex("source", endlessSource()).localParallelism(1);
        return dag;
    }

    @Test
    void sqlJob_summary_hasItsMetadataTimesAndCounts_onBothMembers() {
        Job job = coordinator.newJob(batch(1_000, "sql-batch"), new JobConfig().setName("sql-batch").setKind(JobKind.SQL)
                .setOwner("alice").setStatement("CREATE JOB sql_batch AS SINK INTO s SELECT * FROM t").setStreaming(false));
        job.join();

        JobSummary local = coordinator.getJobSummary(job.getId()).orElseThrow();
        assertThat(local.name()).isEqualTo("sql-batch");
        assertThat(local.kind()).isEqualTo(JobKind.SQL);
        assertThat(local.owner()).isEqualTo("alice");
        assertThat(local.statement()).isEqualTo("CREATE JOB sql_batch AS SINK INTO s SELECT * FROM t");
        assertThat(local.streaming()).isFalse();
        assertThat(local.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(local.runningStatus()).isNull();
        assertThat(local.error()).isNull();
        assertThat(local.coordinatorId()).isEqualTo(uuidOf(coordinator));
        assertThat(local.itemsIn()).isEqualTo(1_000);
        assertThat(local.itemsOut()).isEqualTo(1_000);
        assertThat(local.fractionCompleted()).isEqualTo(1.0);
        assertThat(local.started()).isAfterOrEqualTo(local.created());
        assertThat(local.finished()).isAfterOrEqualTo(local.started()).isEqualTo(local.modified());
        assertThat(local.finished().toEpochMilli()).isEqualTo(job.getCompletionTime());

        assertThat(other.getJobSummary(job.getId())).contains(local);
        assertThat(other.getJob(job.getId())).as("the other member's handle reads the record").get()
                .extracting(Job::getStatus).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void apiJob_summary_saysWhatIsNotKnown() {
        Job job = coordinator.newJob(batch(10, "api-batch"));
        job.join();

        JobSummary summary = other.getJobSummary(job.getId()).orElseThrow();
        assertThat(summary.kind()).isEqualTo(JobKind.API);
        assertThat(summary.owner()).isNull();
        assertThat(summary.statement()).isNull();
        assertThat(summary.streaming()).isNull();
        assertThat(summary.name()).isEqualTo(Long.toHexString(job.getId()));
    }

    @Test
    void runningStatusAndError_followTheLifecycle() {
        RunningStatusRecorder recorder = new RunningStatusRecorder("lifecycle-status");
        IMap<Long, JobRecord> records = other.getHazelcastInstance().getMap(JobRepository.JOB_RECORDS_MAP);
        UUID listener = records.addEntryListener(recorder, true);
        Job job = coordinator.newJob(endless(), new JobConfig().setName("lifecycle-status")
                .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE).setSnapshotIntervalMillis(60_000));
        await().atMost(Duration.ofSeconds(10)).until(() -> job.getStatus() == JobStatus.RUNNING);
        JobSummary running = other.getJobSummary(job.getId()).orElseThrow();
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.runningStatus()).isNull();
        assertThat(running.started()).isNotNull();
        assertThat(running.finished()).isNull();
        assertThat(running.fractionCompleted()).isNull();

        job.suspend();
        await().atMost(Duration.ofSeconds(10)).until(() -> job.getStatus() == JobStatus.SUSPENDED);
        JobSummary suspended = other.getJobSummary(job.getId()).orElseThrow();
        assertThat(suspended.runningStatus()).isEqualTo("Suspended by the user");
        assertThat(suspended.lastSnapshot()).isNotNull();
        assertThat(suspended.modified()).isAfterOrEqualTo(running.modified());
        assertThat(suspended.started()).isEqualTo(running.started());

        job.resume();
        await().atMost(Duration.ofSeconds(10)).until(() -> job.getStatus() == JobStatus.RUNNING);
        JobRecord record = coordinator.getHazelcastInstance().<Long, JobRecord>getMap(JobRepository.JOB_RECORDS_MAP).get(job.getId());
        assertThat(record.transitions()).extracting(JobRecord.Transition::status)
                .containsSubsequence(JobStatus.SUSPENDED, JobStatus.STARTING, JobStatus.RUNNING);
        assertThat(other.getJobSummary(job.getId()).orElseThrow().runningStatus()).isNull();

        job.cancel();
        assertThatThrownBy(job::join).isInstanceOf(CancellationException.class);
        JobSummary cancelled = other.getJobSummary(job.getId()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(JobStatus.FAILED);
        assertThat(cancelled.error()).isEqualTo("Cancelled");
        assertThat(cancelled.finished()).isNotNull();
        assertThat(cancelled.fractionCompleted()).isNull();

        // every record write, in order: what each status was doing
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recorder.statuses).containsSubsequence(
                "waiting to start", "starting from the beginning", "null", "taking snapshot 0 before stopping",
                "Suspended by the user", "resuming from snapshot 0", "null", "cancelling", "null"));
        records.removeEntryListener(listener);
    }

    /** Collects the running status of every record written for the job of one name. */
    private static final class RunningStatusRecorder
            implements EntryAddedListener<Long, JobRecord>, EntryUpdatedListener<Long, JobRecord> {

        private final String jobName;
        private final List<String> statuses = new CopyOnWriteArrayList<>();

        RunningStatusRecorder(String jobName) {
            this.jobName = jobName;
        }

        @Override
        public void entryAdded(EntryEvent<Long, JobRecord> event) {
            record(event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<Long, JobRecord> event) {
            record(event.getValue());
        }

        private void record(JobRecord record) {
            if (record.name().equals(jobName)) {
                statuses.add(String.valueOf(record.runningStatus()));
            }
        }
    }

    @Test
    void itemCounts_areLiveOnTheCoordinator_andRecordedAtSnapshots() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", SourceProcessors.generator((seq, ts) -> seq, 10_000, EventTimeMode.WALL))
                .localParallelism(1);
        Vertex sink = dag.newVertex("sink", collectingSink("counted")).localParallelism(1);
        dag.edge(Edge.between(source, sink));
        Job job = coordinator.newJob(dag, new JobConfig().setStreaming(true)
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(50));

        await().atMost(Duration.ofSeconds(10)).until(() -> coordinator.getJobSummary(job.getId()).orElseThrow().itemsIn() > 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JobSummary seen = other.getJobSummary(job.getId()).orElseThrow();
            return seen.lastSnapshot() != null && seen.itemsIn() > 0 && seen.itemsOut() > 0;
        });
        assertThat(other.getJobSummary(job.getId()).orElseThrow().streaming()).isTrue();

        job.restart();
        await().atMost(Duration.ofSeconds(10)).until(() -> job.getStatus() == JobStatus.RUNNING);
        long beforeCancel = coordinator.getJobSummary(job.getId()).orElseThrow().itemsIn();
        job.cancel();
        assertThatThrownBy(job::join).isInstanceOf(CancellationException.class);
        assertThat(other.getJobSummary(job.getId()).orElseThrow().itemsIn())
                .as("counts of all executions, not only the last one").isGreaterThanOrEqualTo(beforeCancel);
    }

    @Test
    void summaries_listTheClusterJobs_runningByStart_thenEndedByEnd() {
        Job runningFirst = coordinator.newJob(endless());
        await().atMost(Duration.ofSeconds(10)).until(() -> runningFirst.getStatus() == JobStatus.RUNNING);
        Job runningSecond = coordinator.newJob(endless());
        await().atMost(Duration.ofSeconds(10)).until(() -> runningSecond.getStatus() == JobStatus.RUNNING);
        Job endedFirst = coordinator.newJob(batch(5, "ended-first"));
        endedFirst.join();
        Job endedSecond = coordinator.newJob(batch(5, "ended-second"));
        endedSecond.join();
        Set<Long> ours = Set.of(runningFirst.getId(), runningSecond.getId(), endedFirst.getId(), endedSecond.getId());

        for (ContrailInstance member : List.of(coordinator, other)) {
            List<Long> listed = member.getJobSummaries().stream().map(JobSummary::jobId).filter(ours::contains).toList();
            assertThat(listed).containsExactly(runningFirst.getId(), runningSecond.getId(), endedFirst.getId(), endedSecond.getId());
            assertThat(member.getJobSummaries()).isSortedAccordingTo(JobSummary.SHOW_JOBS_ORDER);
        }
        runningFirst.cancel();
        runningSecond.cancel();
    }

    @Test
    void awaitJobTerminal_onTheCoordinatorAndOnAnotherMember() throws Exception {
        Job job = coordinator.newJob(endless());
        await().atMost(Duration.ofSeconds(10)).until(() -> job.getStatus() == JobStatus.RUNNING);

        assertThatThrownBy(() -> coordinator.awaitJobTerminal(job.getId(), Duration.ofMillis(20)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("is still RUNNING");
        assertThatThrownBy(() -> other.awaitJobTerminal(job.getId(), Duration.ofMillis(20)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("is still RUNNING");

        Thread canceller = new Thread(() -> {
            await().pollDelay(Duration.ofMillis(50)).until(() -> true);
            job.cancel();
        });
        canceller.start();
        JobSummary seenByOther = other.awaitJobTerminal(job.getId(), Duration.ofSeconds(20));
        canceller.join();
        assertThat(seenByOther.status()).isEqualTo(JobStatus.FAILED);
        assertThat(coordinator.awaitJobTerminal(job.getId(), Duration.ofSeconds(20)).error()).isEqualTo("Cancelled");

        assertThatThrownBy(() -> other.awaitJobTerminal(-1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No job has id -1");
    }
}
