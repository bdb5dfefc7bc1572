package io.contrail.benchmarks.e2e;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.aggregate.AggregateOperations;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.AbstractProcessor;
import com.hazelcast.jet.core.EventTimeMapper;
import com.hazelcast.jet.core.EventTimePolicy;
import com.hazelcast.jet.core.Inbox;
import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.datamodel.WindowResult;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.StreamSource;
import com.hazelcast.jet.pipeline.WindowDefinition;


/**
 * The reference query on Hazelcast Jet 5.6, the engine Contrail compares itself with: a fresh
 * Hazelcast member with its Jet engine enabled (for this run only), loopback networking only,
 * running
 * <pre>
 * events (this class's source, native timestamps, lag 0)
 *   .groupingKey(v -> v % keys)
 *   .window(sliding(1000, 10))
 *   .aggregate(counting())            // Jet plans this in two stages: accumulate by frame,
 *   .writeTo(latency sink)            // then combine frames into sliding windows
 * </pre>
 *
 * <h2>The source</h2>
 * {@link EventSourceP} follows the schedule of Jet's {@code TestSources.longStream(rate, 0)}
 * (processor {@code i} of {@code n} emits {@code v = i, i + n, ...}, each no earlier than it is
 * due, as fast as the outbox takes them, watermarks from Jet's own {@link EventTimeMapper}), so
 * scheduled mode does the same work as {@code longStream}. It differs in two ways: it counts the
 * events it emits ({@link QueryProbes#eventsEmitted}, once per call), and it also stamps wall
 * time ({@link EventTimeMode#WALL}). {@link EventClock} has the formulas.
 *
 * <p>Full speed ({@code --rate 0}) schedules the source at a rate it cannot reach (50M events/s
 * by default), so it never waits. In scheduled mode event time then runs slower than the wall
 * clock by the ratio achieved / asked (10M/s done of 50M/s asked: event time moves 0.2 s per
 * second, so 20 of the 100 windows per second close), which is what Jet's {@code longStream}
 * does too; latency there measures the source's backlog and is not meaningful. In wall mode
 * event time stays on the wall clock and every window closes.
 *
 * <p>Like {@code longStream}, the source saves nothing to snapshots: with
 * {@code --snapshots}, a snapshot costs barrier alignment and the window state only.
 */
public final class JetEngine implements EngineUnderTest {

    @Override
    public String name() {
        return "jet";
    }

    @Override
    public RunningQuery start(RunSpec spec, QueryProbes probes) {
        HazelcastInstance member = Hazelcast.newHazelcastInstance(memberConfig(spec));
        try {
            JobConfig jobConfig = new JobConfig().setName("sliding-window-" + spec.runId());
            if (spec.snapshots()) {
                jobConfig.setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE)
                        .setSnapshotIntervalMillis(spec.snapshotIntervalMillis());
            }
            Job job = member.getJet().newJob(pipeline(spec, probes.id()), jobConfig);
            return new StreamingJobQuery("Jet", job::getName, job::getFuture, job::cancel, member::shutdown);
        } catch (RuntimeException | Error e) {
            member.shutdown();
            throw e;
        }
    }

    /** A member of its own cluster, on 127.0.0.1 only, Jet enabled, phone-home off. */
    static Config memberConfig(RunSpec spec) {
        Config config = new Config();
        config.setClusterName("bench-jet-" + spec.runId());
        config.setInstanceName("bench-jet-" + spec.runId());
        config.getJetConfig().setEnabled(true).setCooperativeThreadCount(spec.cooperativeThreads());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.socket.bind.any", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(5701).setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        return config;
    }

    /** The reference query as a Jet pipeline. */
    static Pipeline pipeline(RunSpec spec, String probesId) {
        EventTimeMode mode = spec.eventTime();
        long rate = spec.sourceRate();
        long keys = spec.keys();
        StreamSource<Long> source = Sources.streamFromProcessorWithWatermarks("events-" + mode.flagName(), true,
                eventTimePolicy -> ProcessorMetaSupplier.of(() -> new EventSourceP(probesId, mode, rate, eventTimePolicy)));
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(source)
                .withNativeTimestamps(0)
                .groupingKey(v -> v % keys)
                .window(WindowDefinition.sliding(spec.windowSizeMillis(), spec.slideMillis()))
                .aggregate(AggregateOperations.counting())
                .writeTo(Sinks.fromProcessor("latency-sink", ProcessorMetaSupplier.of(() -> new LatencySinkP(probesId))));
        return pipeline;
    }

    /**
     * Emits {@code v = i, i + n, ...} (processor {@code i} of {@code n}) when due, stamped by the
     * {@link EventTimeMode}; see the class javadoc. Cooperative; never completes.
     */
    static final class EventSourceP extends AbstractProcessor {
        private final String probesId;
        private final EventTimeMode mode;
        private final long rate;
        private final EventTimeMapper<Long> eventTimeMapper;
        private QueryProbes probes;
        private EventClock clock;
        private Traverser<Object> traverser = Traversers.empty();
        private long next;
        private long step;
        private long emitted;
        private long reported;

        EventSourceP(String probesId, EventTimeMode mode, long rate, EventTimePolicy<? super Long> eventTimePolicy) {
            this.probesId = probesId;
            this.mode = mode;
            this.rate = rate;
            this.eventTimeMapper = new EventTimeMapper<>(eventTimePolicy);
            eventTimeMapper.addPartitions(1);
        }

        @Override
        protected void init(Context context) {
            probes = QueryProbes.lookup(probesId);
            next = context.globalProcessorIndex();
            step = context.totalParallelism();
        }

        @Override
        public boolean complete() {
            long now = System.nanoTime();
            EventClock c = clock;
            if (c == null) {
                c = probes.clock();
                clock = c;
            }
            long due = c.eventsDue(now, rate);
            long wallTimestamp = c.wallTimestamp(now);
            boolean scheduled = mode == EventTimeMode.SCHEDULED;
            while (emitFromTraverser(traverser) && next < due) {
                long timestamp = scheduled ? c.scheduledTimestamp(next, rate) : wallTimestamp;
                // boxes v, as longStream does: the item itself is the one allocation per event
                traverser = eventTimeMapper.flatMapEvent(now, next, 0, timestamp);
                next += step;
                emitted++;
            }
            if (emitted != reported) {
                probes.eventsEmitted(emitted - reported);
                reported = emitted;
            }
            return false;
        }
    }

    /**
     * Reports each window result's end to the probes with one arrival time per inbox batch (the
     * batch arrived at once), one call per run of results of the same window. Cooperative.
     */
    static final class LatencySinkP extends AbstractProcessor {
        private final String probesId;
        private WindowResultRuns runs;

        LatencySinkP(String probesId) {
            this.probesId = probesId;
        }

        @Override
        protected void init(Context context) {
            runs = new WindowResultRuns(QueryProbes.lookup(probesId));
        }

        @Override
        public void process(int ordinal, Inbox inbox) {
            runs.startBatch();
            for (Object item; (item = inbox.poll()) != null; ) {
                runs.add(((WindowResult<?>) item).end());
            }
            runs.endBatch();
        }
    }
}
