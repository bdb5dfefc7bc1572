package io.contrail.jet;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobAlreadyExistsException;
import io.contrail.jet.job.JobConfig;
import io.contrail.snapshot.ExportedSnapshotInfo;

import java.util.List;
import java.util.Optional;

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

    /** The job with that id, if this member knows it. */
    Optional<Job> getJob(long jobId);

    /** The active job of that name, else the latest one of that name. */
    Optional<Job> getJob(String name);

    /** All jobs this member knows, newest first. */
    List<Job> getJobs();

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
