package io.contrail.jet.impl.job;

import io.contrail.jet.core.DAG;
import io.contrail.jet.impl.execution.ExecutionContext;
import io.contrail.jet.impl.execution.ExecutionPlanBuilder;
import io.contrail.jet.impl.execution.TaskletExecutionService;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobMetrics;
import io.contrail.jet.job.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import static java.util.Objects.requireNonNull;

/**
 * Drives one job through its life cycle on the member that coordinates it: builds the execution,
 * starts it, records each status change in the {@link JobRepository}, and completes the job's
 * future when the execution ends.
 *
 * <p>Threading: status changes happen under this object's lock; repository writes run on the
 * coordination executor (never on a cooperative worker, which must not block) or on the thread
 * of the caller of {@link #cancel()}.
 */
final class JobCoordinator {

    private static final Logger LOGGER = LoggerFactory.getLogger(JobCoordinator.class);

    private final DAG dag;
    private final JobRepository repository;
    private final Executor coordinationExecutor;
    private final CompletableFuture<Void> future = new CompletableFuture<>();
    private volatile JobRecord record;
    private volatile Throwable failureCause;
    private ExecutionContext execution;
    private volatile JobMetrics finalMetrics;

    JobCoordinator(JobRecord record, DAG dag, JobRepository repository, Executor coordinationExecutor) {
        this.record = requireNonNull(record, "record is null");
        this.dag = requireNonNull(dag, "dag is null");
        this.repository = repository;
        this.coordinationExecutor = coordinationExecutor;
    }

    /** Builds and starts the execution; a failure to build fails the job (it does not throw). */
    void start(ExecutionPlanBuilder planBuilder, TaskletExecutionService executionService) {
        ExecutionContext context;
        synchronized (this) {
            if (record.status() != JobStatus.NOT_RUNNING) {
                return;
            }
            transition(JobStatus.STARTING);
        }
        try {
            context = planBuilder.build(record.jobId(), record.name(), dag, record.config());
        } catch (Throwable e) {
            LOGGER.warn("Job '{}' failed to start", record.name(), e);
            finish(e);
            return;
        }
        synchronized (this) {
            if (record.status() != JobStatus.STARTING) {
                // cancelled while the plan was built
                context.cancel();
                return;
            }
            execution = context;
            transition(JobStatus.RUNNING);
            executionService.start(context);
        }
        context.completionFuture().whenCompleteAsync((ignored, error) -> finish(error), coordinationExecutor);
    }

    /** Cancels the job; see {@link io.contrail.jet.job.Job#cancel()}. */
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
            transition(JobStatus.COMPLETING);
            context = execution;
        }
        if (context != null) {
            context.cancel();
        } else {
            finish(new CancellationException("Job '" + record.name() + "' was cancelled"));
        }
    }

    private void finish(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        synchronized (this) {
            if (record.status().isTerminal()) {
                return;
            }
            if (execution != null) {
                finalMetrics = execution.metrics();
                execution = null;
            }
            failureCause = cause;
            if (cause != null) {
                record = record.withFailure(cause instanceof CancellationException ? "Cancelled" : cause.toString());
            }
            if (record.status() != JobStatus.COMPLETING) {
                transition(JobStatus.COMPLETING);
            }
            transition(cause == null ? JobStatus.COMPLETED : JobStatus.FAILED);
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

    /** Must hold the lock. */
    private void transition(JobStatus status) {
        record = record.withStatus(status, System.currentTimeMillis());
        repository.put(record);
    }

    JobRecord record() {
        return record;
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
