package io.contrail.jet.impl.job;

import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.JobSummary;
import io.contrail.jet.job.SnapshotSummary;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What the cluster knows of a job, kept in the {@value JobRepository#JOB_RECORDS_MAP} IMap. Immutable:
 * every change writes a new record.
 *
 * @param jobId           the job's id
 * @param name            the job's name (its id in hex when it has none)
 * @param config          the configuration it was submitted with
 * @param status          the current status
 * @param submissionTime  when it was submitted, epoch ms
 * @param completionTime  when it reached a terminal status, epoch ms, or 0
 * @param failureText     why it failed, or {@code null}
 * @param transitions     every status change with its time, oldest first
 * @param lastSnapshot    the last complete snapshot, or {@code null}
 * @param suspensionCause why the job is suspended (the user asked, or the failure when it
 *                        suspends on failure), or {@code null} when it is not
 * @param runningStatus   what the job is doing when not plainly running or ended (see
 *                        {@link JobSummary#runningStatus()}), or {@code null}
 * @param coordinatorId   the UUID of the member coordinating the job
 * @param itemsIn         items emitted by its sources, over all executions, when last recorded
 * @param itemsOut        items received by its sinks, over all executions, when last recorded
 */
public record JobRecord(long jobId, String name, JobConfig config, JobStatus status, long submissionTime,
                        long completionTime, String failureText, List<Transition> transitions,
                        SnapshotSummary lastSnapshot, String suspensionCause, String runningStatus,
                        String coordinatorId, long itemsIn, long itemsOut) implements Serializable {

    public JobRecord {
        requireNonNull(name, "name is null");
        requireNonNull(config, "config is null");
        requireNonNull(status, "status is null");
        requireNonNull(coordinatorId, "coordinatorId is null");
        transitions = List.copyOf(requireNonNull(transitions, "transitions is null"));
        if (transitions.isEmpty()) {
            throw new IllegalArgumentException("A job record has at least its submission as a transition");
        }
    }

    /** The record of a job just submitted, coordinated by the member {@code coordinatorId}. */
    public static JobRecord submitted(long jobId, String name, JobConfig config, String coordinatorId, long now) {
        return new JobRecord(jobId, name, config, JobStatus.NOT_RUNNING, now, 0, null,
                List.of(new Transition(JobStatus.NOT_RUNNING, now)), null, null, "waiting to start", coordinatorId, 0, 0);
    }

    /** This record moved to {@code newStatus} at {@code now}, doing what {@code runningStatus} says (or {@code null}). */
    public JobRecord withStatus(JobStatus newStatus, String runningStatus, long now) {
        List<Transition> next = new ArrayList<>(transitions);
        next.add(new Transition(newStatus, now));
        boolean suspended = newStatus == JobStatus.SUSPENDED || newStatus == JobStatus.SUSPENDED_EXPORTING_SNAPSHOT;
        return new JobRecord(jobId, name, config, newStatus, submissionTime,
                newStatus.isTerminal() ? now : completionTime, failureText, next, lastSnapshot,
                suspended ? suspensionCause : null, runningStatus, coordinatorId, itemsIn, itemsOut);
    }

    /** This record with another configuration (a suspended job resuming with changed settings). */
    public JobRecord withConfig(JobConfig newConfig) {
        return new JobRecord(jobId, name, newConfig, status, submissionTime, completionTime, failureText, transitions,
                lastSnapshot, suspensionCause, runningStatus, coordinatorId, itemsIn, itemsOut);
    }

    /** This record with a failure text. */
    public JobRecord withFailure(String text) {
        return new JobRecord(jobId, name, config, status, submissionTime, completionTime, text, transitions,
                lastSnapshot, suspensionCause, runningStatus, coordinatorId, itemsIn, itemsOut);
    }

    /** This record with a new last complete snapshot. */
    public JobRecord withLastSnapshot(SnapshotSummary snapshot) {
        return new JobRecord(jobId, name, config, status, submissionTime, completionTime, failureText, transitions,
                requireNonNull(snapshot, "snapshot is null"), suspensionCause, runningStatus, coordinatorId, itemsIn, itemsOut);
    }

    /** This record with the reason it is (about to be) suspended. */
    public JobRecord withSuspensionCause(String cause) {
        return new JobRecord(jobId, name, config, status, submissionTime, completionTime, failureText, transitions,
                lastSnapshot, cause, runningStatus, coordinatorId, itemsIn, itemsOut);
    }

    /** This record saying the job is doing {@code text} (or {@code null}: nothing to say) in its current status. */
    public JobRecord withRunningStatus(String text) {
        return new JobRecord(jobId, name, config, status, submissionTime, completionTime, failureText, transitions,
                lastSnapshot, suspensionCause, text, coordinatorId, itemsIn, itemsOut);
    }

    /** This record with the item counters over all executions so far. */
    public JobRecord withItemCounts(long in, long out) {
        return new JobRecord(jobId, name, config, status, submissionTime, completionTime, failureText, transitions,
                lastSnapshot, suspensionCause, runningStatus, coordinatorId, in, out);
    }

    /** When the job first became RUNNING, epoch ms, or {@code -1}. */
    public long startTime() {
        return transitions.stream().filter(t -> t.status() == JobStatus.RUNNING).mapToLong(Transition::timeMillis)
                .findFirst().orElse(-1);
    }

    /** The public view of this record. */
    public JobSummary toSummary() {
        long started = startTime();
        return new JobSummary(jobId, name, config.getKind(), config.getOwner(), config.getStatement(), config.getStreaming(),
                status, runningStatus, Instant.ofEpochMilli(submissionTime), started < 0 ? null : Instant.ofEpochMilli(started),
                status.isTerminal() ? Instant.ofEpochMilli(completionTime) : null,
                Instant.ofEpochMilli(transitions.get(transitions.size() - 1).timeMillis()), failureText, coordinatorId,
                lastSnapshot, itemsIn, itemsOut, status == JobStatus.COMPLETED ? 1.0 : null);
    }

    /** One status change of a job. */
    public record Transition(JobStatus status, long timeMillis) implements Serializable {
        public Transition {
            requireNonNull(status, "status is null");
        }
    }
}
