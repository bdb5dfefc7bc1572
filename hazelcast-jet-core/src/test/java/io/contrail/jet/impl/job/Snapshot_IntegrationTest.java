package io.contrail.jet.impl.job;

import com.hazelcast.map.IMap;
import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.aggregate.AggregateOperations;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.core.test.ExpiringOffsetSource;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobFailedException;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.ProcessingGuarantee;
import io.contrail.jet.job.SourcePositionUnavailableException;
import io.contrail.jet.processor.AggregateProcessors;
import io.contrail.jet.processor.EventTimeMode;
import io.contrail.jet.processor.Processors;
import io.contrail.jet.processor.SinkProcessors;
import io.contrail.jet.processor.SourceProcessors;
import io.contrail.snapshot.ExportedSnapshotInfo;
import io.contrail.snapshot.impl.SnapshotMaps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Snapshots end to end: a keyed running count from a deterministic generator into an IMap, whose
 * final content must equal the brute-force count exactly however often the job is suspended,
 * resumed or restarted; exports; restores into new jobs; corrupted snapshots.
 */
class Snapshot_IntegrationTest {

    private static final int KEYS = 50;
    /** Whether the offset of {@link ExpiringOffsetSource} has expired. */
    private static final AtomicBoolean EXPIRED = new AtomicBoolean();
    private static ContrailInstance member;

    @BeforeAll
    static void start() {
        member = Contrail.newMember(config("snapshots-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    private static ContrailConfig config(String cluster) {
        return new ContrailConfig().setClusterName(cluster).setCooperativeThreadCount(2).setSnapshotBackupCount(0);
    }

    /** generator (count events, 2 processors) → running count per v % KEYS (partitioned) → IMap. */
    static DAG runningCount(long count, long rate, String mapName) {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", SourceProcessors.boundedGenerator((seq, ts) -> seq, rate, EventTimeMode.SCHEDULED, count))
                .localParallelism(2);
        Vertex counts = dag.newVertex("counts", AggregateProcessors.rollingAggregateByKey((Long v) -> v % KEYS, AggregateOperations.counting()))
                .localParallelism(2);
        Vertex sink = dag.newVertex("sink", SinkProcessors.writeMap(mapName)).localParallelism(1);
        dag.edge(Edge.between(source, counts).partitioned((Long v) -> v % KEYS))
                .edge(Edge.between(counts, sink));
        return dag;
    }

    /** What {@link #runningCount} writes once it has seen all of {@code count} events. */
    static Map<Long, Long> expectedCounts(long count) {
        Map<Long, Long> expected = new HashMap<>();
        for (long k = 0; k < KEYS; k++) {
            expected.put(k, count / KEYS);
        }
        return expected;
    }

    private static Map<Long, Long> mapContent(ContrailInstance on, String name) {
        IMap<Long, Long> map = on.getHazelcastInstance().getMap(name);
        return new HashMap<>(map);
    }

    /** How many executions the job has started: its RUNNING transitions. */
    private static long executions(Job job) {
        JobRecord record = (JobRecord) member.getHazelcastInstance().getMap(JobRepository.JOB_RECORDS_MAP).get(job.getId());
        return record.transitions().stream().filter(t -> t.status() == JobStatus.RUNNING).count();
    }

    private static void awaitStatus(Job job, JobStatus status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(2)).until(() -> job.getStatus() == status);
    }

    @Test
    void exactlyOnce_survives50SuspendResumeAnd20Restarts_withExactCounts() throws InterruptedException {
        long count = 300_000;
        Job job = member.newJob(runningCount(count, 60_000, "eo-counts"), new JobConfig().setName("exactly-once")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(20));
        Random random = new Random(42);
        int suspends = 0;
        int restarts = 0;
        awaitStatus(job, JobStatus.RUNNING);
        while ((suspends < 50 || restarts < 20) && job.getStatus() == JobStatus.RUNNING) {
            Thread.sleep(random.nextInt(15));
            long executionsBefore = executions(job);
            try {
                if (restarts < 20 && (suspends >= 50 || random.nextInt(70) < 20)) {
                    job.restart();
                    restarts++;
                } else {
                    job.suspend();
                    awaitStatus(job, JobStatus.SUSPENDED);
                    job.resume();
                    suspends++;
                }
            } catch (IllegalStateException e) {
                // the job completed meanwhile
                assertThat(e).hasMessageContaining("COMPLET");
                break;
            }
            // a restart or resume is over once a new execution runs
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(1))
                    .until(() -> executions(job) > executionsBefore && job.getStatus() == JobStatus.RUNNING || job.getStatus().isTerminal());
        }
        job.join();

        assertThat(suspends + restarts).as("interruptions before the job completed").isGreaterThanOrEqualTo(40);
        assertThat(mapContent(member, "eo-counts")).isEqualTo(expectedCounts(count));
    }

