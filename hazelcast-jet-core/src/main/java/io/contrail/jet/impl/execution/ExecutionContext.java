package io.contrail.jet.impl.execution;

import io.contrail.jet.job.JobMetrics;
import io.contrail.jet.job.JobMetrics.VertexMetrics;
import io.contrail.snapshot.SnapshotSession;
import io.contrail.snapshot.SnapshotWriter;
import io.contrail.snapshot.WriterSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One execution of a job on this member: its tasklets, and a future that completes when all of
 * them have ended. The first failure (or a cancellation) terminates the whole execution: every
 * tasklet is dropped at its next turn, then all processors are closed and the future completes.
 *
 * <p>Threading: thread-safe. Tasklets report their end from worker threads; {@link #terminate}
 * may be called from any thread.
 */
public final class ExecutionContext {

    private static final Logger LOGGER = LoggerFactory.getLogger(ExecutionContext.class);

    private final long jobId;
    private final String jobName;
    private final List<ProcessorTasklet> tasklets = new ArrayList<>();
    /** Every processor: those with a tasklet and those fused into another's. */
    private final List<RunningProcessor> processors = new ArrayList<>();
    private final List<Thread> blockingThreads = new CopyOnWriteArrayList<>();
    private final List<String> vertexOrder;
    private final CompletableFuture<Void> completionFuture = new CompletableFuture<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger remainingTasklets = new AtomicInteger();
    private volatile boolean terminating;

    /** The snapshot being taken, or {@code null}; sources poll it. */
    private volatile ActiveSnapshot activeSnapshot;
    /** The outcome of the last snapshot the coordinator finished; processors run their commit phase on it. */
    private volatile CommitDecision lastCommitDecision;
    /** Processors that ended; guarded by {@code this}. */
    private final Set<RunningProcessor> endedProcessors = new HashSet<>();

    ExecutionContext(long jobId, String jobName, List<String> vertexOrder) {
        this.jobId = jobId;
        this.jobName = jobName;
        this.vertexOrder = List.copyOf(vertexOrder);
    }

    void addTasklet(ProcessorTasklet tasklet) {
        tasklets.add(tasklet);
        processors.add(tasklet);
        remainingTasklets.incrementAndGet();
    }

    void addFusedStage(FusedStage stage) {
        processors.add(stage);
    }

    void addBlockingThread(Thread thread) {
        blockingThreads.add(thread);
    }

    List<ProcessorTasklet> tasklets() {
        return tasklets;
    }

    public long jobId() {
        return jobId;
    }

    public String jobName() {
        return jobName;
    }

    /** Completes normally when every processor completed, exceptionally on failure or cancellation. */
    public CompletableFuture<Void> completionFuture() {
        return completionFuture;
    }

    /** Whether the execution is being torn down: workers drop its tasklets at their next turn. */
    boolean isTerminating() {
        return terminating;
    }

    /**
     * Ends the execution with {@code cause} (a {@link CancellationException} to cancel). Only the
     * first cause counts; later ones are logged.
     */
    public void terminate(Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            terminating = true;
            // Wakes non-cooperative processors blocked in I/O so that they see the termination.
            blockingThreads.forEach(Thread::interrupt);
        } else if (!(cause instanceof CancellationException)) {
            LOGGER.debug("Job {}: a further failure after the first one: {}", jobName, cause.toString());
        }
    }

    /** Cancels the execution. */
    public void cancel() {
        terminate(new CancellationException("Job '" + jobName + "' was cancelled"));
    }

    /** Called once by the execution service for each tasklet that ended, for any reason. */
    void taskletEnded(Tasklet tasklet, Throwable error) {
        if (error != null) {
            terminate(error);
        }
        if (tasklet instanceof ProcessorTasklet processorTasklet) {
            processorsEnded(processorTasklet.chain(), error == null && !terminating);
        }
        if (remainingTasklets.decrementAndGet() == 0) {
            closeProcessors();
            Throwable cause = failure.get();
            if (cause == null) {
                completionFuture.complete(null);
            } else {
                completionFuture.completeExceptionally(cause);
            }
        }
    }

    // ------------------------------------------------------------------ snapshots

    /**
     * Starts snapshot {@code snapshotId}: sources see it at their next call, save their state and
     * emit its barrier. The future completes with every processor's writer summary once all
     * processors that still run have saved their state (processors that already ended have none),
     * or fails if a writer failed or the execution ended first.
     */
    public synchronized CompletableFuture<List<WriterSummary>> startSnapshot(long snapshotId, boolean terminal, SnapshotSession session) {
        if (activeSnapshot != null) {
            throw new IllegalStateException("Snapshot " + activeSnapshot.snapshotId + " of job '" + jobName + "' is still in progress");
        }
        ActiveSnapshot snapshot = new ActiveSnapshot(snapshotId, terminal, session);
        for (RunningProcessor processor : processors) {
            if (!endedProcessors.contains(processor)) {
                snapshot.pending.add(processor);
            }
        }
        activeSnapshot = snapshot;
        snapshot.checkDone();
        completionFuture.whenComplete((ignored, error) -> {
            synchronized (this) {
                snapshot.failUnlessSaved("the execution of job '" + jobName + "' ended before snapshot " + snapshotId + " was saved");
            }
        });
        return snapshot.result;
    }

    /**
     * Records the coordinator's decision on snapshot {@code snapshotId}: processors run their
     * commit phase ({@code snapshotCommitFinish(success)}) at their next call. Ends the snapshot.
     */
    public synchronized void finishSnapshot(long snapshotId, boolean success) {
        if (activeSnapshot != null && activeSnapshot.snapshotId == snapshotId) {
            activeSnapshot = null;
        }
        lastCommitDecision = new CommitDecision(snapshotId, success);
    }

    /** The snapshot sources should take, or {@code null}. */
    SnapshotBarrier requestedSnapshot() {
        ActiveSnapshot snapshot = activeSnapshot;
        return snapshot == null ? null : snapshot.barrier;
    }

    CommitDecision lastCommitDecision() {
        return lastCommitDecision;
    }

    /** A writer for one processor's state in the active snapshot. */
    SnapshotWriter newSnapshotWriter(long snapshotId, String vertexName, int processorIndex) {
        ActiveSnapshot snapshot = activeSnapshot;
        if (snapshot == null || snapshot.snapshotId != snapshotId) {
            throw new IllegalStateException("Snapshot " + snapshotId + " of job '" + jobName + "' is not in progress");
        }
        return snapshot.session.newWriter(vertexName, processorIndex);
    }

    /** A processor saved and prepared its state; {@code summary} completes when its writer has stored it. */
    synchronized void processorSnapshotDone(RunningProcessor processor, long snapshotId, CompletableFuture<WriterSummary> summary) {
        ActiveSnapshot snapshot = activeSnapshot;
        if (snapshot == null || snapshot.snapshotId != snapshotId) {
            return;
        }
        snapshot.summaries.add(summary);
        snapshot.pending.remove(processor);
        snapshot.checkDone();
    }

    /**
     * Processors that completed normally have no more state to save; processors dropped by a
     * failure or cancellation make the snapshot in progress fail, never complete without them.
     */
    private synchronized void processorsEnded(List<RunningProcessor> ended, boolean normally) {
        endedProcessors.addAll(ended);
        ActiveSnapshot snapshot = activeSnapshot;
        if (snapshot == null) {
            return;
        }
        if (!normally && ended.stream().anyMatch(snapshot.pending::contains)) {
            snapshot.failUnlessSaved("job '" + jobName + "' stopped before every processor saved snapshot " + snapshot.snapshotId);
            return;
        }
        ended.forEach(snapshot.pending::remove);
        snapshot.checkDone();
    }

    /** The coordinator's decision on a finished snapshot. */
    record CommitDecision(long snapshotId, boolean success) {
    }

    /** Book-keeping of the snapshot in progress; guarded by the execution context's lock. */
    private static final class ActiveSnapshot {
        final long snapshotId;
        final SnapshotBarrier barrier;
        final SnapshotSession session;
        final Set<RunningProcessor> pending = new HashSet<>();
        final List<CompletableFuture<WriterSummary>> summaries = new ArrayList<>();
        final CompletableFuture<List<WriterSummary>> result = new CompletableFuture<>();
        private boolean allSaved;

        ActiveSnapshot(long snapshotId, boolean terminal, SnapshotSession session) {
            this.snapshotId = snapshotId;
            this.barrier = new SnapshotBarrier(snapshotId, terminal);
            this.session = session;
        }

        void failUnlessSaved(String reason) {
            if (!allSaved) {
                allSaved = true;
                result.completeExceptionally(new IllegalStateException("Snapshot failed: " + reason));
            }
        }

        void checkDone() {
            if (allSaved || !pending.isEmpty()) {
                return;
            }
            allSaved = true;
            CompletableFuture.allOf(summaries.toArray(new CompletableFuture<?>[0])).whenComplete((ignored, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(summaries.stream().map(CompletableFuture::join).toList());
                }
            });
        }
    }

    private void closeProcessors() {
        for (RunningProcessor running : processors) {
            try {
                running.processor().close();
            } catch (Throwable e) {
                // Logged, not thrown: a close() error must not hide the job's real outcome.
                LOGGER.warn("Job {}: closing a processor of vertex '{}' failed", jobName, running.vertexName(), e);
            }
        }
    }

    /** Sums the counters of each vertex's processors. */
    public JobMetrics metrics() {
        Map<String, long[]> sums = new LinkedHashMap<>();
        vertexOrder.forEach(v -> sums.put(v, new long[]{0, 0, 0, 0, Long.MAX_VALUE}));
        for (RunningProcessor running : processors) {
            long[] s = sums.get(running.vertexName());
            s[0] += running.itemsIn();
            s[1] += running.itemsOut();
            s[2] += running.inputQueueFill();
            s[3] += running.inputQueueCapacity();
            s[4] = Math.min(s[4], running.lastWatermark());
        }
        long now = System.currentTimeMillis();
        List<VertexMetrics> vertices = new ArrayList<>();
        sums.forEach((name, s) -> {
            boolean hasWm = s[4] != Long.MIN_VALUE && s[4] != Long.MAX_VALUE;
            vertices.add(new VertexMetrics(name, s[0], s[1], s[2], s[3],
                    hasWm ? s[4] : Long.MIN_VALUE, hasWm ? Math.max(0, now - s[4]) : -1));
        });
        return new JobMetrics(vertices);
    }
}
