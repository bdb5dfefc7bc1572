package io.contrail.benchmarks.e2e;

import org.HdrHistogram.Histogram;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one run: measured figures, or why there are none.
 *
 * @param spec                   what ran
 * @param outcome                whether it was measured, skipped or failed
 * @param note                   the reason when skipped or failed, else {@code null}
 * @param measuredSeconds        the wall time counted, after warm-up
 * @param eventsPerSecond        events the source emitted per second while counted
 * @param resultsPerSecond       window results that reached the sink per second while counted
 * @param eventTimePerWallSecond how far the latest window end at the sink advanced per second of
 *                               wall time: 1.0 when every window closes, achieved / asked in
 *                               scheduled mode at full speed; {@code NaN} without results
 * @param latencyNanos           latency of the results counted, {@link EventClock#latencyNanos}
 * @param maxHeapAfterGcBytes    largest heap used after any collection while counted; -1 if none ran
 * @param collections            garbage collections while counted
 * @param liveHeapBytes          heap used after a forced full collection at the end; -1 if not taken
 * @param negativeLatencies      results whose latency came out negative (should be 0)
 */
public record RunResult(RunSpec spec, Outcome outcome, String note, double measuredSeconds,
                        double eventsPerSecond, double resultsPerSecond, double eventTimePerWallSecond,
                        Histogram latencyNanos, long maxHeapAfterGcBytes, long collections, long liveHeapBytes,
                        long negativeLatencies) {

    /** Whether a run has figures. */
    public enum Outcome {
        MEASURED, SKIPPED, FAILED
    }

    public RunResult {
        requireNonNull(spec, "spec is null");
        requireNonNull(outcome, "outcome is null");
        if (outcome == Outcome.MEASURED) {
            requireNonNull(latencyNanos, "latencyNanos is null");
        } else {
            requireNonNull(note, "note is null");
        }
    }

    /** A configuration the engine cannot run; the table prints {@code reason} in its row. */
    public static RunResult skipped(RunSpec spec, String reason) {
        return new RunResult(spec, Outcome.SKIPPED, reason, 0, 0, 0, Double.NaN, null, -1, 0, -1, 0);
    }

    /** A run that failed; the table prints the cause in its row. */
    public static RunResult failed(RunSpec spec, Throwable cause) {
        return new RunResult(spec, Outcome.FAILED, "FAILED: " + cause, 0, 0, 0, Double.NaN, null, -1, 0, -1, 0);
    }

    /** The latency at {@code percentile} in milliseconds, or {@code NaN} without results. */
    public double latencyMillis(double percentile) {
        if (latencyNanos == null || latencyNanos.getTotalCount() == 0) {
            return Double.NaN;
        }
        return latencyNanos.getValueAtPercentile(percentile) / 1e6;
    }

    /** The largest latency in milliseconds, or {@code NaN} without results. */
    public double maxLatencyMillis() {
        if (latencyNanos == null || latencyNanos.getTotalCount() == 0) {
            return Double.NaN;
        }
        return latencyNanos.getMaxValue() / 1e6;
    }
}
