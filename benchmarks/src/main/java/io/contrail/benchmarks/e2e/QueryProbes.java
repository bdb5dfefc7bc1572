package io.contrail.benchmarks.e2e;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the source and the sink of one run report to the runner: events emitted, window results
 * and their latency, and the run's {@link EventClock}.
 *
 * <p>Processors may be serialized on the way to their member (Jet serializes the DAG), so they
 * hold only the probes' {@link #id()} and find the probes with {@link #lookup(String)}: every run
 * happens in the runner's JVM.
 *
 * <h2>Threading</h2>
 * Any number of source and sink processors call {@link #eventsEmitted}, {@link #clock()} and
 * {@link #windowResults} concurrently: counters are {@link LongAdder}s, latency goes to an
 * HdrHistogram {@link Recorder} (wait-free for writers). The runner's thread alone calls the
 * reading methods. Processors should report once per batch, not once per item.
 */
public final class QueryProbes implements AutoCloseable {

    private static final Map<String, QueryProbes> REGISTRY = new ConcurrentHashMap<>();

    private final String id;
    private final LongAdder events = new LongAdder();
    private final LongAdder results = new LongAdder();
    private final LongAdder negativeLatencies = new LongAdder();
    private final AtomicLong maxWindowEnd = new AtomicLong(Long.MIN_VALUE);
    /** Latency in nanoseconds; auto-resizing with 3 significant digits. */
    private final Recorder latency = new Recorder(3);
    private volatile EventClock clock;

    private QueryProbes(String id) {
        this.id = id;
    }

    /** Creates the probes of a run and registers them under {@code id} until {@link #close()}. */
    public static QueryProbes register(String id) {
        QueryProbes probes = new QueryProbes(id);
        if (REGISTRY.putIfAbsent(id, probes) != null) {
            throw new IllegalStateException("Probes '" + id + "' are already registered");
        }
        return probes;
    }

    /**
     * The probes registered under {@code id}.
     *
     * @throws IllegalStateException when none are (the run has ended, or the processor runs in
     *                               another JVM, which the runner never does)
     */
    public static QueryProbes lookup(String id) {
        QueryProbes probes = REGISTRY.get(id);
        if (probes == null) {
            throw new IllegalStateException("No benchmark probes registered under '" + id + "'");
        }
        return probes;
    }

    public String id() {
        return id;
    }

    /**
     * The run's clock, started by the first caller: sources call this when they first emit, so
     * that the schedule starts when the job is running, not when it was submitted.
     */
    public EventClock clock() {
        EventClock c = clock;
        if (c == null) {
            synchronized (this) {
                c = clock;
                if (c == null) {
                    c = EventClock.startingNow();
                    clock = c;
                }
            }
        }
        return c;
    }

    /** The clock if a source has started it, else {@code null}. */
    public EventClock clockIfStarted() {
        return clock;
    }

    /** A source emitted {@code count} more events. */
    public void eventsEmitted(long count) {
        events.add(count);
    }

    /**
     * A sink received {@code count} results of the window ending at {@code windowEndMillis}
     * (event time), at {@code arrivalNanos} ({@link System#nanoTime()}). Records the latency
     * {@link EventClock#latencyNanos} once per result.
     */
    public void windowResults(long windowEndMillis, long count, long arrivalNanos) {
        results.add(count);
        long latencyNanos = clock().latencyNanos(windowEndMillis, arrivalNanos);
        if (latencyNanos < 0) {
            // cannot happen by the formula; counted so that a clock or formula bug shows
            negativeLatencies.add(count);
            latencyNanos = 0;
        }
        latency.recordValueWithCount(latencyNanos, count);
        if (windowEndMillis > maxWindowEnd.get()) {
            maxWindowEnd.accumulateAndGet(windowEndMillis, Math::max);
        }
    }

    /** Events emitted so far. */
    public long events() {
        return events.sum();
    }

    /** Window results received so far. */
    public long results() {
        return results.sum();
    }

    /** Results whose computed latency was negative (recorded as 0); should stay 0. */
    public long negativeLatencies() {
        return negativeLatencies.sum();
    }

    /** The latest window end seen at the sink, or {@link Long#MIN_VALUE}. */
    public long maxWindowEnd() {
        return maxWindowEnd.get();
    }

    /** The latencies recorded since the previous call (or since the start), in nanoseconds. */
    public Histogram takeLatencies() {
        return latency.getIntervalHistogram();
    }

    /** Unregisters the probes; processors still running fail their next lookup. */
    @Override
    public void close() {
        REGISTRY.remove(id, this);
    }
}
