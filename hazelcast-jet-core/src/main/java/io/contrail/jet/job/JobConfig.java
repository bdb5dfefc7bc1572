package io.contrail.jet.job;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/** Settings of one job, fixed at submission. */
public final class JobConfig implements Serializable {

    /** Default snapshot interval. */
    public static final long DEFAULT_SNAPSHOT_INTERVAL_MILLIS = 10_000;

    private String name;
    private ProcessingGuarantee processingGuarantee = ProcessingGuarantee.NONE;
    private long snapshotIntervalMillis = DEFAULT_SNAPSHOT_INTERVAL_MILLIS;
    private boolean autoScaling = true;
    private boolean suspendOnFailure;
    private String initialSnapshotName;
    private boolean metricsEnabled = true;
    private long maxProcessorAccumulatedRecords = Long.MAX_VALUE;
    private long watermarkIdleTimeoutMillis = -1;

    /** The job's name, unique among active jobs, or {@code null}. */
    public String getName() {
        return name;
    }

    /** Names the job; {@code null} for none. A name must not be blank. */
    public JobConfig setName(String name) {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("A job name must not be blank");
        }
        this.name = name;
        return this;
    }

    public ProcessingGuarantee getProcessingGuarantee() {
        return processingGuarantee;
    }

    public JobConfig setProcessingGuarantee(ProcessingGuarantee processingGuarantee) {
        this.processingGuarantee = requireNonNull(processingGuarantee, "processingGuarantee is null");
        return this;
    }

    public long getSnapshotIntervalMillis() {
        return snapshotIntervalMillis;
    }

    /** How often snapshots start when the guarantee is not {@code NONE}; positive. */
    public JobConfig setSnapshotIntervalMillis(long snapshotIntervalMillis) {
        if (snapshotIntervalMillis <= 0) {
            throw new IllegalArgumentException("snapshotIntervalMillis must be positive, got " + snapshotIntervalMillis);
        }
        this.snapshotIntervalMillis = snapshotIntervalMillis;
        return this;
    }

    public boolean isAutoScaling() {
        return autoScaling;
    }

    /** Whether the job restarts to use members that join or to survive members that leave. */
    public JobConfig setAutoScaling(boolean autoScaling) {
        this.autoScaling = autoScaling;
        return this;
    }

    public boolean isSuspendOnFailure() {
        return suspendOnFailure;
    }

    /** Whether a failing job is suspended with its cause instead of failing. */
    public JobConfig setSuspendOnFailure(boolean suspendOnFailure) {
        this.suspendOnFailure = suspendOnFailure;
        return this;
    }

    public String getInitialSnapshotName() {
        return initialSnapshotName;
    }

    /** The exported snapshot the job starts from, or {@code null}. */
    public JobConfig setInitialSnapshotName(String initialSnapshotName) {
        this.initialSnapshotName = initialSnapshotName;
        return this;
    }

    public boolean isMetricsEnabled() {
        return metricsEnabled;
    }

    public JobConfig setMetricsEnabled(boolean metricsEnabled) {
        this.metricsEnabled = metricsEnabled;
        return this;
    }

    public long getMaxProcessorAccumulatedRecords() {
        return maxProcessorAccumulatedRecords;
    }

    /**
     * Caps the entries one processor may keep (groups of an aggregation, rows of a join's build
     * side); exceeding it fails the job with an error naming the cap. Positive.
     */
    public JobConfig setMaxProcessorAccumulatedRecords(long maxProcessorAccumulatedRecords) {
        if (maxProcessorAccumulatedRecords <= 0) {
            throw new IllegalArgumentException("maxProcessorAccumulatedRecords must be positive, got " + maxProcessorAccumulatedRecords);
        }
        this.maxProcessorAccumulatedRecords = maxProcessorAccumulatedRecords;
        return this;
    }

    public long getWatermarkIdleTimeoutMillis() {
        return watermarkIdleTimeoutMillis;
    }

    /**
     * After how long without any item or watermark an input stops holding back the coalesced
     * watermark of its processor (until it delivers again); negative to wait forever (the default).
     */
    public JobConfig setWatermarkIdleTimeoutMillis(long watermarkIdleTimeoutMillis) {
        this.watermarkIdleTimeoutMillis = watermarkIdleTimeoutMillis;
        return this;
    }

    @Override
    public String toString() {
        return "JobConfig{name=" + name + ", processingGuarantee=" + processingGuarantee
                + ", snapshotIntervalMillis=" + snapshotIntervalMillis + ", autoScaling=" + autoScaling
                + ", suspendOnFailure=" + suspendOnFailure + ", initialSnapshotName=" + initialSnapshotName
                + ", metricsEnabled=" + metricsEnabled + ", maxProcessorAccumulatedRecords=" + maxProcessorAccumulatedRecords
                + ", watermarkIdleTimeoutMillis=" + watermarkIdleTimeoutMillis + '}';
    }
}
