package io.contrail.examples;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobMetrics;
import io.contrail.jet.processor.AggregateProcessors;
import io.contrail.jet.processor.EventTimeMode;
import io.contrail.jet.processor.SinkProcessors;
import io.contrail.jet.processor.SourceProcessors;
import io.contrail.jet.window.KeyedWindowResult;
import io.contrail.jet.window.LongKeyedFrame;
import io.contrail.jet.window.SlidingWindowDefinition;
import io.contrail.jet.window.WindowDefinition;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The main demo: an embedded member runs a streaming job that counts events per key in sliding
 * windows (1 s long, sliding every 500 ms) and prints the results as they close; after a few
 * seconds it cancels the job, prints the job's metrics and shuts the member down.
 *
 * <pre>
 *   generator (20,000 events/s, event time = wall clock)
 *      │ isolated: runs fused with the next stage, no queue
 *   count per key (v % 4) and 500 ms frame
 *      │ partitioned by key
 *   slide frames into 1 s windows
 *      │ isolated
 *   local collection sink ─→ this thread prints
 * </pre>
 */
public final class StreamingDemo {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final long RUN_MILLIS = 4_000;

    /** An event of the generator: its sequence number and event time. */
    record Event(long sequence, long timestamp) implements Serializable {
    }

    private StreamingDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Object> results = new LinkedBlockingQueue<>();
        SinkProcessors.registerLocalCollection("demo-results", results);
        try (ContrailInstance member = Contrail.newMember(new ContrailConfig().setClusterName("contrail-demo"))) {
            Job job = member.newJob(buildDag(), new JobConfig().setName("sliding-window-demo"));
            System.out.printf("Job '%s' (id %x) is %s; window results follow (UTC).%n", job.getName(), job.getId(), job.getStatus());
            System.out.println("window end    key  count");

            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS);
            for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                Object item = results.poll(left, TimeUnit.NANOSECONDS);
                if (item instanceof KeyedWindowResult<?, ?> result) {
                    System.out.printf("%s  %3s  %5s%n", TIME.format(Instant.ofEpochMilli(result.end())), result.key(), result.result());
                }
            }

            job.cancel();
            try {
                job.join();
            } catch (CancellationException expected) {
                System.out.printf("Job '%s' cancelled (status %s, as for every job that did not complete).%n", job.getName(), job.getStatus());
            }
            printMetrics(job.getMetrics());
        } finally {
            SinkProcessors.unregisterLocalCollection("demo-results");
        }
        System.out.println("Member shut down.");
    }

    static DAG buildDag() {
        int keys = 4;
        SlidingWindowDefinition window = WindowDefinition.sliding(1_000, 500);
        DAG dag = new DAG();
        Vertex source = dag.newVertex("generator",
                SourceProcessors.generator(Event::new, 20_000, EventTimeMode.WALL));
        Vertex frames = dag.newVertex("count-per-frame",
                AggregateProcessors.countByFrameLongKey((Event e) -> e.sequence() % keys, Event::timestamp, window));
        Vertex windows = dag.newVertex("sliding-window",
                AggregateProcessors.combineLongCountsToSlidingWindow(window));
        Vertex sink = dag.newVertex("results", SinkProcessors.writeLocalCollection("demo-results"));
        dag.edge(Edge.between(source, frames).isolated())
                .edge(Edge.between(frames, windows).partitioned((LongKeyedFrame frame) -> frame.key()))
                .edge(Edge.between(windows, sink).isolated());
        return dag;
    }

    private static void printMetrics(JobMetrics metrics) {
        System.out.println("vertex            items in  items out");
        for (JobMetrics.VertexMetrics v : metrics.vertices()) {
            System.out.printf("%-16s %9d  %9d%n", v.vertexName(), v.itemsIn(), v.itemsOut());
        }
    }
}
