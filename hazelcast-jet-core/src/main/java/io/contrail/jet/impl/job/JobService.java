package io.contrail.jet.impl.job;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.impl.execution.ExecutionPlanBuilder;
import io.contrail.jet.impl.execution.ExecutionSettings;
import io.contrail.jet.impl.execution.TaskletExecutionService;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobAlreadyExistsException;
import io.contrail.jet.job.JobConfig;
import io.contrail.snapshot.SnapshotStore;
import io.contrail.snapshot.SnapshotStoreConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The member's job service: submits jobs, finds them, and stops them all at shutdown. Every job
 * submitted through this member is coordinated by it.
 *
 * <p>Threading: thread-safe.
 */
public final class JobService {

    private final JobRepository repository;
    private final TaskletExecutionService executionService;
    private final ExecutionPlanBuilder planBuilder;
    private final ScheduledExecutorService coordinationExecutor;
    private final SnapshotStore snapshotStore;
    private final Map<Long, JobCoordinator> coordinators = new ConcurrentHashMap<>();

    public JobService(HazelcastInstance hazelcastInstance, ExecutionSettings settings, String memberName,
                      SnapshotStoreConfig snapshotStoreConfig) {
        this.repository = new JobRepository(hazelcastInstance);
        this.snapshotStore = new SnapshotStore(hazelcastInstance, snapshotStoreConfig);
        this.executionService = new TaskletExecutionService(memberName, settings.cooperativeThreadCount());
        this.planBuilder = new ExecutionPlanBuilder(hazelcastInstance, settings,
                hazelcastInstance.getPartitionService().getPartitions().size());
        this.coordinationExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "contrail-" + memberName + "-coordinator");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Submits a job and starts it.
     *
     * @throws IllegalArgumentException  when the DAG is invalid
     * @throws JobAlreadyExistsException when an active job has the same name
     */
    public Job submit(DAG dag, JobConfig config) {
        requireNonNull(dag, "dag is null");
        requireNonNull(config, "config is null");
        dag.validate();
        long jobId = repository.newJobId();
        String name = config.getName() != null ? config.getName() : Long.toHexString(jobId);
        repository.claimName(name, jobId).ifPresent(holder -> {
            throw new JobAlreadyExistsException(name, holder);
        });
        JobRecord record = JobRecord.submitted(jobId, name, config, System.currentTimeMillis());
        repository.put(record);
        JobCoordinator coordinator = new JobCoordinator(record, dag, repository, snapshotStore, planBuilder,
                executionService, coordinationExecutor);
        coordinators.put(jobId, coordinator);
        coordinator.start();
        return new JobProxy(coordinator);
    }

    public Optional<Job> getJob(long jobId) {
        return Optional.ofNullable(coordinators.get(jobId)).map(JobProxy::new);
    }

    /** The active job of that name, else the most recently submitted one. */
    public Optional<Job> getJob(String name) {
        Optional<Job> active = repository.activeJobId(name).flatMap(this::getJob);
        if (active.isPresent()) {
            return active;
        }
        return coordinators.values().stream()
                .filter(c -> c.record().name().equals(name))
                .max(Comparator.comparingLong(c -> c.record().submissionTime()))
                .map(JobProxy::new);
    }

    /** Every job this member coordinates, newest first. */
    public List<Job> getJobs() {
        List<JobCoordinator> all = new ArrayList<>(coordinators.values());
        all.sort(Comparator.comparingLong((JobCoordinator c) -> c.record().jobId()).reversed());
        return all.stream().<Job>map(JobProxy::new).toList();
    }

    public JobRepository repository() {
        return repository;
    }

    public SnapshotStore snapshotStore() {
        return snapshotStore;
    }

    /** Cancels every running job, waits for them to stop, and stops the worker threads. */
    public void shutdown() {
        for (JobCoordinator coordinator : coordinators.values()) {
            if (!coordinator.record().status().isTerminal()) {
                try {
                    coordinator.cancel();
                } catch (IllegalStateException ignored) {
                    // it ended meanwhile
                }
            }
        }
        for (JobCoordinator coordinator : coordinators.values()) {
            try {
                coordinator.future().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // cancelled or failed: either way it stopped
            }
        }
        executionService.shutdown();
        coordinationExecutor.shutdown();
        snapshotStore.close();
    }
}
