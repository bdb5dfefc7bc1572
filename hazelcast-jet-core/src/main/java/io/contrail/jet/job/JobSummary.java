package io.contrail.jet.job;

import java.time.Instant;
import java.util.Comparator;

import static java.util.Objects.requireNonNull;

/**
 * What the cluster records of one job, as {@code SHOW JOBS} shows it: read from the job records
 * that every member sees, so a member lists the jobs coordinated by other members too. A
 * point-in-time copy: it does not change as the job goes on.
 *
 * <p>The counters and the running status of a job coordinated by another member are those of its
 * record, which is written at every status change and every completed snapshot; those of a job
 * coordinated by the reading member are live.
 *
 * @param jobId             the job's id
 * @param name              the job's name, or its id in hex when it has none
 * @param kind              how the job was created
 * @param owner             the user who created it, or {@code null} when not known (API jobs)
 * @param statement         the statement that created it, or {@code null} (API jobs)
 * @param streaming         whether it is a streaming ({@code true}) or batch ({@code false}) job,
 *                          or {@code null} when its submitter did not say ({@link JobConfig#setStreaming})
 * @param status            its current status
 * @param runningStatus     a short text saying what the job is doing when that is not plain
 *                          running or ended, or {@code null}: "waiting to start", "starting from
 *                          the beginning", "resuming from snapshot 7", "restarting from exported
 *                          snapshot 'x'", "taking snapshot 12", "Suspended by the user",
 *                          "Suspended on failure: ...", "exporting snapshot 'x'", "cancelling", ...
 * @param created           when it was submitted
 * @param started           when it first became RUNNING, or {@code null} if it never did
 * @param finished          when it became COMPLETED or FAILED (cancelled jobs are FAILED), or {@code null}
 * @param modified          when its status last changed
 * @param error             why it failed ("Cancelled" when cancelled), or {@code null}
 * @param coordinatorId     the UUID of the member that coordinates it
 * @param lastSnapshot      its last complete snapshot, or {@code null}
 * @param itemsIn           items its sources emitted, summed over all its executions (items
 *                          replayed after a restart count again)
 * @param itemsOut          items its sinks (vertices without outputs) received, summed likewise
 * @param fractionCompleted 1.0 for a COMPLETED job; {@code null} otherwise, because the engine
 *                          does not know how much input a source has left
 */
public record JobSummary(long jobId, String name, JobKind kind, String owner, String statement, Boolean streaming,
                         JobStatus status, String runningStatus, Instant created, Instant started, Instant finished,
                         Instant modified, String error, String coordinatorId, SnapshotSummary lastSnapshot,
                         long itemsIn, long itemsOut, Double fractionCompleted) {

    /**
     * The order of {@code SHOW JOBS}: jobs that have not ended first, by start time (those not
     * started yet after them, by creation time), then ended jobs by end time; oldest first, and
     * by id between equal times.
     */
    public static final Comparator<JobSummary> SHOW_JOBS_ORDER = Comparator
            .comparing((JobSummary s) -> s.status().isTerminal())
            .thenComparing(s -> s.status().isTerminal() ? s.finished() : s.started(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(JobSummary::created)
            .thenComparingLong(JobSummary::jobId);

    public JobSummary {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(status, "status is null");
        requireNonNull(created, "created is null");
        requireNonNull(modified, "modified is null");
        requireNonNull(coordinatorId, "coordinatorId is null");
        if (status.isTerminal() && finished == null) {
            throw new IllegalArgumentException("A " + status + " job must have a finish time");
        }
    }
}
