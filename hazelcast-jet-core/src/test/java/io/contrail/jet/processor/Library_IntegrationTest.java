package io.contrail.jet.processor;

import com.hazelcast.map.IMap;
import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.aggregate.AccumulationLimitExceededException;
import io.contrail.jet.aggregate.AggregateOperations;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Library processors wired into whole jobs on a real member. */
class Library_IntegrationTest {

    private static ContrailInstance member;

    @BeforeAll
    static void start() {
        member = Contrail.newMember(new ContrailConfig().setClusterName("library-" + UUID.randomUUID()).setCooperativeThreadCount(2));
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    @Test
    void generator_map_filter_intoIMap() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", SourceProcessors.boundedGenerator((seq, ts) -> seq, 0, EventTimeMode.WALL, 10_000));
        Vertex map = dag.newVertex("square", Processors.map((Long v) -> Map.entry(v, v * v)));
        Vertex filter = dag.newVertex("even", Processors.filter((Map.Entry<Long, Long> e) -> e.getKey() % 2 == 0));
        Vertex sink = dag.newVertex("sink", SinkProcessors.writeMap("squares"));
        dag.edge(Edge.between(source, map).isolated())
                .edge(Edge.between(map, filter).isolated())
                .edge(Edge.between(filter, sink));

        member.newJob(dag).join();

        IMap<Long, Long> squares = member.getHazelcastInstance().getMap("squares");
        Map<Long, Long> expected = LongStream.range(0, 10_000).filter(v -> v % 2 == 0).boxed()
                .collect(Collectors.toMap(v -> v, v -> v * v));
        assertThat(new HashMap<>(squares)).isEqualTo(expected);
    }

    @Test
    void jobCapOnAccumulatedRecords_failsTheJobNamingTheCap() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", SourceProcessors.boundedGenerator((seq, ts) -> seq, 0, EventTimeMode.WALL, 1_000))
                .localParallelism(1);
        Vertex count = dag.newVertex("count", AggregateProcessors.aggregateByKey((Long v) -> v % 100, AggregateOperations.counting()))
                .localParallelism(1);
        dag.edge(Edge.between(source, count));

        Job job = member.newJob(dag, new JobConfig().setMaxProcessorAccumulatedRecords(50));

        assertThatThrownBy(job::join)
                .hasRootCauseInstanceOf(AccumulationLimitExceededException.class)
                .hasMessageContaining("vertex 'count' exceeded maxProcessorAccumulatedRecords=50");
    }

    @Test
    void imapSource_hashJoin_intoList() {
        IMap<Integer, String> countries = member.getHazelcastInstance().getMap("countries");
        countries.put(1, "France");
        countries.put(2, "Japan");
        DAG dag = new DAG();
        Vertex build = dag.newVertex("countries", SourceProcessors.readMap("countries"));
        Vertex probe = dag.newVertex("cities", SourceProcessors.boundedGenerator((seq, ts) -> (int) seq, 0, EventTimeMode.WALL, 4))
                .localParallelism(1);
        FunctionEx<Map.Entry<Integer, String>, Object> countryId = Map.Entry::getKey;
        Vertex join = dag.newVertex("join", Processors.hashJoin(countryId, (Integer cityCountry) -> cityCountry,
                (Integer cityCountry, List<Map.Entry<Integer, String>> matches) -> cityCountry + "=" + matches.get(0).getValue(),
                JoinType.INNER));
        Vertex sink = dag.newVertex("sink", SinkProcessors.writeList("joined"));
        dag.edge(Edge.from(build).to(join, 0).broadcast().priority(-1))
                .edge(Edge.from(probe).to(join, 1))
                .edge(Edge.between(join, sink));

        member.newJob(dag).join();

        assertThat(member.getHazelcastInstance().<String>getList("joined")).containsExactlyInAnyOrder("1=France", "2=Japan");
    }
}
