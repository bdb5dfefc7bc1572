package io.contrail.jet.impl.execution;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static io.contrail.jet.TestProcessors.collectingSink;
import static io.contrail.jet.TestProcessors.itemsSource;
import static io.contrail.jet.TestProcessors.nonCooperativeSink;
import static io.contrail.jet.TestProcessors.rangeSource;
import static io.contrail.jet.TestProcessors.sinkOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs DAGs on a real member with small queues, so that back-pressure is constant. */
class Execution_IntegrationTest {

    private static ContrailInstance member;

    @BeforeAll
    static void start() {
        member = Contrail.newMember(new ContrailConfig()
                .setClusterName("execution-" + UUID.randomUUID())
                .setCooperativeThreadCount(2)
                .setQueueSize(16)
                .setInboxSize(8)
                .setOutboxBatchLimit(8));
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    @Test
    void unicastPipeline_deliversEveryItemOnce() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", rangeSource(100_000, k -> k)).localParallelism(2);
        Vertex map = dag.newVertex("map", () -> new AbstractProcessor() {
            @Override
            protected boolean tryProcess(int ordinal, Object item) {
                return tryEmit((Long) item * 2);
            }
        }).localParallelism(3);
        Vertex sink = dag.newVertex("sink", collectingSink("unicast")).localParallelism(2);
        dag.edge(Edge.between(source, map)).edge(Edge.between(map, sink));

        member.newJob(dag).join();

        List<Object> all = flatten(sinkOutput("unicast"));
        assertThat(all).hasSize(100_000);
        assertThat(new HashSet<>(all)).isEqualTo(new HashSet<>(LongStream.range(0, 100_000).map(k -> k * 2).boxed().toList()));
    }

    @Test
    void partitionedEdge_sendsEqualKeysToOneProcessor() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", rangeSource(20_000, k -> k)).localParallelism(2);
        Vertex sink = dag.newVertex("sink", collectingSink("partitioned")).localParallelism(3);
        dag.edge(Edge.between(source, sink).partitioned((Long item) -> item % 100));

        member.newJob(dag).join();

