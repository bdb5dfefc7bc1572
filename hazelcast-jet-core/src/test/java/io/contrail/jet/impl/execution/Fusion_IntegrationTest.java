package io.contrail.jet.impl.execution;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobFailedException;
import io.contrail.jet.job.JobMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.contrail.jet.TestProcessors.collectingSink;
import static io.contrail.jet.TestProcessors.failingOn;
import static io.contrail.jet.TestProcessors.rangeSource;
import static io.contrail.jet.TestProcessors.sinkOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Isolated edges run fused in one tasklet; results must equal those of the unfused plan. */
class Fusion_IntegrationTest {

    private static ContrailInstance fusing;
    private static ContrailInstance notFusing;

    @BeforeAll
    static void start() {
        String cluster = "fusion-" + UUID.randomUUID();
        fusing = Contrail.newMember(smallQueues().setClusterName(cluster + "-a"));
        notFusing = Contrail.newMember(smallQueues().setClusterName(cluster + "-b").setProcessorFusion(false));
    }

    private static ContrailConfig smallQueues() {
        return new ContrailConfig().setCooperativeThreadCount(2).setQueueSize(16).setInboxSize(4).setOutboxBatchLimit(4);
    }

    @AfterAll
    static void stop() {
        fusing.shutdown();
        notFusing.shutdown();
    }

    @Test
    void fusedChain_givesTheSameOrderedOutputAsQueues() {
        assertThat(runChain(fusing, "fused")).isEqualTo(runChain(notFusing, "unfused"));
        // 0..19,999, the multiples of three
        assertThat(sinkOutput("fused").get(0)).hasSize(6_667);
    }

    @Test
    void fusedChain_reportsMetricsPerVertex() {
        DAG dag = chain("metrics", false);
        Job job = fusing.newJob(dag);
        job.join();

        JobMetrics metrics = job.getMetrics();
        assertThat(metrics.vertex("double").orElseThrow().itemsIn()).isEqualTo(10_000);
        assertThat(metrics.vertex("double").orElseThrow().itemsOut()).isEqualTo(20_000);
        assertThat(metrics.vertex("sink").orElseThrow().itemsIn()).isEqualTo(20_000);
    }

    @Test
    void watermarks_passThroughFusedStagesAfterTheirItems() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", io.contrail.jet.TestProcessors.itemsSource(
                List.of(1, 2, new Watermark(10), 3, new Watermark(20)))).localParallelism(1);
        Vertex passThrough = dag.newVertex("pass", () -> new AbstractProcessor() {
            @Override
            protected boolean tryProcess(int ordinal, Object item) {
                return tryEmit(item);
            }
        }).localParallelism(1);
        Vertex sink = dag.newVertex("sink", () -> new AbstractProcessor() {
            @Override
            protected boolean tryProcess(int ordinal, Object item) {
                seen.add(item);
                return true;
            }

            @Override
            public boolean tryProcessWatermark(Watermark watermark) {
                seen.add(watermark);
                return true;
            }
        }).localParallelism(1);
        dag.edge(Edge.between(source, passThrough).isolated()).edge(Edge.between(passThrough, sink).isolated());

        fusing.newJob(dag).join();

        assertThat(seen).containsExactly(1, 2, new Watermark(10), 3, new Watermark(20));
    }

    @Test
    void exceptionInFusedStage_failsTheJob() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", rangeSource(1_000, k -> k)).localParallelism(1);
        Vertex failing = dag.newVertex("failing", failingOn(500, "fused failure")).localParallelism(1);
        dag.edge(Edge.between(source, failing).isolated());

        assertThatThrownBy(() -> fusing.newJob(dag).join()).isInstanceOf(JobFailedException.class).hasMessageContaining("fused failure");
    }

    /** source → double (emits two items per input) → keep multiples of three → sink, all isolated. */
    private static List<Object> runChain(ContrailInstance member, String sinkName) {
        member.newJob(chain(sinkName, true)).join();
        return new ArrayList<>(sinkOutput(sinkName).get(0));
    }

    private static DAG chain(String sinkName, boolean withFilter) {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", rangeSource(10_000, k -> k)).localParallelism(1);
        Vertex doubler = dag.newVertex("double", () -> new AbstractProcessor() {
            private boolean firstDone;

            @Override
            protected boolean tryProcess(int ordinal, Object item) {
                long value = (Long) item;
                if (!firstDone && !tryEmit(value * 2)) {
                    return false;
                }
                firstDone = true;
                if (!tryEmit(value * 2 + 1)) {
                    return false;
                }
                firstDone = false;
                return true;
            }
        }).localParallelism(1);
        Vertex sink = dag.newVertex("sink", collectingSink(sinkName)).localParallelism(1);
        dag.edge(Edge.between(source, doubler).isolated());
        if (withFilter) {
            Vertex filter = dag.newVertex("filter", () -> new AbstractProcessor() {
                @Override
                protected boolean tryProcess(int ordinal, Object item) {
                    return (Long) item % 3 != 0 || tryEmit(item);
                }
            }).localParallelism(1);
            dag.edge(Edge.between(doubler, filter).isolated()).edge(Edge.between(filter, sink).isolated());
        } else {
            dag.edge(Edge.between(doubler, sink).isolated());
        }
        return dag;
    }
}
