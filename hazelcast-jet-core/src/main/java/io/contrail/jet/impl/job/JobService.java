package io.contrail.jet.impl.job;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.impl.execution.ExecutionPlanBuilder;
import io.contrail.jet.impl.execution.ExecutionSettings;
import io.contrail.jet.impl.execution.TaskletExecutionService;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobAlreadyExistsException;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobSummary;
import io.contrail.snapshot.SnapshotStore;
import io.contrail.snapshot.SnapshotStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * The member's job service: submits jobs, finds them, and stops them all at shutdown. Every job
 * submitted through this member is coordinated by it.
 *
 * <p>Retention: a job that ended (COMPLETED or FAILED, which includes cancelled) is kept for the
 * retention time after its end: this member's coordinator of it (its {@link Job} handle) and its
 * record in the IMaps. Then {@link #purgeExpiredJobs()}, run every {@link #PURGE_INTERVAL} (or
 * every retention time if shorter) on the coordination executor, drops both; the oldest member of
 * the cluster removes the records, so that those of jobs whose member left are removed too. Times
 * come from the {@link Clock} the service is given.
 *
 * <p>Threading: thread-safe.
 */
public final class JobService {

    /** How often ended jobs past their retention are looked for, unless the retention is shorter. */
    public static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOGGER = LoggerFactory.getLogger(JobService.class);
    private static final long MAX_POLL_MILLIS = 500;
    /** Where the member's Hazelcast instance keeps its job service, for operations other members send. */
    private static final String USER_CONTEXT_KEY = JobService.class.getName();

    private final JobRepository repository;
    private final TaskletExecutionService executionService;
    private final ExecutionPlanBuilder planBuilder;
    private final ScheduledExecutorService coordinationExecutor;
    private final SnapshotStore snapshotStore;
    private final HazelcastInstance hazelcastInstance;
    private final Duration retention;
    private final Clock clock;
    private final Map<Long, JobCoordinator> coordinators = new ConcurrentHashMap<>();

