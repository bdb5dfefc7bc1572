package io.contrail.jet.job;

import io.contrail.snapshot.ExportedSnapshotInfo;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A handle to a submitted job. Thread-safe; reading the status never blocks on the job.
 */
public interface Job {

    /** The job's id: 64-bit, unique in the cluster, ordered by submission time. */
    long getId();

    /** The job's name, or its id in hex when it has none. */
    String getName();

    /** The configuration the job was submitted with. */
    JobConfig getConfig();

    /** The current status. */
    JobStatus getStatus();

    /** When the job was submitted, in epoch milliseconds. */
    long getSubmissionTime();

    /** When the job reached a terminal status, in epoch milliseconds, or {@code 0} while it runs. */
    long getCompletionTime();

    /** Why the job failed, if it did; a cancelled job's cause is a {@link CancellationException}. */
    Optional<Throwable> getFailureCause();

    /** A future that completes when the job completes, and completes exceptionally when it fails. */
    CompletableFuture<Void> getFuture();

    /**
     * Waits until the job ends.
     *
     * @throws CancellationException when it was cancelled
     * @throws JobFailedException with the processor's exception as cause when it failed
     */
    void join();

    /**
     * Cancels the job: its processors stop within a bounded time and its status becomes
     * {@link JobStatus#FAILED} with a {@link CancellationException} as cause.
     *
     * @throws IllegalStateException when the job has already ended
     */
    void cancel();

    /** Per-vertex counters of the current execution, aggregated over its processors. */
    JobMetrics getMetrics();

    /**
     * Suspends a RUNNING job: processors take a terminal snapshot and stop; the job becomes
     * {@link JobStatus#SUSPENDED}. If that snapshot fails, the job is suspended anyway and keeps
     * its previous snapshot. Returns once the suspension has started.
     *
     * @throws IllegalStateException when the job is not RUNNING
     */
    void suspend();

    /**
     * Resumes a SUSPENDED job from its last complete snapshot. Returns once the restart is
     * under way.
     *
     * @throws IllegalStateException when the job is not SUSPENDED
     */
    void resume();

    /**
     * Resumes a SUSPENDED job from its last complete snapshot with changed settings: from now on
     * the job runs with (a copy of) {@code config}. Settings fixed at submission must stay as they
     * are (see {@link JobConfig}). Returns once the restart is under way.
     *
     * @throws IllegalStateException    when the job is not SUSPENDED
     * @throws IllegalArgumentException when {@code config} changes a setting fixed at submission
     *                                  (the message names it); the job stays SUSPENDED
     */
    void resume(JobConfig config);

    /**
     * Stops a RUNNING job's execution and starts a new one from the last complete snapshot (from
     * the start when it has none).
     *
     * @throws IllegalStateException when the job is not RUNNING
     */
    void restart();

    /**
     * Takes a snapshot now and exports it under {@code name} while the job keeps running (a
     * SUSPENDED job exports its last snapshot). An export of the same name is replaced. Blocks
     * until the export is stored.
     *
     * @throws IllegalArgumentException when the name is not valid
     * @throws IllegalStateException    when the job is neither RUNNING nor SUSPENDED, or the snapshot failed
     */
    ExportedSnapshotInfo exportSnapshot(String name);

    /**
     * Takes a terminal snapshot, exports it under {@code name} and cancels the job. If the
     * snapshot or the export fails, the job is suspended instead (see {@link #getSuspensionCause()}).
     * Returns once the stop has started.
     *
     * @throws IllegalStateException when the job is neither RUNNING nor SUSPENDED
     */
    void cancelAndExportSnapshot(String name);

    /** Why the job is suspended, while it is. */
    Optional<String> getSuspensionCause();

    /** The job's last complete snapshot, if it has one. */
    Optional<SnapshotSummary> getLastSnapshot();
}
