package io.contrail.jet.impl.job;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobMetrics;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.SnapshotSummary;
import io.contrail.snapshot.ExportedSnapshotInfo;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * A job coordinated by another member of the cluster: what it is and where it stands come from
 * its record, which every member reads; what it does ({@link #suspend()}, {@link #cancel()},
 * {@link #exportSnapshot}, its metrics...) is sent to the coordinating member as a
 * {@link RemoteJobOperation} and done there, so the job behaves as it would on that member.
 *
 * <p>Threading: thread-safe. Each call blocks until the coordinating member has answered;
 * {@link #getFuture()} polls the record on the job service's scheduler, which it never blocks.
 */
final class RemoteJobProxy implements Job {

    /** The executor service operations go through. */
    static final String EXECUTOR_NAME = "__contrail.jobControl";
    private static final long MAX_POLL_MILLIS = 500;

    private final long jobId;
    private final JobRepository repository;
    private final HazelcastInstance hazelcastInstance;
    private final ScheduledExecutorService scheduler;

    RemoteJobProxy(long jobId, JobRepository repository, HazelcastInstance hazelcastInstance,
                   ScheduledExecutorService scheduler) {
        this.jobId = jobId;
        this.repository = requireNonNull(repository, "repository is null");
        this.hazelcastInstance = requireNonNull(hazelcastInstance, "hazelcastInstance is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    private JobRecord record() {
        return repository.get(jobId).orElseThrow(() -> new IllegalStateException("Job " + Long.toHexString(jobId)
                + " no longer exists: it ended longer than the job retention time ago"));
    }

    @Override
    public long getId() {
        return jobId;
    }

    @Override
    public String getName() {
        return record().name();
    }

    @Override
    public JobConfig getConfig() {
        return record().config();
    }

    @Override
    public JobStatus getStatus() {
        return record().status();
    }

    @Override
    public long getSubmissionTime() {
        return record().submissionTime();
    }

    @Override
    public long getCompletionTime() {
        return record().completionTime();
    }

    @Override
    public Optional<Throwable> getFailureCause() {
        JobRecord record = record();
        if (record.status() != JobStatus.FAILED) {
            return Optional.empty();
        }
        return Optional.ofNullable(((RemoteJobOperation.FailureCause) send(RemoteJobOperation.Kind.FAILURE_CAUSE, null,
                null)).cause());
    }

    @Override
    public CompletableFuture<Void> getFuture() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        poll(future, 10);
        return future;
    }

    /** Reads the record now and again, first after 10 ms, then twice as long each time up to 500 ms. */
    private void poll(CompletableFuture<Void> future, long delayMillis) {
        if (future.isDone()) {
            return;
        }
        try {
            JobRecord record = record();
            if (record.status() == JobStatus.COMPLETED) {
                future.complete(null);
                return;
            }
            if (record.status() == JobStatus.FAILED) {
                // the cause (a CancellationException for a cancelled job) is the coordinator's: asked
                // off the scheduler, which must not wait for another member
                CompletableFuture.supplyAsync(() -> getFailureCause().orElseGet(
                                () -> new IllegalStateException(record.failureText())))
                        .whenComplete((cause, error) -> future.completeExceptionally(error != null ? error : cause));
                return;
            }
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            return;
        }
        scheduler.schedule(() -> poll(future, Math.min(delayMillis * 2, MAX_POLL_MILLIS)), delayMillis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void join() {
        JobProxy.join(getFuture(), getName());
    }

    @Override
    public void cancel() {
        send(RemoteJobOperation.Kind.CANCEL, null, null);
    }

    @Override
    public JobMetrics getMetrics() {
        return (JobMetrics) send(RemoteJobOperation.Kind.METRICS, null, null);
    }

    @Override
    public void suspend() {
        send(RemoteJobOperation.Kind.SUSPEND, null, null);
    }

    @Override
    public void resume() {
        send(RemoteJobOperation.Kind.RESUME, null, null);
    }

    @Override
    public void resume(JobConfig config) {
        send(RemoteJobOperation.Kind.RESUME_WITH_CONFIG, null, requireNonNull(config, "config is null").copy());
    }

    @Override
    public void restart() {
        send(RemoteJobOperation.Kind.RESTART, null, null);
    }

    @Override
    public ExportedSnapshotInfo exportSnapshot(String name) {
        return (ExportedSnapshotInfo) send(RemoteJobOperation.Kind.EXPORT_SNAPSHOT, requireNonNull(name, "name is null"),
                null);
    }

    @Override
    public void cancelAndExportSnapshot(String name) {
        send(RemoteJobOperation.Kind.CANCEL_AND_EXPORT_SNAPSHOT, requireNonNull(name, "name is null"), null);
    }

    @Override
    public Optional<String> getSuspensionCause() {
        JobRecord record = record();
        boolean suspended = record.status() == JobStatus.SUSPENDED || record.status() == JobStatus.SUSPENDED_EXPORTING_SNAPSHOT;
        return suspended ? Optional.ofNullable(record.suspensionCause()) : Optional.empty();
    }

    @Override
    public Optional<SnapshotSummary> getLastSnapshot() {
        return Optional.ofNullable(record().lastSnapshot());
    }

    /**
     * Runs the operation on the coordinating member and waits for it.
     *
     * @throws IllegalStateException when the coordinating member has left the cluster, or the
     *                               operation failed there with an exception that is not a
     *                               {@link RuntimeException} (those are rethrown as they are)
     */
    private Serializable send(RemoteJobOperation.Kind kind, String snapshotName, JobConfig config) {
        JobRecord record = record();
        Member coordinator = coordinator(hazelcastInstance, record.coordinatorId()).orElseThrow(() ->
                new IllegalStateException("Job '" + record.name() + "' is coordinated by member " + record.coordinatorId()
                        + ", which has left the cluster"));
        try {
            return hazelcastInstance.getExecutorService(EXECUTOR_NAME)
                    .submitToMember(new RemoteJobOperation(jobId, kind, snapshotName, config), coordinator).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while member " + coordinator.getUuid() + " ran " + kind
                    + " of job '" + record.name() + "'", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(kind + " of job '" + record.name() + "' failed on member "
                    + coordinator.getUuid() + ": " + e.getCause(), e.getCause());
        }
    }

    /** The member of the cluster with that UUID, if it is still in it. */
    static Optional<Member> coordinator(HazelcastInstance hazelcastInstance, String memberId) {
        UUID uuid = UUID.fromString(memberId);
        return hazelcastInstance.getCluster().getMembers().stream().filter(m -> m.getUuid().equals(uuid)).findFirst();
    }

    @Override
    public String toString() {
        return "Job{id=" + Long.toHexString(jobId) + ", coordinated elsewhere}";
    }
}
