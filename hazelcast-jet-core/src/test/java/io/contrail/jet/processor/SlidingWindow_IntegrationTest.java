package io.contrail.jet.processor;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.window.KeyedWindowResult;
import io.contrail.jet.window.LongKeyedFrame;
import io.contrail.jet.window.SlidingWindowDefinition;
import io.contrail.jet.window.WindowDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's query shape, end to end on a member (generator fused with the frame stage, a
 * partitioned edge, the window stage fused with the sink), against a brute-force count of the
 * very events the generator produced.
 */
class SlidingWindow_IntegrationTest {

    private static final Map<Long, Long> TIMESTAMPS = new ConcurrentHashMap<>();
    private static ContrailInstance member;

    @BeforeAll
    static void start() {
        member = Contrail.newMember(new ContrailConfig().setClusterName("windows-" + UUID.randomUUID()).setCooperativeThreadCount(2));
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    record Event(long seq, long timestamp) implements Serializable {
    }

    @Test
    void twoStageSlidingCount_equalsBruteForce() {
        long events = 300_000;
        int keys = 97;
        SlidingWindowDefinition window = WindowDefinition.sliding(100, 10);
        List<Object> results = new CopyOnWriteArrayList<>();
        SinkProcessors.registerLocalCollection("sliding-results", results);

        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", SourceProcessors.boundedGenerator((seq, ts) -> {
            TIMESTAMPS.put(seq, ts);
            return new Event(seq, ts);
        }, 1_000_000, EventTimeMode.SCHEDULED, events));
        Vertex frames = dag.newVertex("frames", AggregateProcessors.countByFrameLongKey((Event e) -> e.seq() % keys, Event::timestamp, window));
        Vertex windows = dag.newVertex("windows", AggregateProcessors.combineLongCountsToSlidingWindow(window));
        Vertex sink = dag.newVertex("sink", SinkProcessors.writeLocalCollection("sliding-results"));
        dag.edge(Edge.between(source, frames).isolated())
                .edge(Edge.between(frames, windows).partitioned((LongKeyedFrame f) -> f.key()))
                .edge(Edge.between(windows, sink).isolated());

        member.newJob(dag).join();
        SinkProcessors.unregisterLocalCollection("sliding-results");

        assertThat(TIMESTAMPS).hasSize((int) events);
        Map<List<Long>, Long> expected = bruteForce(keys, window.windowSize(), window.slideBy());
        Map<List<Long>, Long> actual = new HashMap<>();
        for (Object o : results) {
            KeyedWindowResult<?, ?> r = (KeyedWindowResult<?, ?>) o;
            Long previous = actual.put(List.of(r.end(), (Long) r.key()), (Long) r.result());
            assertThat(previous).as("window %s emitted twice", r).isNull();
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** Count per (window end, key) over every window that holds at least one event. */
    private static Map<List<Long>, Long> bruteForce(int keys, long size, long slide) {
        Map<List<Long>, Long> counts = new HashMap<>();
        List<Map.Entry<Long, Long>> all = new ArrayList<>(TIMESTAMPS.entrySet());
        for (Map.Entry<Long, Long> e : all) {
            long ts = e.getValue();
            long key = e.getKey() % keys;
            long firstEnd = Math.floorDiv(ts, slide) * slide + slide;
            for (long end = firstEnd; end < ts + size + slide && end - size <= ts; end += slide) {
                if (ts >= end - size && ts < end) {
                    counts.merge(List.of(end, key), 1L, Long::sum);
                }
            }
        }
        return Collections.unmodifiableMap(counts);
    }
}
