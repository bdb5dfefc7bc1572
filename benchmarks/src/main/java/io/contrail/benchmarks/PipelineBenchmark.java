package io.contrail.benchmarks;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.processor.Processors;
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
 * Throughput of a bounded {@code source -> map -> filter -> sink} job on a real embedded member:
 * items per second from submission to completion, job start and teardown included (amortised
 * over {@link #ITEMS} items per job).
 *
 * <p>Map and filter are the library's ({@link Processors#map}, {@link Processors#filter}); the
 * source and sink are private to this benchmark so that they add no work of their own: the
 * source emits {@code Long}s boxed once per trial, the map looks its result up in the same table
 * (no allocation), the filter keeps even values (half the items reach the sink), and the sink
 * counts. {@code edges} picks the variant: {@code unicast} edges put every item through three
 * queues; {@code isolated} edges let the engine fuse the whole chain into one tasklet per
 * processor index, with no queue at all. {@code parallelism} is each vertex's local parallelism
 * and the member's cooperative thread count.
 *
 * <p>Auxiliary counter {@code sinkItems} (items per second reaching the sink) should be half the
 * score; the benchmark fails if a job loses or duplicates items.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar Pipeline -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dhazelcast.phone.home.enabled=false"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class PipelineBenchmark {

    /** Items per job; large enough that job start and teardown are a small share of the time. */
    static final int ITEMS = 1 << 20;

    /**
     * The items, boxed once. Static so that processors reach them without capturing anything;
     * written in {@link #setUp()} before any job starts.
     */
    private static Long[] values;

    @Param({"1", "2"})
    public int parallelism;

    @Param({"unicast", "isolated"})
    public String edges;

    private ContrailInstance member;
    private final LongAdder sinkCount = new LongAdder();

    @Setup(Level.Trial)
    public void setUp() {
        Long[] table = new Long[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            table[i] = (long) i;
        }
        values = table;
        member = Contrail.newMember(new ContrailConfig()
                .setClusterName("pipeline-benchmark-" + UUID.randomUUID())
                .setCooperativeThreadCount(parallelism));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        member.shutdown();
        values = null;
    }

    /** Counts items that reached the sink, reported per second beside the score. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class SinkCounters {
        public long sinkItems;
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long sourceMapFilterSink(SinkCounters counters) {
        sinkCount.reset();
        DAG dag = new DAG();
        LongAdder sinkCount = this.sinkCount;
        Vertex source = dag.newVertex("source", RangeSourceP::new).localParallelism(parallelism);
        Long[] table = values;
        int mask = table.length - 1;
        Vertex map = dag.newVertex("map", Processors.map((Long v) -> table[(int) (v + 1) & mask])).localParallelism(parallelism);
        Vertex filter = dag.newVertex("filter", Processors.filter((Long v) -> (v & 1) == 0)).localParallelism(parallelism);
        Vertex sink = dag.newVertex("sink", () -> new CountingSinkP(sinkCount)).localParallelism(parallelism);
        boolean isolated = edges.equals("isolated");
        dag.edge(edge(source, map, isolated)).edge(edge(map, filter, isolated)).edge(edge(filter, sink, isolated));

        member.newJob(dag, new JobConfig().setMetricsEnabled(false)).join();

        long received = sinkCount.sum();
        if (received != ITEMS / 2) {
            throw new IllegalStateException("The sink received " + received + " items, expected " + ITEMS / 2);
        }
        counters.sinkItems += received;
        return received;
    }

    /** Processor {@code i} of {@code n} emits {@code values[k]} for {@code k = i, i + n, ...}. */
    private static final class RangeSourceP extends AbstractProcessor {
        private int next = -1;

        @Override
        public boolean complete() {
            Long[] items = values;
            int step = getContext().totalParallelism();
            if (next < 0) {
                next = getContext().globalProcessorIndex();
            }
            for (; next < items.length; next += step) {
                if (!tryEmit(items[next])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Edge edge(Vertex from, Vertex to, boolean isolated) {
        Edge edge = Edge.between(from, to);
        return isolated ? edge.isolated() : edge;
    }
}
