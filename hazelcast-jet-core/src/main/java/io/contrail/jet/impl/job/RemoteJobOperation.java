package io.contrail.jet.impl.job;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;

import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * An operation on a job, sent by {@link RemoteJobProxy} to the member that coordinates the job
 * and run there on its {@link JobService}, through Hazelcast's executor service.
 *
 * <p>Threading: created on the caller's thread; {@link #call()} runs on a thread of the
 * coordinating member's executor.
 */
final class RemoteJobOperation implements Callable<Serializable>, Serializable, HazelcastInstanceAware {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What to do. */
    enum Kind { SUSPEND, RESUME, RESUME_WITH_CONFIG, RESTART, CANCEL, EXPORT_SNAPSHOT, CANCEL_AND_EXPORT_SNAPSHOT,
        METRICS, FAILURE_CAUSE }

    private final long jobId;
    private final Kind kind;
    /** The snapshot name of the exports, else {@code null}. */
    private final String snapshotName;
    /** The configuration of RESUME_WITH_CONFIG, else {@code null}. */
    private final JobConfig config;
    private transient HazelcastInstance hazelcastInstance;

    RemoteJobOperation(long jobId, Kind kind, String snapshotName, JobConfig config) {
        this.jobId = jobId;
        this.kind = requireNonNull(kind, "kind is null");
        this.snapshotName = snapshotName;
        this.config = config;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hazelcastInstance = hazelcastInstance;
    }

    @Override
    public Serializable call() {
        Job job = JobService.of(hazelcastInstance).localJob(jobId).orElseThrow(() -> new IllegalStateException(
                "Job " + Long.toHexString(jobId) + " is not coordinated by member "
                        + hazelcastInstance.getCluster().getLocalMember().getUuid() + " any more"));
        return switch (kind) {
            case SUSPEND -> run(job::suspend);
            case RESUME -> run(job::resume);
            case RESUME_WITH_CONFIG -> run(() -> job.resume(config));
            case RESTART -> run(job::restart);
            case CANCEL -> run(job::cancel);
            case EXPORT_SNAPSHOT -> job.exportSnapshot(snapshotName);
            case CANCEL_AND_EXPORT_SNAPSHOT -> run(() -> job.cancelAndExportSnapshot(snapshotName));
            case METRICS -> job.getMetrics();
            case FAILURE_CAUSE -> new FailureCause(job.getFailureCause().orElse(null));
        };
    }

    /**
     * The answer to FAILURE_CAUSE: a holder, as Hazelcast would throw a returned exception
     * rather than return it.
     *
     * @param cause the failure, or {@code null}
     */
    record FailureCause(Throwable cause) implements Serializable {
    }

    private static Serializable run(Runnable action) {
        action.run();
        return null;
    }
}
