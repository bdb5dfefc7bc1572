package io.contrail.benchmarks.e2e;

import static java.util.Objects.requireNonNull;

/**
 * One run of the reference query: which engine, how the source stamps event time, its rate,
 * the window and whether snapshots are taken.
 *
 * @param runId                  unique in the process; names the probes, the cluster and the job
 * @param engine                 the engine's {@link EngineUnderTest#name()}
 * @param eventTime              how the source stamps event time
 * @param rateAsked              events per second asked for; {@code 0} means full speed
 * @param sourceRate             the rate the source is scheduled at: {@code rateAsked}, or the
 *                               full-speed rate when that is {@code 0}
 * @param keys                   key = v % keys
 * @param windowSizeMillis       sliding window length in event time
 * @param slideMillis            sliding step in event time
 * @param snapshots              whether the job runs with exactly-once snapshots
 * @param snapshotIntervalMillis how often snapshots start, when {@code snapshots}
 * @param cooperativeThreads     worker threads of the member (and default parallelism)
 */
public record RunSpec(String runId, String engine, EventTimeMode eventTime, long rateAsked, long sourceRate,
                      int keys, long windowSizeMillis, long slideMillis,
                      boolean snapshots, long snapshotIntervalMillis, int cooperativeThreads) {

    public RunSpec {
        requireNonNull(runId, "runId is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(eventTime, "eventTime is null");
        if (sourceRate <= 0 || sourceRate > EventClock.MAX_RATE) {
            throw new IllegalArgumentException("sourceRate must be 1.." + EventClock.MAX_RATE + ", got " + sourceRate);
        }
        if (keys <= 0 || windowSizeMillis <= 0 || slideMillis <= 0 || windowSizeMillis % slideMillis != 0) {
            throw new IllegalArgumentException("keys, window and slide must be positive and the window a multiple of the slide");
        }
    }

    /** Whether the source runs flat out ({@code --rate 0}). */
    public boolean fullSpeed() {
        return rateAsked == 0;
    }

    /** The guarantee as the table shows it. */
    public String snapshotsLabel() {
        return snapshots ? "exactly-once " + snapshotIntervalMillis + " ms" : "none";
    }
}
