package io.contrail.jet.impl.execution;

import io.contrail.jet.job.JobMetrics;
import io.contrail.jet.job.JobMetrics.VertexMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