    @Test
    void atLeastOnce_losesNothingAcrossRestarts() throws InterruptedException {
        long count = 100_000;
        Job job = member.newJob(runningCount(count, 50_000, "alo-counts"), new JobConfig().setName("at-least-once")
                .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE).setSnapshotIntervalMillis(20));
        awaitStatus(job, JobStatus.RUNNING);
        for (int i = 0; i < 10 && job.getStatus() == JobStatus.RUNNING; i++) {
            Thread.sleep(50);
            long executionsBefore = executions(job);
            try {
                job.restart();
            } catch (IllegalStateException e) {
                break;
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> executions(job) > executionsBefore && job.getStatus() == JobStatus.RUNNING || job.getStatus().isTerminal());
        }
        job.join();

        Map<Long, Long> counts = mapContent(member, "alo-counts");
        assertThat(counts).hasSize(KEYS);
        counts.forEach((key, value) -> assertThat(value).as("count of key %d", key).isGreaterThanOrEqualTo(count / KEYS));
    }

    @Test
    void exportWhileRunning_thenANewJobContinuesFromTheExport() {
        long count = 100_000;
        Job original = member.newJob(runningCount(count, 40_000, "export-a"), new JobConfig().setName("export-source")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(1_000));
        awaitStatus(original, JobStatus.RUNNING);
        await().atMost(Duration.ofSeconds(10)).until(() -> !mapContent(member, "export-a").isEmpty());

        ExportedSnapshotInfo info = original.exportSnapshot("running-export");

        assertThat(original.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(info.name()).isEqualTo("running-export");
        assertThat(info.jobId()).isEqualTo(original.getId());
        assertThat(info.jobName()).isEqualTo("export-source");
        assertThat(info.entryCount()).isPositive();
        assertThat(member.getExportedSnapshots()).extracting(ExportedSnapshotInfo::name).contains("running-export");
        original.cancel();
        assertThatThrownBy(original::join).isInstanceOf(CancellationException.class);

        Job continued = member.newJob(runningCount(count, 0, "export-b"),
                new JobConfig().setInitialSnapshotName("running-export").setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE));
        continued.join();

        assertThat(mapContent(member, "export-b")).isEqualTo(expectedCounts(count));
        assertThat(member.getExportedSnapshot("running-export")).as("an export outlives its job").isPresent();
        assertThat(member.deleteExportedSnapshot("running-export")).isTrue();
        assertThat(member.getExportedSnapshot("running-export")).isEmpty();
    }

    @Test
    void cancelAndExport_thenStartFromIt_andRejectAnIncompatibleDag() {
        long count = 60_000;
        Job original = member.newJob(runningCount(count, 30_000, "cae-a"), new JobConfig().setName("cancel-and-export")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(100));
        awaitStatus(original, JobStatus.RUNNING);
        await().atMost(Duration.ofSeconds(10)).until(() -> !mapContent(member, "cae-a").isEmpty());

        original.cancelAndExportSnapshot("final-export");

        assertThatThrownBy(original::join).isInstanceOf(CancellationException.class);
        assertThat(original.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(member.getExportedSnapshot("final-export")).isPresent();

        Job continued = member.newJob(runningCount(count, 0, "cae-b"), new JobConfig().setInitialSnapshotName("final-export"));
        continued.join();
        assertThat(mapContent(member, "cae-b")).isEqualTo(expectedCounts(count));

        DAG incompatible = runningCount(count, 0, "cae-c");
        DAG changed = new DAG();
        Vertex source = changed.newVertex("source", incompatible.vertex("source").processorSupplier()).localParallelism(2);
        Vertex counts = changed.newVertex("counts", Processors.map((Long v) -> Map.entry(v % KEYS, v))).localParallelism(2);
        Vertex sink = changed.newVertex("sink", SinkProcessors.writeMap("cae-c")).localParallelism(1);
        changed.edge(Edge.between(source, counts)).edge(Edge.between(counts, sink));
        Job wrong = member.newJob(changed, new JobConfig().setInitialSnapshotName("final-export"));
        assertThatThrownBy(wrong::join)
                .isInstanceOf(JobFailedException.class)
                .hasMessageContaining("Cannot restore vertex 'counts' from exported snapshot 'final-export'");
        assertThat(mapContent(member, "cae-c")).isEmpty();
    }

    @Test
    void keyedState_isRoutedByKey_whenTheNewJobHasAnotherParallelism() {
        long count = 60_000;
        Job original = member.newJob(runningCount(count, 30_000, "rescale-a"), new JobConfig().setName("rescale")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(100));
        await().atMost(Duration.ofSeconds(10)).until(() -> !mapContent(member, "rescale-a").isEmpty());
        original.cancelAndExportSnapshot("rescale-export");
        assertThatThrownBy(original::join).isInstanceOf(CancellationException.class);

        DAG wider = runningCount(count, 0, "rescale-b");
        wider.vertex("counts").localParallelism(3);
        member.newJob(wider, new JobConfig().setInitialSnapshotName("rescale-export")).join();

        assertThat(mapContent(member, "rescale-b")).isEqualTo(expectedCounts(count));
    }

    @Test
    void missingInitialSnapshot_failsTheJobBeforeItStarts() {
        Job job = member.newJob(runningCount(10, 0, "never"), new JobConfig().setInitialSnapshotName("no-such-export"));
        assertThatThrownBy(job::join)
                .isInstanceOf(JobFailedException.class)
                .hasMessageContaining("cannot start from initialSnapshotName 'no-such-export'");
        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void lifecycleOperations_inTheWrongStatus_nameBothStatuses() {
        Job job = member.newJob(runningCount(Long.MAX_VALUE / 2, 1_000, "lifecycle"), new JobConfig().setName("lifecycle"));
        awaitStatus(job, JobStatus.RUNNING);
        assertThatThrownBy(job::resume).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot resume job 'lifecycle': it is RUNNING, not SUSPENDED");
        job.suspend();
        awaitStatus(job, JobStatus.SUSPENDED);
        assertThat(job.getSuspensionCause()).contains("Suspended by the user");
        assertThatThrownBy(job::suspend).hasMessage("Cannot suspend job 'lifecycle': it is SUSPENDED, not RUNNING");
        assertThatThrownBy(job::restart).hasMessageContaining("it is SUSPENDED");
        job.cancel();
        assertThatThrownBy(job::join).isInstanceOf(CancellationException.class);
        assertThatThrownBy(job::suspend).hasMessageContaining("it is FAILED");
    }

    @Test
    void suspendOnFailure_keepsTheJobWithItsCause() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", SourceProcessors.boundedGenerator((seq, ts) -> seq, 0, EventTimeMode.WALL, 100))
                .localParallelism(1);
        Vertex failing = dag.newVertex("failing", Processors.map((Long v) -> {
            if (v == 50) {
                throw new IllegalStateException("poison item 50");
            }
            return v;
        })).localParallelism(1);
        dag.edge(Edge.between(source, failing));
        Job job = member.newJob(dag, new JobConfig().setSuspendOnFailure(true));

        awaitStatus(job, JobStatus.SUSPENDED);
        assertThat(job.getSuspensionCause()).get().asString().contains("poison item 50");
        job.cancel();
    }

    @Test
    void corruptedSnapshot_isDetected_andFailsTheJobInsteadOfStartingEmpty() {
        Job job = member.newJob(runningCount(Long.MAX_VALUE / 2, 20_000, "corrupt"), new JobConfig().setName("to-corrupt")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(50));
        awaitStatus(job, JobStatus.RUNNING);
        job.suspend();
        awaitStatus(job, JobStatus.SUSPENDED);

        for (int slot = 0; slot < 2; slot++) {
            IMap<String, byte[]> data = member.getHazelcastInstance().getMap(SnapshotMaps.slotMapName(job.getId(), slot));
            for (String key : data.keySet()) {
                byte[] bytes = data.get(key);
                bytes[bytes.length / 2] ^= 0x5A;
                data.set(key, bytes);
            }
        }
        job.resume();

        assertThatThrownBy(job::join).isInstanceOf(JobFailedException.class).hasMessageContaining("snapshot");
        assertThat(job.getFailureCause()).get().extracting(Throwable::getClass).extracting(Class::getSimpleName)
                .isEqualTo("SnapshotCorruptedException");
    }

    @Test
    void resume_whenTheSourceNoLongerHasItsPosition_failsTheJobSayingSo() {
        DAG dag = new DAG();
        dag.newVertex("offsets", ExpiringOffsetSource.supplier(42, EXPIRED::get)).localParallelism(1);
        Job job = member.newJob(dag, new JobConfig().setName("expiring-offsets")
                .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE).setSnapshotIntervalMillis(60_000));
        awaitStatus(job, JobStatus.RUNNING);
        job.suspend();
        awaitStatus(job, JobStatus.SUSPENDED);

        EXPIRED.set(true);
        try {
            job.resume();
            assertThatThrownBy(job::join).isInstanceOf(JobFailedException.class)
                    .hasRootCauseInstanceOf(SourcePositionUnavailableException.class);
        } finally {
            EXPIRED.set(false);
        }

        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.getFailureCause()).get().isInstanceOf(SourcePositionUnavailableException.class)
                .extracting(Throwable::getMessage).asString()
                .startsWith("Vertex 'offsets' cannot continue from the position saved in snapshot 0 of job 'expiring-offsets'")
                .contains("offset 42 has expired")
                .endsWith("Submit the job anew to start from the beginning or from another snapshot");
        assertThat(member.getJobSummary(job.getId()).orElseThrow().error()).contains("offset 42 has expired");
    }

    @Test
    void exportRequestedDuringTheTerminalSnapshotOfASuspend_failsInsteadOfSavingAStateWithoutTheStoppedProcessors()
            throws InterruptedException {
        DAG dag = new DAG();
        dag.newVertex("gated", GatedSource::new).localParallelism(1);
        Job job = member.newJob(dag, new JobConfig().setName("export-while-stopping")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(60_000));
        awaitStatus(job, JobStatus.RUNNING);
        GatedSource.gateSave = new CountDownLatch(1);
        GatedSource.gateCommit = new CountDownLatch(1);
        try {
            job.suspend();
            assertThat(GatedSource.saving.await(20, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<ExportedSnapshotInfo> export = new CompletableFuture<>();
            Thread exporter = new Thread(() -> {
                try {
                    export.complete(job.exportSnapshot("after-the-terminal-one"));
                } catch (Throwable e) {
                    export.completeExceptionally(e);
                }
            });
            exporter.start();
            // parked in the export's join: its snapshot is queued behind the terminal one
            await().atMost(Duration.ofSeconds(20)).until(() -> exporter.getState() == Thread.State.WAITING || export.isDone());
            GatedSource.gateSave.countDown();

            // the processor has saved the terminal snapshot and waits in its commit phase: it has not ended
            await("the export failing at once, not snapshotting the stopping execution")
                    .atMost(Duration.ofSeconds(10)).until(export::isDone);
            assertThatThrownBy(export::join).hasMessageContaining("'export-while-stopping' is stopping");
        } finally {
            GatedSource.gateSave.countDown();
            GatedSource.gateCommit.countDown();
        }
        awaitStatus(job, JobStatus.SUSPENDED);
        assertThat(job.getLastSnapshot().orElseThrow().entryCount()).as("the terminal snapshot's").isEqualTo(1);
        job.resume();
        await().atMost(Duration.ofSeconds(20)).until(() -> GatedSource.restored.get() == 1);
        job.cancel();
    }

    /**
     * A non-cooperative source of nothing that saves one entry; waits in {@code saveToSnapshot}
     * and {@code snapshotCommitFinish} while the test holds the gates.
     */
    private static final class GatedSource extends AbstractProcessor {

        static volatile CountDownLatch gateSave = new CountDownLatch(0);
        static volatile CountDownLatch gateCommit = new CountDownLatch(0);
        static final CountDownLatch saving = new CountDownLatch(1);
        static final AtomicInteger restored = new AtomicInteger();

        @Override
        public boolean isCooperative() {
            return false;
        }

        @Override
        public boolean complete() {
            return false;
        }

        @Override
        public boolean saveToSnapshot() {
            saving.countDown();
            awaitGate(gateSave);
            return tryEmitToSnapshot("position", 42L);
        }

        @Override
        public boolean snapshotCommitFinish(boolean success) {
            awaitGate(gateCommit);
            return true;
        }

        @Override
        public void restoreFromSnapshot(Inbox inbox) {
            for (Object entry; (entry = inbox.poll()) != null; ) {
                assertThat(((Map.Entry<?, ?>) entry).getValue()).isEqualTo(42L);
                restored.incrementAndGet();
            }
        }

        private static void awaitGate(CountDownLatch gate) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void exportToDisk_survivesAFullRestart(@TempDir Path directory) {
        long count = 40_000;
        String cluster = "disk-" + UUID.randomUUID();
        ContrailInstance first = Contrail.newMember(config(cluster).setSnapshotDirectory(directory.toString()));
        try {
            Job job = first.newJob(runningCount(count, 20_000, "disk-a"), new JobConfig()
                    .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(100));
            awaitStatus(job, JobStatus.RUNNING);
            await().atMost(Duration.ofSeconds(10)).until(() -> !mapContent(first, "disk-a").isEmpty());
            job.cancelAndExportSnapshot("on-disk");
            assertThatThrownBy(job::join).isInstanceOf(CancellationException.class);
        } finally {
            first.shutdown();
        }

        ContrailInstance second = Contrail.newMember(config(cluster + "-2").setSnapshotDirectory(directory.toString()));
        try {
            assertThat(second.getExportedSnapshots()).extracting(ExportedSnapshotInfo::name).containsExactly("on-disk");
            Job job = second.newJob(runningCount(count, 0, "disk-b"), new JobConfig().setInitialSnapshotName("on-disk"));
            job.join();
            assertThat(mapContent(second, "disk-b")).isEqualTo(expectedCounts(count));
        } finally {
            second.shutdown();
        }
    }

    @Test
    void exportSnapshot_whileRegularSnapshotsFollowEachOther_exportsTheSnapshotItTook() {
        Job job = member.newJob(runningCount(Long.MAX_VALUE / 2, 20_000, "export-busy"), new JobConfig().setName("export-busy")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(1));
        awaitStatus(job, JobStatus.RUNNING);
        for (int i = 0; i < 20; i++) {
            ExportedSnapshotInfo info = job.exportSnapshot("busy");
            assertThat(info.entryCount()).isPositive();
        }
        job.cancel();
        assertThatThrownBy(job::join).isInstanceOf(CancellationException.class);
        member.deleteExportedSnapshot("busy");
    }

    @Test
    void snapshotsAreTaken_atTheInterval_andRecordedInTheJobRecord() {
        Job job = member.newJob(runningCount(Long.MAX_VALUE / 2, 10_000, "interval"), new JobConfig().setName("interval")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(30));
        await().atMost(10, TimeUnit.SECONDS).until(() -> job.getLastSnapshot().map(s -> s.snapshotId() >= 3).orElse(false));
        JobRecord record = (JobRecord) member.getHazelcastInstance().getMap(JobRepository.JOB_RECORDS_MAP).get(job.getId());
        assertThat(record.lastSnapshot()).isNotNull();
        assertThat(job.getLastSnapshot().orElseThrow().entryCount()).as("generator offsets, counts, pending writes").isPositive();
        assertThat(job.getLastSnapshot().orElseThrow().sizeBytes()).isPositive();
        job.cancel();
        assertThatThrownBy(job::join).isInstanceOf(CancellationException.class);
    }
}
