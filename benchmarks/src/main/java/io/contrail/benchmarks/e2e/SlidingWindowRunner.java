package io.contrail.benchmarks.e2e;

import io.contrail.benchmarks.e2e.EngineUnderTest.RunningQuery;
import io.contrail.benchmarks.e2e.RunResult.Outcome;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference query of {@code BENCHMARKS.md} (longs {@code v}, key {@code v % 10,000},
 * sliding window 1 s sliding every 10 ms, COUNT per key and window) on each engine named, one
 * run after another in this one process, each in a fresh member, and prints one table:
 * <pre>
 * | engine | event time | snapshots | rate asked | events/s | results/s | event time/wall | p50 ms | ... | live heap MB |
 * </pre>
 *
 * <h2>What each run measures</h2>
 * <ul>
 *   <li>A fresh member starts and the query is submitted ({@link EngineUnderTest#start}).</li>
 *   <li>Warm-up ({@code --warmup}, default 6 s): nothing is counted.</li>
 *   <li>Counting ({@code --seconds} minus warm-up, default 20 s): <b>events/s</b> is what the
 *       source emitted ({@link QueryProbes#eventsEmitted}) divided by the wall time counted;
 *       <b>results/s</b> the window results that reached the sink; <b>event time/wall</b> how
 *       far the latest window end at the sink moved per second; <b>latency</b> percentiles are
 *       over every result counted, in ms, as {@link EventClock} defines them (arrival at the sink
 *       minus the moment the window could close, {@code W0 + (windowEnd - T0)});
 *       <b>heap after GC max</b> is the largest heap left after any collection while counting
 *       (GC notifications); <b>GCs</b> the collections while counting.</li>
 *   <li>Then a forced full GC gives <b>live heap</b>: the query's live set. The job is
 *       cancelled and the member shut down before the next run.</li>
 * </ul>
 * Runs are ordered event-time mode, then snapshots (none, then exactly-once), then engine, so
 * the engines compared run back to back. The ratios printed below the table are the figures
 * to report ({@code BENCHMARKS.md}: never compare absolute figures of different runs).
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.contrail.benchmarks.e2e.SlidingWindowRunner \
 *     --engine jet --event-time scheduled --rate 0 --seconds 26
 * </pre>
 * Exit status: 0 when every run was measured or skipped, 1 when one failed, 2 for a bad command
 * line or an engine that cannot run in this build.
 */
public final class SlidingWindowRunner {

    private final Map<String, EngineUnderTest> engines;

    /** A runner over the given engines, by name. */
    public SlidingWindowRunner(Map<String, EngineUnderTest> engines) {
        this.engines = new LinkedHashMap<>(engines);
    }

    /** The engines of {@link RunnerOptions#KNOWN_ENGINES}. */
    public static Map<String, EngineUnderTest> defaultEngines() {
        Map<String, EngineUnderTest> engines = new LinkedHashMap<>();
        engines.put("contrail", new ContrailEngine());
        engines.put("jet", new JetEngine());
        return engines;
    }

    public static void main(String[] args) {
        // before the first member starts, so that Hazelcast's own start-up warnings go to log4j too
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "slf4j");
        }
        int status;
        try {
            RunnerOptions options = RunnerOptions.parse(args);
            if (options.help()) {
                System.out.print(RunnerOptions.usage());
                return;
            }
            List<RunResult> results = new SlidingWindowRunner(defaultEngines()).run(options, System.out, System.err);
            status = results.stream().anyMatch(r -> r.outcome() == Outcome.FAILED) ? 1 : 0;
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println();
            System.err.print(RunnerOptions.usage());
            status = 2;
        }
        // Hazelcast may leave non-daemon threads behind for a while; the table is printed
        System.exit(status);
    }

    /**
     * Runs every configuration of {@code options}, printing progress to {@code progress} and
     * the header and table to {@code out}.
     *
     * @throws IllegalArgumentException when an engine named is unknown or cannot run in this
     *                                  build; nothing has run then
     */
    public List<RunResult> run(RunnerOptions options, PrintStream out, PrintStream progress) {
        List<EngineUnderTest> selected = new ArrayList<>();
        for (String name : options.engines()) {
            EngineUnderTest engine = engines.get(name);
            if (engine == null) {
                throw new IllegalArgumentException("Unknown engine '" + name + "'; valid: " + String.join(", ", engines.keySet()));
            }
            Optional<String> unavailable = engine.unavailableReason();
            if (unavailable.isPresent()) {
                throw new IllegalArgumentException("--engine " + name + " cannot run: " + unavailable.get());
            }
            selected.add(engine);
        }
        printHeader(options, out);
        List<RunResult> results = new ArrayList<>();
        try (HeapMonitor heap = new HeapMonitor()) {
            for (EventTimeMode mode : options.eventTimeModes()) {
                for (boolean snapshots : options.snapshots() ? new boolean[] {false, true} : new boolean[] {false}) {
                    for (EngineUnderTest engine : selected) {
                        RunSpec spec = new RunSpec(newRunId(), engine.name(), mode, options.rate(), options.sourceRate(),
                                options.keys(), options.windowSizeMillis(), options.slideMillis(), snapshots,
                                options.snapshotIntervalMillis(), options.cooperativeThreads());
                        RunResult result = runOne(engine, spec, options, heap, progress);
                        progress.println("  -> " + tableRow(result));
                        results.add(result);
                        settle();
                    }
                }
            }
        }
        printTable(results, options, out);
        return results;
    }

    private static RunResult runOne(EngineUnderTest engine, RunSpec spec, RunnerOptions options, HeapMonitor heap,
                                    PrintStream progress) {
        Optional<String> unsupported = engine.unsupportedReason(spec);
        if (unsupported.isPresent()) {
            return RunResult.skipped(spec, unsupported.get());
        }
        String label = "[" + spec.engine() + " " + spec.eventTime().flagName() + " " + spec.snapshotsLabel() + "]";
        progress.printf(Locale.ROOT, "%s starting a fresh member, rate %s%n", label, rateLabel(spec));
        try (QueryProbes probes = QueryProbes.register(spec.runId())) {
            RunningQuery query = null;
            try {
                long submitted = System.nanoTime();
                query = engine.start(spec, probes);
                long started = System.nanoTime();
                progress.printf(Locale.ROOT, "%s member up and job submitted in %.1f s%n", label, (started - submitted) / 1e9);

                Optional<Throwable> failure = sample(query, probes, started, options.warmupSeconds(), label + " warm-up", progress);
                if (failure.isPresent()) {
                    return RunResult.failed(spec, failure.get());
                }
                long events0 = probes.events();
                long results0 = probes.results();
                long windowEnd0 = probes.maxWindowEnd();
                probes.takeLatencies();
                heap.reset();
                long counting = System.nanoTime();

                failure = sample(query, probes, counting, options.measuredSeconds(), label + " counting", progress);
                long counted = System.nanoTime();
                long events1 = probes.events();
                long results1 = probes.results();
                long windowEnd1 = probes.maxWindowEnd();
                Histogram latency = probes.takeLatencies();
                long maxAfterGc = heap.maxHeapAfterGc();
                long collections = heap.collections();
                if (failure.isPresent()) {
                    return RunResult.failed(spec, failure.get());
                }
                long liveHeap = HeapMonitor.liveHeapAfterFullGc();
                failure = query.failure();
                if (failure.isPresent()) {
                    return RunResult.failed(spec, failure.get());
                }

                double seconds = (counted - counting) / 1e9;
                double eventTimeRate = windowEnd0 == Long.MIN_VALUE || windowEnd1 == Long.MIN_VALUE
                        ? Double.NaN : (windowEnd1 - windowEnd0) / 1e3 / seconds;
                return new RunResult(spec, Outcome.MEASURED, null, seconds, (events1 - events0) / seconds,
                        (results1 - results0) / seconds, eventTimeRate, latency, maxAfterGc, collections, liveHeap,
                        probes.negativeLatencies());
            } catch (Exception e) {
                return RunResult.failed(spec, e);
            } finally {
                if (query != null) {
                    query.close();
                }
            }
        }
    }

    /**
     * Sleeps {@code seconds} from {@code from}, printing the rates of each second; returns early
     * with the job's failure if it fails.
     */
    private static Optional<Throwable> sample(RunningQuery query, QueryProbes probes, long from, int seconds,
                                              String label, PrintStream progress) throws InterruptedException {
        long lastEvents = probes.events();
        long lastResults = probes.results();
        long last = System.nanoTime();
        for (int second = 1; second <= seconds; second++) {
            long wakeAt = from + TimeUnit.SECONDS.toNanos(second);
            long sleep = wakeAt - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            Optional<Throwable> failure = query.failure();
            if (failure.isPresent()) {
                return failure;
            }
            long now = System.nanoTime();
            long events = probes.events();
            long results = probes.results();
            double elapsed = (now - last) / 1e9;
            progress.printf(Locale.ROOT, "%s %2d/%d s: %,.0f events/s, %,.0f results/s%n", label, second, seconds,
                    (events - lastEvents) / elapsed, (results - lastResults) / elapsed);
            lastEvents = events;
            lastResults = results;
            last = now;
        }
        return Optional.empty();
    }

    /** Lets the previous member's threads wind down and its garbage go before the next run. */
    private static void settle() {
        System.gc();
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String newRunId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void printHeader(RunnerOptions options, PrintStream out) {
        Runtime runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "# Sliding-window reference query (BENCHMARKS.md), %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.printf(Locale.ROOT, "JVM: %s %s (%s), cores: %d, max heap: %,d MB, GC: %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), System.getProperty("java.vm.vendor"),
                runtime.availableProcessors(), runtime.maxMemory() >> 20, HeapMonitor.collectorNames());
        out.printf(Locale.ROOT, "JVM flags: %s%n", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        out.printf(Locale.ROOT, "System load average (1 min) at start: %.2f (other processes on the machine skew every figure)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "Query: key = v %% %,d, sliding window %d ms by %d ms, COUNT; source %s; cooperative threads %d%n",
                options.keys(), options.windowSizeMillis(), options.slideMillis(),
                options.rate() == 0 ? "at full speed (scheduled at " + count(options.fullSpeedRate()) + "/s)" : "at " + count(options.rate()) + " events/s",
                options.cooperativeThreads());
        out.printf(Locale.ROOT, "Each run: fresh member, %d s warm-up, %d s counted%s%n", options.warmupSeconds(), options.measuredSeconds(),
                options.snapshots() ? "; snapshots: none, then exactly-once every " + options.snapshotIntervalMillis() + " ms" : "");
        if (!options.meetsMinimumDurations()) {
            out.printf(Locale.ROOT, "NOTE: shorter than BENCHMARKS.md asks (warm-up >= %d s, counted >= %d s): a smoke run, not figures to report%n",
                    RunnerOptions.MIN_WARMUP_SECONDS, RunnerOptions.MIN_MEASURED_SECONDS);
        }
        out.println();
        out.flush();
    }

    /** The header line of the table. */
    static final String TABLE_HEADER = "| engine | event time | snapshots | rate asked | events/s | results/s | event time/wall"
            + " | p50 ms | p99 ms | p99.9 ms | p99.99 ms | max ms | heap after GC max MB | GCs | live heap MB |";

    private static void printTable(List<RunResult> results, RunnerOptions options, PrintStream out) {
        out.println(TABLE_HEADER);
        out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (RunResult result : results) {
            out.println(tableRow(result));
        }
        out.println();
        printRatios(results, out);
        boolean scheduledFullSpeed = results.stream().anyMatch(r -> r.outcome() == Outcome.MEASURED
                && r.spec().eventTime() == EventTimeMode.SCHEDULED && r.spec().fullSpeed());
        out.println("Latency = arrival of a window result at the sink - (W0 + windowEnd - T0), W0/T0 = wall clock/event time"
                + " when the source started (EventClock).");
        if (scheduledFullSpeed) {
            out.println("Scheduled event time at full speed: the source lags its schedule, so event time runs slower than the"
                    + " wall clock (see 'event time/wall') and latency measures that backlog, not the engine.");
        }
        long negative = results.stream().mapToLong(RunResult::negativeLatencies).sum();
        if (negative > 0) {
            out.printf(Locale.ROOT, "WARNING: %,d results had a negative latency (recorded as 0): a clock or formula bug%n", negative);
        }
        out.flush();
    }

    /** Engine ratios per configuration, and the cost of exactly-once per engine and mode. */
    private static void printRatios(List<RunResult> results, PrintStream out) {
        boolean any = false;
        for (RunResult a : results) {
            for (RunResult b : results) {
                if (a == b || a.outcome() != Outcome.MEASURED || b.outcome() != Outcome.MEASURED
                        || a.spec().eventTime() != b.spec().eventTime()) {
                    continue;
                }
                if (a.spec().snapshots() == b.spec().snapshots() && a.spec().engine().equals("contrail")
                        && b.spec().engine().equals("jet")) {
                    out.printf(Locale.ROOT, "contrail / jet events/s, %s event time, snapshots %s: %.2f%n",
                            a.spec().eventTime().flagName(), a.spec().snapshotsLabel(), a.eventsPerSecond() / b.eventsPerSecond());
                    any = true;
                }
                if (a.spec().engine().equals(b.spec().engine()) && a.spec().snapshots() && !b.spec().snapshots()) {
                    out.printf(Locale.ROOT, "%s, %s event time: events/s with exactly-once snapshots / without = %.2f%n",
                            a.spec().engine(), a.spec().eventTime().flagName(), a.eventsPerSecond() / b.eventsPerSecond());
                    any = true;
                }
            }
        }
        if (any) {
            out.println();
        }
    }

    /** One row of the table. */
    static String tableRow(RunResult r) {
        RunSpec spec = r.spec();
        String head = "| " + spec.engine() + " | " + spec.eventTime().flagName() + " | " + spec.snapshotsLabel() + " | "
                + rateLabel(spec) + " | ";
        if (r.outcome() != Outcome.MEASURED) {
            return head + r.note().replace('|', '/').replace('\n', ' ') + " | | | | | | | | | | | |";
        }
        return head + String.format(Locale.ROOT, "%,.0f | %,.0f | %s | %s | %s | %s | %s | %s | %s | %d | %s |",
                r.eventsPerSecond(), r.resultsPerSecond(), Double.isNaN(r.eventTimePerWallSecond()) ? "-"
                        : String.format(Locale.ROOT, "%.2f", r.eventTimePerWallSecond()),
                millis(r.latencyMillis(50)), millis(r.latencyMillis(99)), millis(r.latencyMillis(99.9)),
                millis(r.latencyMillis(99.99)), millis(r.maxLatencyMillis()),
                megabytes(r.maxHeapAfterGcBytes()), r.collections(), megabytes(r.liveHeapBytes()));
    }

    private static String rateLabel(RunSpec spec) {
        return spec.fullSpeed() ? "full speed (" + count(spec.sourceRate()) + ")" : String.format(Locale.ROOT, "%,d", spec.rateAsked());
    }

    private static String count(long n) {
        if (n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n % 1_000 == 0) {
            return n / 1_000 + "k";
        }
        return Long.toString(n);
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.2f", ms);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%,d", bytes >> 20);
    }
}
