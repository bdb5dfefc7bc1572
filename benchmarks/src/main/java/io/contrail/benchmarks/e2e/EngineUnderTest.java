package io.contrail.benchmarks.e2e;

import java.util.Optional;

/**
 * An engine that {@link SlidingWindowRunner} can run the reference query on: sliding-window
 * count per key ({@code BENCHMARKS.md}). Each run gets a fresh member, started by
 * {@link #start} and stopped by {@link RunningQuery#close()}.
 *
 * <h2>What an implementation must do</h2>
 * <ul>
 *   <li>Source: emit longs {@code v = 0, 1, 2, ...} spread over its processors, never before
 *       they are due and stamped as {@link RunSpec#eventTime()} says, using
 *       {@link QueryProbes#clock()} ({@link EventClock#eventsDue}, {@link EventClock#scheduledTimestamp},
 *       {@link EventClock#wallTimestamp}); watermark lag 0; report what it emitted with
 *       {@link QueryProbes#eventsEmitted} once per batch.</li>
 *   <li>Query: key {@code v % spec.keys()}, sliding window {@code spec.windowSizeMillis()}
 *       sliding by {@code spec.slideMillis()}, COUNT per key and window.</li>
 *   <li>Sink: report each window result's end with {@link QueryProbes#windowResults} as soon as
 *       it arrives (once per run of results with the same window end), and discard it.</li>
 *   <li>Snapshots: when {@link RunSpec#snapshots()}, exactly-once snapshots every
 *       {@link RunSpec#snapshotIntervalMillis()}; an engine without them says so in
 *       {@link #unsupportedReason} instead of running without.</li>
 * </ul>
 * Processors find the probes with {@link QueryProbes#lookup} by {@link QueryProbes#id()}.
 */
public interface EngineUnderTest {

    /** The name given to {@code --engine} and shown in the table. */
    String name();

    /**
     * Why this engine cannot run at all in this build, or empty when it can. The runner checks
     * every engine named on the command line before it runs any, and stops with this message.
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /**
     * Why this engine cannot run {@code spec} (for example snapshots it does not have yet), or
     * empty when it can. The runner prints the reason as that configuration's row.
     */
    default Optional<String> unsupportedReason(RunSpec spec) {
        return Optional.empty();
    }

    /**
     * Starts a fresh member and submits the query; returns once the job is submitted. The
     * caller always closes the returned query, also when measuring fails.
     *
     * @throws Exception when the member or the job cannot start; nothing is left running then
     */
    RunningQuery start(RunSpec spec, QueryProbes probes) throws Exception;

    /** A submitted query on its own member. */
    interface RunningQuery extends AutoCloseable {

        /** Why the job failed, if it has failed. */
        Optional<Throwable> failure();

        /** Cancels the job and shuts the member down; returns when both are done. Idempotent. */
        @Override
        void close();
    }
}
