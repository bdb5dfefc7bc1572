package io.contrail.jet.impl.job;

import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobFailedException;
import io.contrail.jet.job.JobMetrics;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.SnapshotSummary;

import io.contrail.snapshot.ExportedSnapshotInfo;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The {@link Job} handle of a job coordinated by this member. */
final class JobProxy implements Job {

    private final JobCoordinator coordinator;

    JobProxy(JobCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public long getId() {
        return coordinator.record().jobId();
    }

    @Override
    public String getName() {
        return coordinator.record().name();
    }

    @Override
    public JobConfig getConfig() {
        return coordinator.record().config();
    }

    @Override
    public JobStatus getStatus() {
        return coordinator.record().status();
    }

    @Override
    public long getSubmissionTime() {
        return coordinator.record().submissionTime();
    }

    @Override
    public long getCompletionTime() {
        return coordinator.record().completionTime();
    }

    @Override
    public Optional<Throwable> getFailureCause() {
        return Optional.ofNullable(coordinator.failureCause());
    }

    @Override
    public CompletableFuture<Void> getFuture() {
        return coordinator.future().thenApply(ignored -> null);
    }

    @Override
    public void join() {
        join(coordinator.future(), getName());
    }

    /**
     * Waits for a job's future: returns when it completed, throws the {@link CancellationException}
     * of a cancelled job and a {@link JobFailedException} of a failed one.
     */
    static void join(CompletableFuture<?> future, String jobName) {
        try {
            future.join();
        } catch (CancellationException e) {
            throw e;
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancellationException cancellation) {
                throw cancellation;
            }
            throw new JobFailedException(jobName, cause);
        }
    }

    @Override
    public void cancel() {
        coordinator.cancel();
    }

    @Override
    public JobMetrics getMetrics() {
        return coordinator.metrics();
    }

    @Override
    public void suspend() {
        coordinator.suspend();
    }

    @Override
    public void resume() {
        coordinator.resume();
    }

    @Override
    public void resume(JobConfig config) {
        coordinator.resume(config);
    }

    @Override
    public void restart() {
        coordinator.restart();
    }

    @Override
    public ExportedSnapshotInfo exportSnapshot(String name) {
        return coordinator.exportSnapshot(name);
    }

    @Override
    public void cancelAndExportSnapshot(String name) {
        coordinator.cancelAndExportSnapshot(name);
    }

    @Override
    public Optional<String> getSuspensionCause() {
        JobRecord record = coordinator.record();
        boolean suspended = record.status() == JobStatus.SUSPENDED || record.status() == JobStatus.SUSPENDED_EXPORTING_SNAPSHOT;
        return suspended ? Optional.ofNullable(record.suspensionCause()) : Optional.empty();
    }

    @Override
    public Optional<SnapshotSummary> getLastSnapshot() {
        return Optional.ofNullable(coordinator.record().lastSnapshot());
    }

    @Override
    public String toString() {
        return "Job{id=" + Long.toHexString(getId()) + ", name=" + getName() + ", status=" + getStatus() + '}';
    }
}
