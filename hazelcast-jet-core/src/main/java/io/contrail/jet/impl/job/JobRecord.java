package io.contrail.jet.impl.job;

import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.SnapshotSummary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What the cluster knows of a job, kept in the {@value JobRepository#JOB_RECORDS_MAP} IMap. Immutable:
 * every change writes a new record.
 *
 * @param jobId          the job's id
 * @param name           the job's name (its id in hex when it has none)
 * @param config         the configuration it was submitted with
 * @param status         the current status
 * @param submissionTime when it was submitted, epoch ms
 * @param completionTime when it reached a terminal status, epoch ms, or 0
 * @param failureText    why it failed, or {@code null}
 * @param transitions    every status change with its time, oldest first
 * @param lastSnapshot   the last complete snapshot, or {@code null}
 * @param suspensionCause why the job is suspended (the user asked, or the failure when it
 *                        suspends on failure), or {@code null} when it is not
 */
public record JobRecord(long jobId, String name, JobConfig config, JobStatus status, long submissionTime,
                        long completionTime, String failureText, List<Transition> transitions,
                        SnapshotSummary lastSnapshot, String suspensionCause) implements Serializable {

    public JobRecord {
        requireNonNull(name, "name is null");
        requireNonNull(config, "config is null");
        requireNonNull(status, "status is null");
        transitions = List.copyOf(requireNonNull(transitions, "transitions is null"));
    }

    /** The record of a job just submitted. */
    public static JobRecord submitted(long jobId, String name, JobConfig config, long now) {
        return new JobRecord(jobId, name, config, JobStatus.NOT_RUNNING, now, 0, null,
                List.of(new Transition(JobStatus.NOT_RUNNING, now)), null, null);
    }

    /** This record moved to {@code newStatus} at {@code now}. */
    public JobRecord withStatus(JobStatus newStatus, long now) {
        List<Transition> next = new ArrayList<>(transitions);
        next.add(new Transition(newStatus, now));
        boolean suspended = newStatus == JobStatus.SUSPENDED || newStatus == JobStatus.SUSPENDED_EXPORTING_SNAPSHOT;
        return new JobRecord(jobId, name, config, newStatus, submissionTime,
                newStatus.isTerminal() ? now : completionTime, failureText, next, lastSnapshot,
                suspended ? suspensionCause : null);
    }

    /** This record with a failure text. */
    public JobRecord withFailure(String text) {
        return new JobRecord(jobId, name, config, status, submissionTime, completionTime, text, transitions,
                lastSnapshot, suspensionCause);
    }

    /** This record with a new last complete snapshot. */
    public JobRecord withLastSnapshot(SnapshotSummary snapshot) {
        return new JobRecord(jobId, name, config, status, submissionTime, completionTime, failureText, transitions,
                requireNonNull(snapshot, "snapshot is null"), suspensionCause);
    }

    /** This record with the reason it is (about to be) suspended. */
    public JobRecord withSuspensionCause(String cause) {
        return new JobRecord(jobId, name, config, status, submissionTime, completionTime, failureText, transitions,
                lastSnapshot, cause);
    }

    /** One status change of a job. */
    public record Transition(JobStatus status, long timeMillis) implements Serializable {
        public Transition {
            requireNonNull(status, "status is null");
        }
    }
}
