package io.contrail.benchmarks.e2e;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The running query of either engine: a streaming job on a member of its own, reached through
 * the few calls both engines' job APIs have. A streaming job never completes, so a job that is
 * done has failed. {@link #close()} cancels the job, waits up to {@value #STOP_TIMEOUT_SECONDS} s
 * for it to stop and shuts the member down, also when the wait fails.
 */
final class StreamingJobQuery implements EngineUnderTest.RunningQuery {

    static final long STOP_TIMEOUT_SECONDS = 30;

    private final String engineName;
    private final Supplier<String> jobName;
    private final Supplier<CompletableFuture<Void>> jobFuture;
    private final Runnable cancelJob;
    private final Runnable shutdownMember;
    private boolean closed;

    /**
     * @param engineName     the engine as named in messages ("Jet", "Contrail")
     * @param jobName        the job's name, read when a message needs it
     * @param jobFuture      the job's future, done when the job is
     * @param cancelJob      cancels the job; may throw {@link IllegalStateException} when it is over
     * @param shutdownMember shuts the job's member down
     */
    StreamingJobQuery(String engineName, Supplier<String> jobName, Supplier<CompletableFuture<Void>> jobFuture,
                      Runnable cancelJob, Runnable shutdownMember) {
        this.engineName = requireNonNull(engineName, "engineName is null");
        this.jobName = requireNonNull(jobName, "jobName is null");
        this.jobFuture = requireNonNull(jobFuture, "jobFuture is null");
        this.cancelJob = requireNonNull(cancelJob, "cancelJob is null");
        this.shutdownMember = requireNonNull(shutdownMember, "shutdownMember is null");
    }

    @Override
    public Optional<Throwable> failure() {
        CompletableFuture<Void> future = jobFuture.get();
        if (!future.isDone()) {
            return Optional.empty();
        }
        try {
            future.join();
            return Optional.of(new IllegalStateException("The streaming job completed, which it never should"));
        } catch (CompletionException e) {
            return Optional.of(e.getCause() != null ? e.getCause() : e);
        } catch (CancellationException e) {
            return Optional.of(e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!jobFuture.get().isDone()) {
                cancelJob.run();
            }
            jobFuture.get().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | IllegalStateException ignored) {
            // cancelled, failed or already over: either way it has stopped
        } catch (TimeoutException e) {
            System.err.println(engineName + " job " + jobName.get() + " did not stop within " + STOP_TIMEOUT_SECONDS
                    + " s of cancel; shutting the member down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shutdownMember.run();
        }
    }
}