    /**
     * @param retention how long ended jobs are kept; positive
     * @param clock     the source of job timestamps and of "now" for the retention
     */
    public JobService(HazelcastInstance hazelcastInstance, ExecutionSettings settings, String memberName,
                      SnapshotStoreConfig snapshotStoreConfig, Duration retention, Clock clock) {
        this.hazelcastInstance = hazelcastInstance;
        // the member's own service comes first; a second one on the same instance (a test's)
        // serves no operations of other members
        hazelcastInstance.getUserContext().putIfAbsent(USER_CONTEXT_KEY, this);
        this.retention = requireNonNull(retention, "retention is null");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("The job retention time must be positive, got " + retention);
        }
        this.clock = requireNonNull(clock, "clock is null");
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
        long purgeMillis = Math.min(PURGE_INTERVAL.toMillis(), retention.toMillis());
        coordinationExecutor.scheduleWithFixedDelay(this::purgeExpiredJobsLogged, purgeMillis, purgeMillis, TimeUnit.MILLISECONDS);
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
        String coordinatorId = hazelcastInstance.getCluster().getLocalMember().getUuid().toString();
        JobRecord record = JobRecord.submitted(jobId, name, config, coordinatorId, clock.millis());
        repository.put(record);
        JobCoordinator coordinator = new JobCoordinator(record, dag, repository, snapshotStore, planBuilder,
                executionService, coordinationExecutor, clock);
        coordinators.put(jobId, coordinator);
        coordinator.start();
        return new JobProxy(coordinator);
    }

    /**
     * The job with that id: a handle on its coordinator when this member coordinates it, else a
     * {@link RemoteJobProxy} that controls it through the member that does. Empty when no job
     * has that id, or its coordinating member has left the cluster.
     */
    public Optional<Job> getJob(long jobId) {
        Optional<Job> local = localJob(jobId);
        if (local.isPresent()) {
            return local;
        }
        return repository.get(jobId)
                .filter(record -> RemoteJobProxy.coordinator(hazelcastInstance, record.coordinatorId()).isPresent())
                .map(record -> new RemoteJobProxy(jobId, repository, hazelcastInstance, coordinationExecutor));
    }

    /** The job with that id if this member coordinates it. */
    Optional<Job> localJob(long jobId) {
        return Optional.ofNullable(coordinators.get(jobId)).map(JobProxy::new);
    }

    /** The job service of the member of that Hazelcast instance. */
    static JobService of(HazelcastInstance hazelcastInstance) {
        Object service = hazelcastInstance.getUserContext().get(USER_CONTEXT_KEY);
        if (!(service instanceof JobService jobService)) {
            throw new IllegalStateException("Hazelcast instance " + hazelcastInstance.getName() + " is not a Contrail member");
        }
        return jobService;
    }

    /** The active job of that name (on any member), else the most recently submitted one this member coordinates. */
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

    /**
     * The summaries of every job of the cluster that has a record (jobs that have not ended, and
     * ended jobs within their retention), in {@link JobSummary#SHOW_JOBS_ORDER}. Jobs this member
     * coordinates have live item counts.
     */
    public List<JobSummary> getJobSummaries() {
        Map<Long, JobSummary> byId = new HashMap<>();
        for (JobRecord record : repository.all()) {
            byId.put(record.jobId(), record.toSummary());
        }
        for (JobCoordinator coordinator : coordinators.values()) {
            byId.put(coordinator.record().jobId(), coordinator.summary());
        }
        List<JobSummary> all = new ArrayList<>(byId.values());
        all.sort(JobSummary.SHOW_JOBS_ORDER);
        return all;
    }

    /** The summary of the job with that id, if it has a record; live when this member coordinates it. */
    public Optional<JobSummary> getJobSummary(long jobId) {
        JobCoordinator coordinator = coordinators.get(jobId);
        if (coordinator != null) {
            return Optional.of(coordinator.summary());
        }
        return repository.get(jobId).map(JobRecord::toSummary);
    }

    /**
     * Waits until the job is COMPLETED or FAILED and returns its summary. A job this member
     * coordinates is waited for on its completion future; another member's job by reading its
     * record again and again, first after 10 ms, then twice as long each time up to
     * {@value #MAX_POLL_MILLIS} ms.
     *
     * @throws IllegalArgumentException when no job has that id (or its record is past retention)
     * @throws TimeoutException         when the job has not ended within {@code timeout}
     * @throws InterruptedException     when the waiting thread is interrupted
     */
    public JobSummary awaitTerminal(long jobId, Duration timeout) throws InterruptedException, TimeoutException {
        requireNonNull(timeout, "timeout is null");
        long deadline = System.nanoTime() + timeout.toNanos();
        JobCoordinator coordinator = coordinators.get(jobId);
        if (coordinator != null) {
            try {
                coordinator.future().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CancellationException ended) {
                // failed or cancelled: terminal as well
            } catch (TimeoutException e) {
                throw stillRunning(coordinator.record(), timeout);
            }
            return coordinator.summary();
        }
        long pollMillis = 10;
        while (true) {
            JobRecord record = repository.get(jobId).orElseThrow(() -> new IllegalArgumentException("No job has id "
                    + jobId + ": it never existed, or it ended longer than the job retention time ago"));
            if (record.status().isTerminal()) {
                return record.toSummary();
            }
            long leftNanos = deadline - System.nanoTime();
            if (leftNanos <= 0) {
                throw stillRunning(record, timeout);
            }
            Thread.sleep(Math.min(pollMillis, Math.max(1, TimeUnit.NANOSECONDS.toMillis(leftNanos))));
            pollMillis = Math.min(pollMillis * 2, MAX_POLL_MILLIS);
        }
    }

    private static TimeoutException stillRunning(JobRecord record, Duration timeout) {
        return new TimeoutException("Job '" + record.name() + "' is still " + record.status() + " after waiting " + timeout);
    }

    /**
     * Drops what is past retention: this member's coordinators of jobs that ended at least the
     * retention time ago and, when this member is the oldest of the cluster, the records of such
     * jobs from the IMaps.
     *
     * @return how many records were removed from the IMaps
     */
    public int purgeExpiredJobs() {
        long cutoff = clock.millis() - retention.toMillis();
        coordinators.values().removeIf(c -> c.record().status().isTerminal() && c.record().completionTime() <= cutoff);
        if (!hazelcastInstance.getCluster().getMembers().iterator().next().localMember()) {
            return 0;
        }
        return repository.removeEndedBefore(cutoff);
    }

    private void purgeExpiredJobsLogged() {
        try {
            int removed = purgeExpiredJobs();
            if (removed > 0) {
                LOGGER.info("Removed the records of {} jobs that ended more than {} ago", removed, retention);
            }
        } catch (RuntimeException e) {
            // the next run tries again; a purge must not stop the scheduled task
            LOGGER.warn("Removing the records of jobs past their retention failed", e);
        }
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
