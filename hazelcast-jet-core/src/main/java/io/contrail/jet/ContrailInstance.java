package io.contrail.jet;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobAlreadyExistsException;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.JobSummary;
import io.contrail.snapshot.ExportedSnapshotInfo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A running Contrail member: submit jobs, find them, reach the Hazelcast member underneath.
 * Created by {@link Contrail#newMember}. Thread-safe.
 */
public interface ContrailInstance extends AutoCloseable {

    /** Submits an unnamed job with the default configuration. */
    default Job newJob(DAG dag) {
        return newJob(dag, new JobConfig());
    }

    /**
     * Submits a job and starts it; returns at once.
     *
     * @throws IllegalArgumentException  when the DAG is invalid (the message says what is wrong)
     * @throws JobAlreadyExistsException when an active job has the same name
     */
    Job newJob(DAG dag, JobConfig config);

    /**
     * The job with that id. A job coordinated by another member is controlled through that
     * member: suspend, resume, restart, cancel, export and metrics go to it and take effect
     * there. Empty when no job has that id (or it ended longer than the retention time ago), or
     * when its coordinating member has left the cluster.
     */
    Optional<Job> getJob(long jobId);

    /** The active job of that name on any member, else the latest one of that name this member coordinated. */
    Optional<Job> getJob(String name);

    /** All jobs this member coordinates, newest first. */
    List<Job> getJobs();

    /**
     * The summaries of all jobs of the cluster, whichever member coordinates them: jobs that have
     * not ended, and ended jobs whose end is less than {@link ContrailConfig#getJobRetentionTime()}
     * ago. Sorted as {@code SHOW JOBS} lists them ({@link JobSummary#SHOW_JOBS_ORDER}): jobs that
     * have not ended first, by start time, then ended jobs by end time.
     */
    List<JobSummary> getJobSummaries();

    /** The summary of the job with that id, if the cluster has its record (see {@link #getJobSummaries()}). */
    Optional<JobSummary> getJobSummary(long jobId);

    /**
     * Waits until the job with that id is {@link JobStatus#COMPLETED} or {@link JobStatus#FAILED}
     * (cancelled jobs are FAILED) and returns its summary; at once if it already is. For
     * {@code SHOW JOB ... WHEN COMPLETE}. A job coordinated by this member is waited for directly;
     * a job coordinated by another member by polling its record (at most every 500 ms).
     *
     * @throws IllegalArgumentException when no job has that id, or its record is past retention
     * @throws TimeoutException         when the job has not ended within {@code timeout}
     * @throws InterruptedException     when the calling thread is interrupted while waiting
     */
    JobSummary awaitJobTerminal(long jobId, Duration timeout) throws InterruptedException, TimeoutException;

    /** The exported snapshots of the cluster, sorted by name. */
    List<ExportedSnapshotInfo> getExportedSnapshots();

    /** The exported snapshot of that name, if any. */
    Optional<ExportedSnapshotInfo> getExportedSnapshot(String name);

    /**
     * Deletes an exported snapshot, from the IMaps and from the snapshot directory.
     *
     * @return whether there was one of that name
     */
    boolean deleteExportedSnapshot(String name);

    /** The Hazelcast member this Contrail member runs in. */
    HazelcastInstance getHazelcastInstance();

    /** The configuration the member started with. */
    ContrailConfig getConfig();

    /** Cancels the running jobs, stops the engine, then the Hazelcast member. Idempotent. */
    void shutdown();

    @Override
    default void close() {
        shutdown();
    }
}
