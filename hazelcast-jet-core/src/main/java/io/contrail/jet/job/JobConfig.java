package io.contrail.jet.job;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * Settings of one job, given at submission. A suspended job may resume with changed settings
 * ({@link Job#resume(JobConfig)}), except those fixed at submission: the name, the processing
 * guarantee, the initial snapshot, the kind, owner, statement and streaming flag.
 */
public final class JobConfig implements Serializable {

    /** Default snapshot interval. */
    public static final long DEFAULT_SNAPSHOT_INTERVAL_MILLIS = 10_000;
    /** Default snapshot timeout: ten minutes, as Flink's checkpoint timeout. */
    public static final long DEFAULT_SNAPSHOT_TIMEOUT_MILLIS = 600_000;

    private String name;
    private ProcessingGuarantee processingGuarantee = ProcessingGuarantee.NONE;
    private long snapshotIntervalMillis = DEFAULT_SNAPSHOT_INTERVAL_MILLIS;
    private long snapshotTimeoutMillis = DEFAULT_SNAPSHOT_TIMEOUT_MILLIS;
    private boolean autoScaling = true;
    private boolean suspendOnFailure;
    private String initialSnapshotName;
    private boolean metricsEnabled = true;
    private long maxProcessorAccumulatedRecords = Long.MAX_VALUE;
    private long watermarkIdleTimeoutMillis = -1;
    private JobKind kind = JobKind.API;
    private String owner;
    private String statement;
    private Boolean streaming;

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

    public long getSnapshotTimeoutMillis() {
        return snapshotTimeoutMillis;
    }

    /**
     * How long a snapshot may take, from its start until every processor has saved and the store
     * has it; positive. A regular snapshot that takes longer fails and the job restarts from its
     * last complete snapshot (a processor that does not reach the barrier holds the job back
     * until then); a terminal one fails and the job stops as after any failed terminal snapshot:
     * a suspend leaves it SUSPENDED, to resume from the last complete snapshot.
     */
    public JobConfig setSnapshotTimeoutMillis(long snapshotTimeoutMillis) {
        if (snapshotTimeoutMillis <= 0) {
            throw new IllegalArgumentException("snapshotTimeoutMillis must be positive, got " + snapshotTimeoutMillis);
        }
        this.snapshotTimeoutMillis = snapshotTimeoutMillis;
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

    public JobKind getKind() {
        return kind;
    }

    /** How the job was created: {@link JobKind#API} (the default) or {@link JobKind#SQL}. */
    public JobConfig setKind(JobKind kind) {
        this.kind = requireNonNull(kind, "kind is null");
        return this;
    }

    /**
     * The user who created the job, or {@code null} when not known: the Java API has no notion of
     * users, so an API job's owner is {@code null} unless the caller sets one.
     */
    public String getOwner() {
        return owner;
    }

    /** Sets the user who created the job; {@code null} for none. Not blank. */
    public JobConfig setOwner(String owner) {
        if (owner != null && owner.isBlank()) {
            throw new IllegalArgumentException("A job owner must not be blank; use null for none");
        }
        this.owner = owner;
        return this;
    }

    /** The text of the statement that created the job (for SQL jobs), or {@code null}. */
    public String getStatement() {
        return statement;
    }

    /** Sets the text of the statement that created the job; {@code null} for none. */
    public JobConfig setStatement(String statement) {
        this.statement = statement;
        return this;
    }

    /**
     * Whether the job is a streaming job ({@code true}: some source is unbounded) or a batch job
     * ({@code false}: all sources are bounded), or {@code null} when not known. The engine cannot
     * tell a bounded processor from an unbounded one, so this is what the submitter declares (the
     * SQL planner knows it from its tables); it is shown by {@code SHOW JOBS} and changes nothing
     * in how the job runs.
     */
    public Boolean getStreaming() {
        return streaming;
    }

    /** Declares the job streaming ({@code true}), batch ({@code false}) or not known ({@code null}, the default). */
    public JobConfig setStreaming(Boolean streaming) {
        this.streaming = streaming;
        return this;
    }

    /** A new configuration with the same settings as this one. */
    public JobConfig copy() {
        JobConfig copy = new JobConfig();
        copy.name = name;
        copy.processingGuarantee = processingGuarantee;
        copy.snapshotIntervalMillis = snapshotIntervalMillis;
        copy.snapshotTimeoutMillis = snapshotTimeoutMillis;
        copy.autoScaling = autoScaling;
        copy.suspendOnFailure = suspendOnFailure;
        copy.initialSnapshotName = initialSnapshotName;
        copy.metricsEnabled = metricsEnabled;
        copy.maxProcessorAccumulatedRecords = maxProcessorAccumulatedRecords;
        copy.watermarkIdleTimeoutMillis = watermarkIdleTimeoutMillis;
        copy.kind = kind;
        copy.owner = owner;
        copy.statement = statement;
        copy.streaming = streaming;
        return copy;
    }

    @Override
    public String toString() {
        return "JobConfig{name=" + name + ", processingGuarantee=" + processingGuarantee
                + ", snapshotIntervalMillis=" + snapshotIntervalMillis + ", snapshotTimeoutMillis=" + snapshotTimeoutMillis
                + ", autoScaling=" + autoScaling
                + ", suspendOnFailure=" + suspendOnFailure + ", initialSnapshotName=" + initialSnapshotName
                + ", metricsEnabled=" + metricsEnabled + ", maxProcessorAccumulatedRecords=" + maxProcessorAccumulatedRecords
                + ", watermarkIdleTimeoutMillis=" + watermarkIdleTimeoutMillis + ", kind=" + kind + ", owner=" + owner
                + ", statement=" + statement + ", streaming=" + streaming + '}';
    }
}
