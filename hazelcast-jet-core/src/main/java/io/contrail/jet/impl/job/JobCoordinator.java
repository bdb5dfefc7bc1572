package io.contrail.jet.impl.job;

import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.impl.execution.ExecutionContext;
import io.contrail.jet.impl.execution.ExecutionPlanBuilder;
import io.contrail.jet.impl.execution.TaskletExecutionService;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobMetrics;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.JobSummary;
import io.contrail.jet.job.ProcessingGuarantee;
import io.contrail.jet.job.SnapshotSummary;
import io.contrail.snapshot.ExportedSnapshotInfo;
import io.contrail.snapshot.SnapshotMetadata;
import io.contrail.snapshot.SnapshotReader;
import io.contrail.snapshot.SnapshotSession;
import io.contrail.snapshot.SnapshotStore;
import io.contrail.snapshot.WriterSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Drives one job through its life cycle on the member that coordinates it: builds an execution
 * (restoring the last complete snapshot, or the exported one the job starts from), starts it,
 * takes snapshots at the configured interval, and handles suspend, resume, restart, cancel and
 * exports. Each status change is recorded in the {@link JobRepository}.
 * <pre>
 *   NOT_RUNNING → STARTING → RUNNING → COMPLETING → COMPLETED | FAILED
 *                    ↑          │ suspend: terminal snapshot, then
 *                    │          ↓
 *                    └─ resume ─ SUSPENDED ⇄ SUSPENDED_EXPORTING_SNAPSHOT
 * </pre>
 * What happens when an execution ends depends on why it was ended ({@link EndAction}): a suspend
 * leaves the job SUSPENDED, a restart starts a new execution from the last complete snapshot, a
 * cancel ends the job and deletes its snapshots, and an execution that ended by itself completes
 * or fails the job (or suspends it, with {@code suspendOnFailure}).
 *
 * <p>The record also says what the job is doing ({@link JobRecord#runningStatus()}) and counts the
 * items that entered it (emitted by vertices without inputs) and left it (received by vertices
 * without outputs) over all its executions; the counts are written with every status change and
 * every snapshot.
 *
 * <p>Threading: state changes happen under this object's lock. Snapshots are completed, stored
 * and exported on the coordination executor (a thread that may block); cooperative workers only
 * complete futures.
 */
final class JobCoordinator {

    private static final Logger LOGGER = LoggerFactory.getLogger(JobCoordinator.class);

    /** What to do when the current execution ends. */
    private enum EndAction { NONE, SUSPEND, RESTART, CANCEL, EXPORT_AND_CANCEL }

    private final DAG dag;
    private final JobRepository repository;
    private final SnapshotStore snapshotStore;
    private final ExecutionPlanBuilder planBuilder;
    private final TaskletExecutionService executionService;
    private final ScheduledExecutorService coordinationExecutor;
    private final Clock clock;
    private final Set<String> sourceVertices;
    private final Set<String> sinkVertices;
    private final CompletableFuture<Void> future = new CompletableFuture<>();

    private volatile JobRecord record;
    private volatile Throwable failureCause;
    private volatile JobMetrics finalMetrics;
    private ExecutionContext execution;
    private EndAction endAction = EndAction.NONE;
    private String exportOnCancel;
    private ScheduledFuture<?> snapshotTask;
    /** The snapshot being taken, completed when it is stored (or failed); guarded by {@code this}. */
    private CompletableFuture<SnapshotMetadata> snapshotInProgress;
    /**
     * Whether the current execution is stopping (its terminal snapshot has started, or a restart
     * or cancel was asked), so no further snapshot may start on it; guarded by {@code this}.
     */
    private boolean stopping;
    private long nextSnapshotId;
    /**
     * Exports reading the job's last complete snapshot; guarded by {@code this}. Regular snapshots
     * wait while there are any: the second snapshot after the exported one would reuse (clear)
     * its storage slot under the export.
     */
    private int exportsReading;
    /** Items that entered and left the job in its ended executions; guarded by {@code this}. */
    private long itemsInBefore;
    private long itemsOutBefore;

    JobCoordinator(JobRecord record, DAG dag, JobRepository repository, SnapshotStore snapshotStore,
                   ExecutionPlanBuilder planBuilder, TaskletExecutionService executionService,
                   ScheduledExecutorService coordinationExecutor, Clock clock) {
        this.record = requireNonNull(record, "record is null");
        this.dag = requireNonNull(dag, "dag is null");
        this.repository = repository;
        this.snapshotStore = snapshotStore;
        this.planBuilder = planBuilder;
        this.executionService = executionService;
        this.coordinationExecutor = coordinationExecutor;
        this.clock = requireNonNull(clock, "clock is null");
        this.sourceVertices = dag.vertices().stream().filter(v -> dag.inboundEdges(v.name()).isEmpty())
                .map(Vertex::name).collect(Collectors.toUnmodifiableSet());
        this.sinkVertices = dag.vertices().stream().filter(v -> dag.outboundEdges(v.name()).isEmpty())
                .map(Vertex::name).collect(Collectors.toUnmodifiableSet());
    }

    // ------------------------------------------------------------------ starting

    /** Starts a new execution; a failure to build it fails the job (it does not throw). */
    void start() {
        synchronized (this) {
            JobStatus status = record.status();
            if (status != JobStatus.NOT_RUNNING && status != JobStatus.SUSPENDED && status != JobStatus.RUNNING) {
                return;
            }
            String verb = switch (status) {
                case NOT_RUNNING -> "starting";
                case SUSPENDED -> "resuming";
                default -> "restarting";
            };
            transition(JobStatus.STARTING, verb + " " + startingPoint());
            endAction = EndAction.NONE;
        }
        ExecutionContext context;
        try {
            context = planBuilder.build(record.jobId(), record.name(), dag, record.config(), openRestoreSource());
        } catch (Throwable e) {
            LOGGER.warn("Job '{}' failed to start", record.name(), e);
            finish(e, true);
            return;
        }
        synchronized (this) {
            if (record.status() != JobStatus.STARTING) {
                context.cancel();
                return;
            }
            execution = context;
            stopping = false;
            transition(JobStatus.RUNNING, null);
            executionService.start(context);
            scheduleSnapshots();
        }
        context.completionFuture().whenCompleteAsync((ignored, error) -> executionEnded(context, error), coordinationExecutor);
    }

    /**
     * The state to start from: the job's last complete snapshot, or else the exported snapshot
     * its configuration names, or nothing. A snapshot that does not verify fails the start: the
     * job never silently starts from empty state.
     */
    private SnapshotReader openRestoreSource() {
        // keep in line with startingPoint()
        Optional<SnapshotMetadata> own = snapshotStore.lastComplete(record.jobId());
        if (own.isPresent()) {
            nextSnapshotId = own.get().snapshotId() + 1;
            return snapshotStore.openReader(own.get());
        }
        String initial = record.config().getInitialSnapshotName();
        if (initial != null) {
            try {
                return snapshotStore.openExported(initial);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Job '" + record.name() + "' cannot start from initialSnapshotName '"
                        + initial + "': " + e.getMessage(), e);
            }
        }
        return null;
    }

    /** Must hold the lock. Where {@link #openRestoreSource()} will start from, in words. */
    private String startingPoint() {
        if (record.lastSnapshot() != null) {
            return "from snapshot " + record.lastSnapshot().snapshotId();
        }
        String initial = record.config().getInitialSnapshotName();
        return initial != null ? "from exported snapshot '" + initial + "'" : "from the beginning";
    }

    private void scheduleSnapshots() {
        JobConfig config = record.config();
        if (config.getProcessingGuarantee() == ProcessingGuarantee.NONE) {
            return;
        }
        long interval = config.getSnapshotIntervalMillis();
        snapshotTask = coordinationExecutor.scheduleWithFixedDelay(this::takeRegularSnapshot, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void takeRegularSnapshot() {
        synchronized (this) {
            // with a suspend or cancel asked, its terminal snapshot is next: a regular one would
            // go first whenever the terminal one waits, and could keep it waiting for ever
            if (snapshotInProgress != null || exportsReading > 0 || execution == null
                    || record.status() != JobStatus.RUNNING || endAction != EndAction.NONE) {
                return;
            }
        }
        takeSnapshot(false);
    }

    // ------------------------------------------------------------------ snapshots

    /**
     * Takes a snapshot of the running execution: the barrier goes out, processors save, the
     * coordination thread completes the snapshot in the store and lets processors commit.
     *
     * @param terminal whether processors stop after it
     * @return the stored snapshot; fails if it could not be taken (the previous one stays)
     */
    private synchronized CompletableFuture<SnapshotMetadata> takeSnapshot(boolean terminal) {
        if (snapshotInProgress != null) {
            // one snapshot at a time: this one starts when the running one is over
            return snapshotInProgress.handle((ignored, error) -> null)
                    .thenComposeAsync(ignored -> takeSnapshot(terminal), coordinationExecutor);
        }
        ExecutionContext context = execution;
        if (context == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Job '" + record.name() + "' is not running"));
        }
        if (stopping) {
            // A snapshot queued behind the terminal one (an export, or a regular snapshot that
            // checked the status just before a suspend) must not start: the processors stop after
            // the terminal snapshot and end normally, the execution counts a processor that ended
            // normally as having no state left, and so the snapshot would complete without theirs
            // and become the one to restore from.
            return CompletableFuture.failedFuture(new IllegalStateException("Job '" + record.name() + "' is stopping"));
        }
        stopping = terminal;
        long snapshotId = nextSnapshotId++;
        CompletableFuture<SnapshotMetadata> result = new CompletableFuture<>();
        snapshotInProgress = result;
        SnapshotSession session;
        try {
            session = snapshotStore.begin(record.jobId(), record.name(), snapshotId);
        } catch (RuntimeException e) {
            snapshotInProgress = null;
            return CompletableFuture.failedFuture(e);
        }
        record = withItemCounts(record.withRunningStatus(terminal ? "taking snapshot " + snapshotId + " before stopping"
                : "taking snapshot " + snapshotId));
        try {
            repository.put(record);
        } catch (RuntimeException e) {
            // only what the job is doing for readers of the record: not a reason to fail the snapshot
            LOGGER.warn("Job '{}': recording that snapshot {} started failed: {}", record.name(), snapshotId, e.toString());
        }
        long started = System.nanoTime();
        long timeoutMillis = record.config().getSnapshotTimeoutMillis();
        CompletableFuture<List<WriterSummary>> saved = context.startSnapshot(snapshotId, terminal, session)
                .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
        saved.whenCompleteAsync((summaries, error) -> {
            SnapshotMetadata metadata = null;
            boolean timedOut = error instanceof TimeoutException;
            Throwable failure = timedOut ? new IllegalStateException("Snapshot " + snapshotId + " of job '" + record.name()
                    + "' did not complete within its timeout of " + timeoutMillis + " ms (snapshotTimeoutMillis)", error)
                    : error;
            if (failure == null) {
                try {
                    metadata = session.complete(summaries);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                session.abort();
            }
            synchronized (this) {
                context.finishSnapshot(snapshotId, failure == null);
                snapshotInProgress = null;
                if (record.status() == JobStatus.RUNNING) {
                    record = record.withRunningStatus(null);
                }
                if (metadata != null) {
                    record = record.withLastSnapshot(new SnapshotSummary(snapshotId, metadata.completedAt().toEpochMilli(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), metadata.entryCount(), metadata.totalBytes()));
                }
                record = withItemCounts(record);
                repository.put(record);
            }
            if (failure == null) {
                LOGGER.debug("Job '{}': snapshot {} of {} entries stored in {} ms", record.name(), snapshotId,
                        metadata.entryCount(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                result.complete(metadata);
            } else {
                LOGGER.warn("Job '{}': snapshot {} failed; the previous snapshot stays the one to restore from: {}",
                        record.name(), snapshotId, failure.toString());
                if (timedOut && !terminal) {
                    restartAfterTimeout(context, failure);
                }
                result.completeExceptionally(failure);
            }
        }, coordinationExecutor);
        return result;
    }

    /**
     * Restarts the execution whose regular snapshot timed out, from the last complete snapshot: a
     * processor that did not reach the barrier holds back what it would have saved, and the job
     * cannot take a snapshot past it. The terminal snapshot's timeout stops the execution instead
     * ({@link #stopWithTerminalSnapshot()}).
     */
    private void restartAfterTimeout(ExecutionContext context, Throwable failure) {
        synchronized (this) {
            // a suspend or cancel asked meanwhile goes on: its terminal snapshot is queued behind this one
            if (execution != context || stopping || endAction != EndAction.NONE || record.status() != JobStatus.RUNNING) {
                return;
            }
            endAction = EndAction.RESTART;
            stopping = true;
        }
        LOGGER.warn("Job '{}': restarting from its last complete snapshot: {}", record.name(), failure.getMessage());
        context.cancel();
    }

    // ------------------------------------------------------------------ user operations

    /** See {@link io.contrail.jet.job.Job#suspend()}. */
    void suspend() {
        synchronized (this) {
            requireStatus("suspend", JobStatus.RUNNING);
            endAction = EndAction.SUSPEND;
            record = record.withSuspensionCause("Suspended by the user");
        }
        stopWithTerminalSnapshot();
    }

    /** See {@link io.contrail.jet.job.Job#resume()}. */
    void resume() {
        synchronized (this) {
            requireStatus("resume", JobStatus.SUSPENDED);
        }
        coordinationExecutor.execute(this::start);
    }

    /** See {@link io.contrail.jet.job.Job#resume(JobConfig)}. */
    void resume(JobConfig config) {
        JobConfig changed = requireNonNull(config, "config is null").copy();
        synchronized (this) {
            requireStatus("resume", JobStatus.SUSPENDED);
            JobConfig current = record.config();
            requireKept("name", current.getName(), changed.getName());
            requireKept("processingGuarantee", current.getProcessingGuarantee(), changed.getProcessingGuarantee());
            requireKept("initialSnapshotName", current.getInitialSnapshotName(), changed.getInitialSnapshotName());
            requireKept("kind", current.getKind(), changed.getKind());
            requireKept("owner", current.getOwner(), changed.getOwner());
            requireKept("statement", current.getStatement(), changed.getStatement());
            requireKept("streaming", current.getStreaming(), changed.getStreaming());
            record = record.withConfig(changed);
            repository.put(record);
        }
        coordinationExecutor.execute(this::start);
    }

    private void requireKept(String setting, Object current, Object changed) {
        if (!Objects.equals(current, changed)) {
            throw new IllegalArgumentException("Cannot resume job '" + record.name() + "' with " + setting + " " + changed
                    + ": it is fixed at submission (" + current + "); submit a new job to change it");
        }
    }

    /** See {@link io.contrail.jet.job.Job#restart()}. */
    void restart() {
        ExecutionContext context;
        synchronized (this) {
            requireStatus("restart", JobStatus.RUNNING);
            context = execution;
            if (context == null) {
                throw new IllegalStateException("Cannot restart job '" + record.name() + "': its execution is ending; "
                        + "check its status and try again");
            }
            endAction = EndAction.RESTART;
            // No snapshot may start on an execution being torn down: a processor cancelled before
            // the barrier reached it would leave the snapshot without its state (a source's
            // position), and the restart would restore that.
            stopping = true;
        }
        context.cancel();
    }

    /** See {@link io.contrail.jet.job.Job#cancel()}. */
    void cancel() {
        ExecutionContext context;
        synchronized (this) {
            JobStatus status = record.status();
            if (status.isTerminal()) {
                throw new IllegalStateException("Cannot cancel job '" + record.name() + "': it is already " + status);
            }
            if (status == JobStatus.COMPLETING) {
                return;
            }
            endAction = EndAction.CANCEL;
            stopping = true;
            context = execution;
            if (context != null) {
                transition(JobStatus.COMPLETING, "cancelling");
            }
        }
        if (context != null) {
            context.cancel();
        } else {
            coordinationExecutor.execute(() -> finish(new CancellationException("Job '" + record.name() + "' was cancelled"), true));
        }
    }

    /** See {@link io.contrail.jet.job.Job#exportSnapshot(String)}. */
    ExportedSnapshotInfo exportSnapshot(String name) {
        SnapshotStore.validateExportName(name);
        CompletableFuture<SnapshotMetadata> snapshot;
        synchronized (this) {
            JobStatus status = record.status();
            if (status == JobStatus.SUSPENDED) {
                transition(JobStatus.SUSPENDED_EXPORTING_SNAPSHOT, "exporting snapshot '" + name + "'");
                try {
                    return snapshotStore.export(name, lastCompleteSnapshot("export a snapshot of"));
                } finally {
                    transition(JobStatus.SUSPENDED, record.suspensionCause());
                }
            }
            requireStatus("export a snapshot of", JobStatus.RUNNING, JobStatus.SUSPENDED);
            snapshot = takeSnapshot(false);
            exportsReading++;
        }
        try {
            return snapshotStore.export(name, join(snapshot, "export snapshot '" + name + "'"));
        } finally {
            synchronized (this) {
                exportsReading--;
            }
        }
    }

    /** See {@link io.contrail.jet.job.Job#cancelAndExportSnapshot(String)}. */
    void cancelAndExportSnapshot(String name) {
        SnapshotStore.validateExportName(name);
        synchronized (this) {
            JobStatus status = record.status();
            if (status == JobStatus.SUSPENDED) {
                snapshotStore.export(name, lastCompleteSnapshot("export a snapshot of"));
                endAction = EndAction.CANCEL;
                coordinationExecutor.execute(() -> finish(new CancellationException("Job '" + record.name() + "' was cancelled"), true));
                return;
            }
            requireStatus("cancel and export a snapshot of", JobStatus.RUNNING, JobStatus.SUSPENDED);
            endAction = EndAction.EXPORT_AND_CANCEL;
            exportOnCancel = name;
            record = record.withSuspensionCause("The terminal snapshot of cancelAndExportSnapshot('" + name + "') failed");
        }
        stopWithTerminalSnapshot();
    }

    /**
     * Takes a terminal snapshot: processors stop after it and the execution ends, then
     * {@link #executionEnded} applies the end action. If the snapshot fails, the execution is
     * stopped anyway and the job suspended, keeping the previous snapshot.
     */
    private void stopWithTerminalSnapshot() {
        takeSnapshot(true).whenCompleteAsync((metadata, error) -> {
            ExecutionContext context;
            synchronized (this) {
                context = execution;
                if (error != null && endAction == EndAction.EXPORT_AND_CANCEL) {
                    endAction = EndAction.SUSPEND;
                }
            }
            if (error != null && context != null) {
                context.terminate(new IllegalStateException("Stopping job '" + record.name() + "' after its terminal snapshot failed", error));
            }
        }, coordinationExecutor);
    }

    private SnapshotMetadata lastCompleteSnapshot(String operation) {
        return snapshotStore.lastComplete(record.jobId()).orElseThrow(() -> new IllegalStateException(
                "Cannot " + operation + " job '" + record.name() + "': it has no complete snapshot"));
    }

    /**
     * Must hold the lock.
     *
     * @throws IllegalStateException naming the job, its status and the allowed ones, unless the
     *                               job's status is one of {@code allowed}
     */
    private void requireStatus(String operation, JobStatus... allowed) {
        JobStatus status = record.status();
        if (!List.of(allowed).contains(status)) {
            String expected = Stream.of(allowed).map(JobStatus::name).collect(Collectors.joining(" or "));
            throw new IllegalStateException("Cannot " + operation + " job '" + record.name() + "': it is " + status
                    + ", not " + expected);
        }
    }

    // ------------------------------------------------------------------ endings

    private void executionEnded(ExecutionContext context, Throwable error) {
        Throwable cause = unwrap(error);
        EndAction action;
        synchronized (this) {
            if (execution != context) {
                return;
            }
            finalMetrics = context.metrics();
            itemsInBefore += sum(finalMetrics, sourceVertices, JobMetrics.VertexMetrics::itemsOut);
            itemsOutBefore += sum(finalMetrics, sinkVertices, JobMetrics.VertexMetrics::itemsIn);
            execution = null;
            if (snapshotTask != null) {
                snapshotTask.cancel(false);
                snapshotTask = null;
            }
            action = endAction;
        }
        switch (action) {
            case SUSPEND -> suspended();
            case RESTART -> start();
            case CANCEL -> finish(new CancellationException("Job '" + record.name() + "' was cancelled"), true);
            case EXPORT_AND_CANCEL -> {
                try {
                    snapshotStore.export(exportOnCancel, lastCompleteSnapshot("export a snapshot of"));
                    finish(new CancellationException("Job '" + record.name() + "' was cancelled after exporting snapshot '"
                            + exportOnCancel + "'"), true);
                } catch (RuntimeException e) {
                    LOGGER.warn("Job '{}': exporting snapshot '{}' failed; suspending the job instead", record.name(), exportOnCancel, e);
                    synchronized (this) {
                        record = record.withSuspensionCause("Exporting snapshot '" + exportOnCancel + "' failed: " + e.getMessage());
                    }
                    suspended();
                }
            }
            case NONE -> {
                if (cause != null && !(cause instanceof CancellationException) && record.config().isSuspendOnFailure()) {
                    LOGGER.warn("Job '{}' failed and is suspended (suspendOnFailure)", record.name(), cause);
                    synchronized (this) {
                        failureCause = cause;
                        record = record.withSuspensionCause("Suspended on failure: " + cause);
                    }
                    suspended();
                } else {
                    finish(cause, true);
                }
            }
            default -> throw new IllegalStateException("Unexpected end action " + action);
        }
    }

    private synchronized void suspended() {
        endAction = EndAction.NONE;
        transition(JobStatus.SUSPENDED, record.suspensionCause());
    }

    /** Ends the job for good: COMPLETED without a cause, else FAILED; deletes its snapshots. */
    private void finish(Throwable cause, boolean deleteSnapshots) {
        synchronized (this) {
            if (record.status().isTerminal()) {
                return;
            }
            failureCause = cause;
            if (cause != null) {
                record = record.withFailure(cause instanceof CancellationException ? "Cancelled" : cause.toString());
            }
            if (record.status() != JobStatus.COMPLETING) {
                transition(JobStatus.COMPLETING, cause instanceof CancellationException ? "cancelling" : "completing");
            }
            transition(cause == null ? JobStatus.COMPLETED : JobStatus.FAILED, null);
        }
        if (deleteSnapshots) {
            try {
                snapshotStore.deleteJobSnapshots(record.jobId());
            } catch (RuntimeException e) {
                LOGGER.warn("Job '{}': deleting its snapshots failed", record.name(), e);
            }
        }
        repository.releaseName(record.name(), record.jobId());
        if (cause == null) {
            future.complete(null);
        } else {
            if (!(cause instanceof CancellationException)) {
                LOGGER.warn("Job '{}' failed", record.name(), cause);
            }
            future.completeExceptionally(cause);
        }
    }

    /** Must hold the lock. Moves the job to {@code status}, doing what {@code runningStatus} says (or {@code null}). */
    private void transition(JobStatus status, String runningStatus) {
        record = withItemCounts(record.withStatus(status, runningStatus, clock.millis()));
        repository.put(record);
    }

    /** Must hold the lock. {@code base} with the item counts of the ended executions and the running one. */
    private JobRecord withItemCounts(JobRecord base) {
        long in = itemsInBefore;
        long out = itemsOutBefore;
        ExecutionContext context = execution;
        if (context != null) {
            JobMetrics metrics = context.metrics();
            in += sum(metrics, sourceVertices, JobMetrics.VertexMetrics::itemsOut);
            out += sum(metrics, sinkVertices, JobMetrics.VertexMetrics::itemsIn);
        }
        return base.withItemCounts(in, out);
    }

    private static long sum(JobMetrics metrics, Set<String> vertices, ToLongFunction<JobMetrics.VertexMetrics> counter) {
        return metrics.vertices().stream().filter(v -> vertices.contains(v.vertexName())).mapToLong(counter).sum();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private <T> T join(CompletableFuture<T> future, String what) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            throw new IllegalStateException("Job '" + record.name() + "' could not " + what + ": " + cause.getMessage(), cause);
        }
    }

    // ------------------------------------------------------------------ reading

    JobRecord record() {
        return record;
    }

    /** The job's summary with live item counts. */
    synchronized JobSummary summary() {
        return withItemCounts(record).toSummary();
    }

    Throwable failureCause() {
        return failureCause;
    }

    CompletableFuture<Void> future() {
        return future;
    }

    JobMetrics metrics() {
        ExecutionContext context;
        synchronized (this) {
            context = execution;
        }
        if (context != null) {
            return context.metrics();
        }
        JobMetrics last = finalMetrics;
        return last != null ? last : new JobMetrics(List.of());
    }
}
