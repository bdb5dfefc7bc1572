package io.contrail.jet.job;

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
}