        List<List<Object>> perProcessor = sinkOutput("partitioned");
        assertThat(flatten(perProcessor)).hasSize(20_000);
        List<Set<Long>> keysPerProcessor = new ArrayList<>();
        for (List<Object> items : perProcessor) {
            Set<Long> keys = new HashSet<>();
            items.forEach(i -> keys.add((Long) i % 100));
            keysPerProcessor.add(keys);
        }
        for (int a = 0; a < keysPerProcessor.size(); a++) {
            for (int b = a + 1; b < keysPerProcessor.size(); b++) {
                assertThat(keysPerProcessor.get(a)).doesNotContainAnyElementsOf(keysPerProcessor.get(b));
            }
        }
        assertThat(keysPerProcessor).allSatisfy(keys -> assertThat(keys).isNotEmpty());
    }

    @Test
    void broadcastEdge_sendsEveryItemToEveryProcessor() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", rangeSource(1_000, k -> k)).localParallelism(2);
        Vertex sink = dag.newVertex("sink", collectingSink("broadcast")).localParallelism(3);
        dag.edge(Edge.between(source, sink).broadcast());

        member.newJob(dag).join();

        assertThat(sinkOutput("broadcast")).hasSize(3).allSatisfy(items -> assertThat(items).hasSize(1_000));
    }

    @Test
    void isolatedEdge_pairsProcessorsOneToOne() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", rangeSource(1_000, k -> k)).localParallelism(2);
        Vertex sink = dag.newVertex("sink", collectingSink("isolated")).localParallelism(2);
        dag.edge(Edge.between(source, sink).isolated());

        member.newJob(dag).join();

        List<List<Object>> out = sinkOutput("isolated");
        assertThat(out.get(0)).hasSize(500).allSatisfy(i -> assertThat((Long) i % 2).isZero());
        assertThat(out.get(1)).hasSize(500).allSatisfy(i -> assertThat((Long) i % 2).isOne());
    }

    @Test
    void allToOneEdge_sendsEverythingToOneProcessor() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", rangeSource(1_000, k -> k)).localParallelism(2);
        Vertex sink = dag.newVertex("sink", collectingSink("allToOne")).localParallelism(3);
        dag.edge(Edge.between(source, sink).allToOne());

        member.newJob(dag).join();

        List<List<Object>> out = sinkOutput("allToOne");
        assertThat(out.get(0)).hasSize(1_000);
        assertThat(out.get(1)).isEmpty();
        assertThat(out.get(2)).isEmpty();
    }

    @Test
    void lowerPriorityValue_isDrainedCompletelyFirst() {
        List<String> order = new CopyOnWriteArrayList<>();
        DAG dag = new DAG();
        Vertex probe = dag.newVertex("probe", rangeSource(500, k -> "probe")).localParallelism(1);
        Vertex build = dag.newVertex("build", rangeSource(500, k -> "build")).localParallelism(1);
        Vertex joiner = dag.newVertex("joiner", () -> new AbstractProcessor() {
            @Override
            public void process(int ordinal, Inbox inbox) {
                inbox.drain(item -> order.add(ordinal + ":" + item));
            }
        }).localParallelism(1);
        dag.edge(Edge.from(probe).to(joiner, 0).priority(1))
                .edge(Edge.from(build).to(joiner, 1).priority(0));

        member.newJob(dag).join();

        assertThat(order).hasSize(1_000);
        assertThat(order.subList(0, 500)).allMatch(s -> s.equals("1:build"));
        assertThat(order.subList(500, 1_000)).allMatch(s -> s.equals("0:probe"));
    }

    @Test
    void watermarks_areCoalescedOverInputs_andFollowTheirItems() {
        DAG dag = new DAG();
        Vertex fast = dag.newVertex("fast", itemsSource(List.of("f1", new Watermark(10), "f2", new Watermark(30)), false)).localParallelism(1);
        Vertex slow = dag.newVertex("slow", itemsSource(List.of("s1", new Watermark(20), "s2", new Watermark(25)), false)).localParallelism(1);
        Vertex sink = dag.newVertex("sink", collectingSink("watermarks")).localParallelism(1);
        dag.edge(Edge.from(fast).to(sink, 0)).edge(Edge.from(slow).to(sink, 1));

        Job job = member.newJob(dag);
        await().atMost(10, TimeUnit.SECONDS).until(() -> sinkOutput("watermarks").size() == 1
                && sinkOutput("watermarks").get(0).contains(new Watermark(25)));
        job.cancel();

        List<Object> out = sinkOutput("watermarks").get(0);
        List<Long> watermarks = out.stream().filter(o -> o instanceof Watermark).map(o -> ((Watermark) o).timestamp()).toList();
        // Which intermediate minimums show up depends on timing; the last one and the order do not.
        assertThat(watermarks).isSorted().doesNotHaveDuplicates().endsWith(25L);
        assertThat(List.of(10L, 20L, 25L)).containsAll(watermarks);
        int wm25 = out.indexOf(new Watermark(25));
        assertThat(wm25).isGreaterThan(out.indexOf("f2")).isGreaterThan(out.indexOf("s2"));
    }

    @Test
    void silentInput_stopsHoldingBackWatermarks_afterIdleTimeout() {
        DAG dag = new DAG();
        Vertex silent = dag.newVertex("silent", () -> new AbstractProcessor() {
            private boolean emitted;

            @Override
            public boolean complete() {
                emitted = emitted || tryEmit(new Watermark(1));
                return false;
            }
        }).localParallelism(1);
        Vertex active = dag.newVertex("active", () -> new AbstractProcessor() {
            private long nextWm = 100;
            private long nextEmitNanos;

            @Override
            public boolean complete() {
                // a watermark every 10 ms keeps this input active
                if (System.nanoTime() >= nextEmitNanos && tryEmit(new Watermark(nextWm))) {
                    nextWm += 100;
                    nextEmitNanos = System.nanoTime() + 10_000_000;
                }
                return false;
            }
        }).localParallelism(1);
        Vertex sink = dag.newVertex("sink", collectingSink("idle")).localParallelism(1);
        dag.edge(Edge.from(silent).to(sink, 0)).edge(Edge.from(active).to(sink, 1));

        Job job = member.newJob(dag, new JobConfig().setWatermarkIdleTimeoutMillis(200));

        await().atMost(10, TimeUnit.SECONDS).until(() -> sinkOutput("idle").size() == 1
                && sinkOutput("idle").get(0).stream().anyMatch(wm -> ((Watermark) wm).timestamp() >= 200));
        job.cancel();
        assertThat(sinkOutput("idle").get(0)).startsWith(new Watermark(1));
    }

    @Test
    void nonCooperativeProcessor_runsOnItsOwnThread() {
        List<String> threads = new CopyOnWriteArrayList<>();
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", rangeSource(1_000, k -> k)).localParallelism(1);
        Vertex blocking = dag.newVertex("blocking", nonCooperativeSink(item -> threads.add(Thread.currentThread().getName())))
                .localParallelism(1);
        dag.edge(Edge.between(source, blocking));

        member.newJob(dag).join();

        assertThat(threads).hasSize(1_000).allMatch(name -> name.endsWith("-blocking"));
    }

    private static List<Object> flatten(List<List<Object>> lists) {
        List<Object> all = new ArrayList<>();
        lists.forEach(all::addAll);
        return all;
    }
}
