package io.contrail.jet.impl.execution;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs tasklets: cooperative ones round-robin on a fixed pool of worker threads that lives as long
 * as the member, non-cooperative ones each on a thread of its own that ends with the tasklet.
 * A worker that made no progress in a whole round backs off (spin, yield, then park up to
 * {@value #MAX_PARK_MICROS} µs), and is woken when new tasklets arrive.
 *
 * <p>Threading: {@link #start} and {@link #shutdown} may be called from any thread; a worker's
 * tasklet list is copy-on-write, so the worker reads it without a lock.
 */
public final class TaskletExecutionService {

    private static final long MAX_PARK_MICROS = 500;

    private final CooperativeWorker[] workers;
    private final Thread[] workerThreads;
    /** Spreads successive jobs' tasklets over different workers first. */
    private int nextWorker;
    private volatile boolean shutdown;

    public TaskletExecutionService(String memberName, int cooperativeThreadCount) {
        if (cooperativeThreadCount <= 0) {
            throw new IllegalArgumentException("cooperativeThreadCount must be positive, got " + cooperativeThreadCount);
        }
        workers = new CooperativeWorker[cooperativeThreadCount];
        workerThreads = new Thread[cooperativeThreadCount];
        for (int i = 0; i < cooperativeThreadCount; i++) {
            workers[i] = new CooperativeWorker();
            workerThreads[i] = new Thread(workers[i], "contrail-" + memberName + "-worker-" + i);
            workerThreads[i].setDaemon(true);
            workerThreads[i].start();
        }
    }

    public int cooperativeThreadCount() {
        return workers.length;
    }

    /** Starts every tasklet of the execution. */
    public synchronized void start(ExecutionContext context) {
        if (shutdown) {
            throw new IllegalStateException("The execution service is shut down");
        }
        List<ProcessorTasklet> tasklets = context.tasklets();
        if (tasklets.isEmpty()) {
            throw new IllegalArgumentException("Execution of job '" + context.jobName() + "' has no tasklets");
        }
        List<List<Tasklet>> perWorker = new ArrayList<>();
        for (int i = 0; i < workers.length; i++) {
            perWorker.add(new ArrayList<>());
        }
        for (ProcessorTasklet tasklet : tasklets) {
            if (tasklet.isCooperative()) {
                perWorker.get(nextWorker).add(tasklet);
                nextWorker = (nextWorker + 1) % workers.length;
            } else {
                Thread thread = new Thread(new BlockingRunner(tasklet),
                        "contrail-" + context.jobName() + "-" + tasklet.vertexName() + "-blocking");
                thread.setDaemon(true);
                context.addBlockingThread(thread);
                thread.start();
            }
        }
        for (int i = 0; i < workers.length; i++) {
            if (!perWorker.get(i).isEmpty()) {
                workers[i].add(perWorker.get(i));
                workers[i].wake(workerThreads[i]);
            }
        }
    }

    /** Stops the worker threads; executions still running are terminated first by the caller. */
    public void shutdown() {
        shutdown = true;
        for (Thread thread : workerThreads) {
            thread.interrupt();
        }
        for (Thread thread : workerThreads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final int NO_PROGRESS = 0;
    private static final int PROGRESS = 1;
    private static final int ENDED = 2;

    /** Calls one tasklet; when it ended (done, failed, or its execution is terminating) reports that. */
    private static int callTasklet(Tasklet tasklet) {
        ExecutionContext context = tasklet.executionContext();
        if (context.isTerminating()) {
            context.taskletEnded(tasklet, null);
            return ENDED;
        }
        try {
            ProgressState state = tasklet.call();
            if (state.isDone()) {
                context.taskletEnded(tasklet, null);
                return ENDED;
            }
            return state.isMadeProgress() ? PROGRESS : NO_PROGRESS;
        } catch (Throwable e) {
            context.taskletEnded(tasklet, e);
            return ENDED;
        }
    }

    private static IdleStrategy newIdleStrategy() {
        return new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(MAX_PARK_MICROS));
    }

    private final class CooperativeWorker implements Runnable {
        private static final Tasklet[] NONE = new Tasklet[0];

        private volatile Tasklet[] tasklets = NONE;
        private final IdleStrategy idleStrategy = newIdleStrategy();

        synchronized void add(List<Tasklet> added) {
            Tasklet[] current = tasklets;
            Tasklet[] next = Arrays.copyOf(current, current.length + added.size());
            for (int i = 0; i < added.size(); i++) {
                next[current.length + i] = added.get(i);
            }
            tasklets = next;
        }

        synchronized void remove(Tasklet tasklet) {
            tasklets = Arrays.stream(tasklets).filter(t -> t != tasklet).toArray(Tasklet[]::new);
        }

        void wake(Thread thread) {
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (!shutdown) {
                Tasklet[] current = tasklets;
                boolean progress = false;
                for (Tasklet tasklet : current) {
                    int result = callTasklet(tasklet);
                    if (result == ENDED) {
                        remove(tasklet);
                    }
                    progress |= result != NO_PROGRESS;
                }
                if (progress) {
                    idleStrategy.reset();
                } else {
                    idleStrategy.idle();
                }
            }
            for (Tasklet tasklet : tasklets) {
                tasklet.executionContext().terminate(new IllegalStateException("The member is shutting down"));
                tasklet.executionContext().taskletEnded(tasklet, null);
            }
        }
    }

    private static final class BlockingRunner implements Runnable {
        private final Tasklet tasklet;

        BlockingRunner(Tasklet tasklet) {
            this.tasklet = tasklet;
        }

        @Override
        public void run() {
            IdleStrategy idleStrategy = newIdleStrategy();
            for (int result; (result = callTasklet(tasklet)) != ENDED; ) {
                if (result == PROGRESS) {
                    idleStrategy.reset();
                } else {
                    idleStrategy.idle();
                }
            }
        }
    }
}
