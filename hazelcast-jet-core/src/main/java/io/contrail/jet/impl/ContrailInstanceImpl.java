package io.contrail.jet.impl;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.impl.job.JobService;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobSummary;
import io.contrail.snapshot.ExportedSnapshotInfo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A Contrail member: the job service on top of a Hazelcast member. */
public final class ContrailInstanceImpl implements ContrailInstance {

    private final HazelcastInstance hazelcastInstance;
    private final ContrailConfig config;
    private final JobService jobService;
    private final AtomicBoolean shutdown = new AtomicBoolean();

    public ContrailInstanceImpl(HazelcastInstance hazelcastInstance, ContrailConfig config, JobService jobService) {
        this.hazelcastInstance = hazelcastInstance;
        this.config = config;
        this.jobService = jobService;
    }

    @Override
    public Job newJob(DAG dag, JobConfig config) {
        checkRunning();
        return jobService.submit(dag, config);
    }

    @Override
    public Optional<Job> getJob(long jobId) {
        return jobService.getJob(jobId);
    }

    @Override
    public Optional<Job> getJob(String name) {
        return jobService.getJob(name);
    }

    @Override
    public List<Job> getJobs() {
        return jobService.getJobs();
    }

    @Override
    public List<JobSummary> getJobSummaries() {
        return jobService.getJobSummaries();
    }

    @Override
    public Optional<JobSummary> getJobSummary(long jobId) {
        return jobService.getJobSummary(jobId);
    }

    @Override
    public JobSummary awaitJobTerminal(long jobId, Duration timeout) throws InterruptedException, TimeoutException {
        return jobService.awaitTerminal(jobId, timeout);
    }

    @Override
    public List<ExportedSnapshotInfo> getExportedSnapshots() {
        return jobService.snapshotStore().listExported();
    }

    @Override
    public Optional<ExportedSnapshotInfo> getExportedSnapshot(String name) {
        return jobService.snapshotStore().exported(name);
    }

    @Override
    public boolean deleteExportedSnapshot(String name) {
        return jobService.snapshotStore().deleteExported(name);
    }

    @Override
    public HazelcastInstance getHazelcastInstance() {
        return hazelcastInstance;
    }

    @Override
    public ContrailConfig getConfig() {
        return config;
    }

    /** The member's job service, for the modules built on the engine. */
    public JobService jobService() {
        return jobService;
    }

    @Override
    public void shutdown() {
        if (shutdown.compareAndSet(false, true)) {
            try {
                jobService.shutdown();
            } finally {
                hazelcastInstance.shutdown();
            }
        }
    }

    private void checkRunning() {
        if (shutdown.get()) {
            throw new IllegalStateException("This Contrail member is shut down");
        }
    }
}
