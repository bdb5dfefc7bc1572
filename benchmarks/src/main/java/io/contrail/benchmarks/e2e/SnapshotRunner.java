package io.contrail.benchmarks.e2e;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.aggregate.AggregateOperations;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.ProcessingGuarantee;
import io.contrail.jet.job.SnapshotSummary;
import io.contrail.jet.processor.AggregateProcessors;
import io.contrail.jet.processor.EventTimeMode;
import io.contrail.jet.processor.SourceProcessors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Measures snapshots of a large keyed state: a running count per key over {@code --keys} keys
 * (default 1,000,000), fed by a generator at {@code --rate} events/s, exactly-once. Once every key
 * has state it measures, {@code --rounds} times:
 * <ul>
 *   <li><b>snapshot</b>: the duration of a regular snapshot (barrier start to stored), as the
 *       job reports it ({@link Job#getLastSnapshot()});</li>
 *   <li><b>suspend</b>: from {@code suspend()} to SUSPENDED (terminal snapshot and stop);</li>
 *   <li><b>resume</b>: from {@code resume()} to RUNNING again (read and verify the snapshot,
 *       restore every processor, start);</li>
 *   <li><b>downtime</b>: suspend plus resume, the time the job processes nothing.</li>
 * </ul>
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.contrail.benchmarks.e2e.SnapshotRunner --keys 1000000 --rounds 5
 * </pre>
 */
public final class SnapshotRunner {

    private SnapshotRunner() {
    }

    public static void main(String[] args) throws InterruptedException {
        long keys = 1_000_000;
        long rate = 2_000_000;
        int rounds = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keys" -> keys = Long.parseLong(args[++i].replace("_", ""));
                case "--rate" -> rate = Long.parseLong(args[++i].replace("_", ""));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("Unknown flag '" + args[i] + "'; valid: --keys N, --rate N (events/s), --rounds N");
                    System.exit(2);
                }
            }
        }
        System.out.printf("JVM %s, %d cores, -Xmx %d MB; keys %,d, rate %,d events/s, %d rounds%n",
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, keys, rate, rounds);

        try (ContrailInstance member = Contrail.newMember(new ContrailConfig().setClusterName("snapshot-runner-" + UUID.randomUUID()))) {
            long keyCount = keys;
            DAG dag = new DAG();
            Vertex source = dag.newVertex("source", SourceProcessors.generator((seq, ts) -> seq, rate, EventTimeMode.WALL));
            Vertex counts = dag.newVertex("counts", AggregateProcessors.rollingAggregateByKey((Long v) -> v % keyCount,
                    AggregateOperations.counting()));
            Vertex sink = dag.newVertex("sink", DiscardP::new);
            dag.edge(Edge.between(source, counts).partitioned((Long v) -> v % keyCount)).edge(Edge.between(counts, sink).isolated());
            // The regular snapshots are the ones measured: one per second is enough to catch a few.
            Job job = member.newJob(dag, new JobConfig().setName("snapshot-runner")
                    .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(1_000));
            long fillMillis = Math.max(2_000, keys * 1_000 / rate + 1_000);
            System.out.printf("Filling the state for %,d ms...%n", fillMillis);
            Thread.sleep(fillMillis);

            List<Long> snapshot = new ArrayList<>();
            List<Long> suspend = new ArrayList<>();
            List<Long> resume = new ArrayList<>();
            List<Long> downtime = new ArrayList<>();
            long entries = 0;
            long bytes = 0;
            for (int round = 0; round < rounds; round++) {
                long lastId = job.getLastSnapshot().map(SnapshotSummary::snapshotId).orElse(-1L);
                await(() -> job.getLastSnapshot().map(SnapshotSummary::snapshotId).orElse(-1L) > lastId);
                SnapshotSummary summary = job.getLastSnapshot().orElseThrow();
                snapshot.add(summary.durationMillis());
                entries = summary.entryCount();
                bytes = summary.sizeBytes();

                long t0 = System.nanoTime();
                job.suspend();
                await(() -> job.getStatus() == JobStatus.SUSPENDED);
                long t1 = System.nanoTime();
                job.resume();
                await(() -> job.getStatus() == JobStatus.RUNNING);
                long t2 = System.nanoTime();
                suspend.add(TimeUnit.NANOSECONDS.toMillis(t1 - t0));
                resume.add(TimeUnit.NANOSECONDS.toMillis(t2 - t1));
                downtime.add(TimeUnit.NANOSECONDS.toMillis(t2 - t0));
                System.out.printf("round %d: snapshot %d ms, suspend %d ms, resume %d ms%n", round + 1,
                        summary.durationMillis(), suspend.get(round), resume.get(round));
            }
            job.cancel();

            System.out.printf("%nState: %,d entries, %,d bytes per snapshot%n", entries, bytes);
            System.out.println("| measure | median ms | max ms |");
            System.out.println("|---|---:|---:|");
            row("regular snapshot", snapshot);
            row("suspend (terminal snapshot, stop)", suspend);
            row("resume (read, verify, restore, start)", resume);
            row("SUSPEND -> RESUME downtime", downtime);
        }
    }

    private static void row(String name, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("| %s | %d | %d |%n", name, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after 60 s");
            }
            Thread.sleep(1);
        }
    }

    /** Drops everything. */
    private static final class DiscardP extends AbstractProcessor {
        @Override
        public void process(int ordinal, Inbox inbox) {
            inbox.clear();
        }
    }
}
