package io.contrail.benchmarks.e2e;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.function.ToLongFunctionEx;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * The reference query on Contrail. <b>Not runnable yet</b>: the query needs the processor
 * library (a generator source, {@code accumulateByFrame} and {@code combineToSlidingWindow}),
 * which is being written on another branch; the benchmark module must not grow a sliding window
 * of its own. Until the library lands, {@link #unavailableReason()} says so and the runner stops
 * before running anything.
 *
 * <h2>To wire it (once the library is on main)</h2>
 * <ol>
 *   <li>Implement {@link #buildDag}: the library's generator as the source, emitting
 *       {@code v = i, i + n, ...} when due and stamped by {@code spec.eventTime()} with the
 *       run's {@link QueryProbes#clock()} (the same schedule as {@link JetEngine.EventSourceP}),
 *       watermark lag 0, reporting {@link QueryProbes#eventsEmitted} once per batch; then
 *       {@code accumulateByFrame} (key {@code v % spec.keys()}, frame {@code spec.slideMillis()}),
 *       a partitioned edge, {@code combineToSlidingWindow} (window
 *       {@code spec.windowSizeMillis()}), and {@link #latencySink} with the library's
 *       window-end accessor.</li>
 *   <li>Make {@link #unavailableReason()} return empty.</li>
 *   <li>When snapshots exist, honour {@code spec.snapshots()} in {@link #jobConfig} and drop the
 *       snapshot case of {@link #unsupportedReason}.</li>
 * </ol>
 * Member start, job submission and shutdown below are complete.
 */
public final class ContrailEngine implements EngineUnderTest {

    /** Why {@code --engine contrail} cannot run in this build. */
    public static final String LIBRARY_MISSING = "the Contrail sliding-window pipeline needs the processor library"
            + " (generator, accumulateByFrame/combineToSlidingWindow)";

    @Override
    public String name() {
        return "contrail";
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.of(LIBRARY_MISSING + "; it is wired once the library lands."
                + " Run the Jet reference alone with --engine jet");
    }

    @Override
    public Optional<String> unsupportedReason(RunSpec spec) {
        if (spec.snapshots()) {
            return Optional.of("not supported yet: Contrail has no snapshots");
        }
        return Optional.empty();
    }

    @Override
    public RunningQuery start(RunSpec spec, QueryProbes probes) {
        DAG dag = buildDag(spec, probes.id());
        ContrailInstance member = Contrail.newMember(new ContrailConfig()
                .setClusterName("bench-contrail-" + spec.runId())
                .setInstanceName("bench-contrail-" + spec.runId())
                .setCooperativeThreadCount(spec.cooperativeThreads()));
        try {
            Job job = member.newJob(dag, jobConfig(spec));
            return new Running(member, job);
        } catch (RuntimeException | Error e) {
            member.shutdown();
            throw e;
        }
    }

    /**
     * The reference query as a Contrail DAG; see the class javadoc for what goes here.
     *
     * @throws UnsupportedOperationException until the processor library lands
     */
    static DAG buildDag(RunSpec spec, String probesId) {
        throw new UnsupportedOperationException(LIBRARY_MISSING);
    }

    static JobConfig jobConfig(RunSpec spec) {
        return new JobConfig().setName("sliding-window-" + spec.runId());
    }

    /**
     * A sink that reports each window result's end to the probes: one arrival time per inbox
     * batch, one {@link QueryProbes#windowResults} call per run of results of the same window.
     *
     * @param windowEndFn the window end (event time, ms) of a result item
     */
    static ProcessorSupplier latencySink(String probesId, ToLongFunctionEx<Object> windowEndFn) {
        requireNonNull(probesId, "probesId is null");
        requireNonNull(windowEndFn, "windowEndFn is null");
        return () -> new LatencySinkP(probesId, windowEndFn);
    }

    private static final class LatencySinkP extends AbstractProcessor {
        private final String probesId;
        private final ToLongFunctionEx<Object> windowEndFn;
        private QueryProbes probes;

        LatencySinkP(String probesId, ToLongFunctionEx<Object> windowEndFn) {
            this.probesId = probesId;
            this.windowEndFn = windowEndFn;
        }

        @Override
        protected void init(Context context) {
            probes = QueryProbes.lookup(probesId);
        }

        @Override
        public void process(int ordinal, Inbox inbox) {
            long arrival = System.nanoTime();
            long runEnd = Long.MIN_VALUE;
            long runCount = 0;
            for (Object item; (item = inbox.poll()) != null; ) {
                long end = windowEndFn.applyAsLong(item);
                if (end != runEnd) {
                    if (runCount > 0) {
                        probes.windowResults(runEnd, runCount, arrival);
                    }
                    runEnd = end;
                    runCount = 0;
                }
                runCount++;
            }
            if (runCount > 0) {
                probes.windowResults(runEnd, runCount, arrival);
            }
        }
    }

    /** The job and its member. */
    private static final class Running implements RunningQuery {
        private final ContrailInstance member;
        private final Job job;
        private boolean closed;

        Running(ContrailInstance member, Job job) {
            this.member = member;
            this.job = job;
        }

        @Override
        public Optional<Throwable> failure() {
            CompletableFuture<Void> future = job.getFuture();
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
                if (!job.getFuture().isDone()) {
                    job.cancel();
                }
                job.getFuture().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | IllegalStateException ignored) {
                // cancelled, failed or already over: either way it has stopped
            } catch (TimeoutException e) {
                System.err.println("Contrail job " + job.getName() + " did not stop within 30 s of cancel; shutting the member down");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                member.shutdown();
            }
        }
    }
}
