package io.contrail.sql.impl.jobs;

import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobStatus;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits, for statements that report the state their action leads to: PAUSE waits until the job
 * is SUSPENDED, RESUME until it runs (or failed to start), CANCEL and DROP JOB until it ended.
 * The engine's operations return once the change is under way.
 */
final class JobWaits {

    /** How long a statement waits for the state its action leads to before reporting the change as under way. */
    static final Duration STATE_CHANGE_WAIT = Duration.ofSeconds(30);

    private static final long MAX_POLL_MILLIS = 100;

    private JobWaits() {
    }

    /**
     * Waits until the job's status meets {@code reached} or {@link #STATE_CHANGE_WAIT} passed,
     * polling first after 1 ms, then twice as long each time up to {@value #MAX_POLL_MILLIS} ms.
     *
     * @return the last status seen
     * @throws SqlException {@link SqlErrorCode#CANCELLED} when the thread is interrupted
     */
    static JobStatus until(Job job, Predicate<JobStatus> reached) {
        long deadline = System.nanoTime() + STATE_CHANGE_WAIT.toNanos();
        long pollMillis = 1;
        JobStatus status = job.getStatus();
        while (!reached.test(status) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SqlException(SqlErrorCode.CANCELLED, "Interrupted while waiting for job '" + job.getName()
                        + "' (" + status + "); the statement's action may still take effect");
            }
            pollMillis = Math.min(pollMillis * 2, MAX_POLL_MILLIS);
            status = job.getStatus();
        }
        return status;
    }
}
