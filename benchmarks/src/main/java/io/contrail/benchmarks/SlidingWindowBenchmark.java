package io.contrail.benchmarks;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.processor.AggregateProcessors;
import io.contrail.jet.processor.EventTimeMode;
import io.contrail.jet.processor.SourceProcessors;
import io.contrail.jet.window.LongKeyedFrame;
import io.contrail.jet.window.SlidingWindowDefinition;
import io.contrail.jet.window.WindowDefinition;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput of keyed sliding-window counting, the shape of the reference query in
 * BENCHMARKS.md, as a bounded job on an embedded member: a generator of {@link #EVENTS} events
 * (as fast as it can, event time = the wall clock, so windows close as time passes), fused with
 * the first stage (one count per key and 10 ms frame), a partitioned edge, the second stage
 * (frames slid into 1 s windows), fused with a sink that counts window results. Job start and
 * teardown are included, amortised over the events.
 *
 * <p>{@code keys} varies the state size. Auxiliary counter {@code windowResults} reports the
 * window results per second beside the score (events per second).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SlidingWindow -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dhazelcast.phone.home.enabled=false"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class SlidingWindowBenchmark {

    static final int EVENTS = 1 << 24;

    @Param({"10000"})
    public int keys;

    private ContrailInstance member;
    private final LongAdder results = new LongAdder();

    /** The generator's item. */
    record Event(long value, long timestamp) {
    }

    @Setup(Level.Trial)
    public void setUp() {
        member = Contrail.newMember(new ContrailConfig().setClusterName("sliding-window-benchmark-" + UUID.randomUUID()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        member.shutdown();
    }

    /** Window results that reached the sink, reported per second beside the score. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class ResultCounters {
        public long windowResults;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long slidingWindowCount(ResultCounters counters) {
        results.reset();
        LongAdder resultCount = this.results;
        int keyCount = keys;
        SlidingWindowDefinition window = WindowDefinition.sliding(1_000, 10);
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", SourceProcessors.boundedGenerator(Event::new,
                SourceProcessors.UNLIMITED_RATE, EventTimeMode.WALL, EVENTS));
        Vertex frames = dag.newVertex("frames", AggregateProcessors.countByFrameLongKey(
                (Event e) -> e.value() % keyCount, Event::timestamp, window));
        Vertex windows = dag.newVertex("windows", AggregateProcessors.combineLongCountsToSlidingWindow(window));
        Vertex sink = dag.newVertex("sink", () -> new CountingSinkP(resultCount));
        dag.edge(Edge.between(source, frames).isolated())
                .edge(Edge.between(frames, windows).partitioned((LongKeyedFrame f) -> f.key()))
                .edge(Edge.between(windows, sink).isolated());

        member.newJob(dag).join();

        long received = resultCount.sum();
        counters.windowResults += received;
        return received;
    }
}
