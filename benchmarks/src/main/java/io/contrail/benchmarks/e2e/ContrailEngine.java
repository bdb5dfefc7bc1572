package io.contrail.benchmarks.e2e;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.function.ToLongFunctionEx;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobMetrics.VertexMetrics;
import io.contrail.jet.job.ProcessingGuarantee;
import io.contrail.jet.processor.AggregateProcessors;
import io.contrail.jet.processor.SourceProcessors;
import io.contrail.jet.window.KeyedWindowResult;
import io.contrail.jet.window.LongKeyedFrame;
import io.contrail.jet.window.SlidingWindowDefinition;
import io.contrail.jet.window.WindowDefinition;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The reference query on Contrail, built from the processor library:
 * <pre>
 *   source   generator of {@link Event}s (v, event time), one per cooperative thread
 *     │ isolated (fused: no queue)
 *   frames   countByFrameLongKey(v % keys, 10 ms frames): one partial per key and frame
 *     │ partitioned by key
 *   windows  combineLongCountsToSlidingWindow(1 s / 10 ms): slides each key's count
 *     │ isolated (fused)
 *   sink     records each result's latency
 * </pre>
 * The source follows the same schedule as the Jet side ({@link EventClock}): processor {@code i}
 * of {@code n} emits {@code v = i, i + n, ...} when due, stamped by the run's
 * {@link EventTimeMode}, with watermarks of lag 0. Events emitted are read from the job's own
 * metrics (items out of the source vertex) every {@value #EVENT_POLL_MILLIS} ms, so the source
 * does no counting of its own. The latency formula does not depend on when the generator
 * anchors its schedule, only on the wall and epoch clocks read together, so the run's
 * {@link QueryProbes#clock()} serves the sink as it is.
 */
public final class ContrailEngine implements EngineUnderTest {

    static final long EVENT_POLL_MILLIS = 10;
    private static final String SOURCE_VERTEX = "source";

    @Override
    public String name() {
        return "contrail";
    }

    @Override
    public RunningQuery start(RunSpec spec, QueryProbes probes) {
        DAG dag = buildDag(spec, probes.id());
        ContrailInstance member = Contrail.newMember(new ContrailConfig()
                .setClusterName("bench-contrail-" + spec.runId())
                .setInstanceName("bench-contrail-" + spec.runId())
                .setCooperativeThreadCount(spec.cooperativeThreads()));
        try {
            probes.clock();
            Job job = member.newJob(dag, jobConfig(spec));
            return new Running(member, job, probes);
        } catch (RuntimeException | Error e) {
            member.shutdown();
            throw e;
        }
    }

    /** The reference query as a Contrail DAG; see the class javadoc. */
    static DAG buildDag(RunSpec spec, String probesId) {
        int keys = spec.keys();
        io.contrail.jet.processor.EventTimeMode mode = spec.eventTime() == EventTimeMode.WALL
                ? io.contrail.jet.processor.EventTimeMode.WALL : io.contrail.jet.processor.EventTimeMode.SCHEDULED;
        SlidingWindowDefinition window = WindowDefinition.sliding(spec.windowSizeMillis(), spec.slideMillis());
        DAG dag = new DAG();
        Vertex source = dag.newVertex(SOURCE_VERTEX, SourceProcessors.generator(Event::new, spec.sourceRate(), mode));
        Vertex frames = dag.newVertex("frames", AggregateProcessors.countByFrameLongKey(
                (Event e) -> e.value() % keys, Event::timestamp, window));
        Vertex windows = dag.newVertex("windows", AggregateProcessors.combineLongCountsToSlidingWindow(window));
        Vertex sink = dag.newVertex("sink", latencySink(probesId, result -> ((KeyedWindowResult<?, ?>) result).end()));
        dag.edge(Edge.between(source, frames).isolated())
                .edge(Edge.between(frames, windows).partitioned((LongKeyedFrame frame) -> frame.key()))
                .edge(Edge.between(windows, sink).isolated());
        return dag;
    }

    /** The source's item: the sequence number and its event time. */
    record Event(long value, long timestamp) {
    }

    static JobConfig jobConfig(RunSpec spec) {
        JobConfig config = new JobConfig().setName("sliding-window-" + spec.runId());
        if (spec.snapshots()) {
            config.setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(spec.snapshotIntervalMillis());
        }
        return config;
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
        private WindowResultRuns runs;

        LatencySinkP(String probesId, ToLongFunctionEx<Object> windowEndFn) {
            this.probesId = probesId;
            this.windowEndFn = windowEndFn;
        }

        @Override
        protected void init(Context context) {
            runs = new WindowResultRuns(QueryProbes.lookup(probesId));
        }

        @Override
        public void process(int ordinal, Inbox inbox) {
            runs.startBatch();
            for (Object item; (item = inbox.poll()) != null; ) {
                runs.add(windowEndFn.applyAsLong(item));
            }
            runs.endBatch();
        }
    }

    /** The job on its member, and the thread that reports the source's emitted events. */
    private static final class Running implements RunningQuery {
        private final Job job;
        private final StreamingJobQuery query;
        private final ScheduledExecutorService eventPoller;
        private long reportedEvents;

        Running(ContrailInstance member, Job job, QueryProbes probes) {
            this.job = job;
            this.query = new StreamingJobQuery("Contrail", job::getName, job::getFuture, job::cancel, member::shutdown);
            this.eventPoller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "contrail-bench-event-poller");
                thread.setDaemon(true);
                return thread;
            });
            eventPoller.scheduleAtFixedRate(() -> reportEvents(probes), EVENT_POLL_MILLIS, EVENT_POLL_MILLIS, TimeUnit.MILLISECONDS);
        }

        private void reportEvents(QueryProbes probes) {
            long emitted = job.getMetrics().vertex(SOURCE_VERTEX).map(VertexMetrics::itemsOut).orElse(0L);
            if (emitted > reportedEvents) {
                probes.eventsEmitted(emitted - reportedEvents);
                reportedEvents = emitted;
            }
        }

        @Override
        public Optional<Throwable> failure() {
            return query.failure();
        }

        @Override
        public void close() {
            eventPoller.shutdownNow();
            query.close();
        }
    }
}
