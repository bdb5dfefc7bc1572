package io.contrail.benchmarks.e2e;

/**
 * What the latency sink of either engine does with one inbox batch of window results: takes one
 * arrival time for the batch (it arrived at once) and reports each run of results with the same
 * window end in one {@link QueryProbes#windowResults} call. Confined to the sink's thread.
 */
final class WindowResultRuns {

    private final QueryProbes probes;
    private long arrival;
    private long runEnd;
    private long runCount;

    WindowResultRuns(QueryProbes probes) {
        this.probes = probes;
    }

    /** Starts a batch that arrived now. */
    void startBatch() {
        arrival = System.nanoTime();
        runEnd = Long.MIN_VALUE;
        runCount = 0;
    }

    /** Counts one result of the window ending at {@code windowEnd} (event time, ms). */
    void add(long windowEnd) {
        if (windowEnd != runEnd) {
            reportRun();
            runEnd = windowEnd;
            runCount = 0;
        }
        runCount++;
    }

    /** Reports the batch's last run. */
    void endBatch() {
        reportRun();
    }

    private void reportRun() {
        if (runCount > 0) {
            probes.windowResults(runEnd, runCount, arrival);
        }
    }
}
