package io.contrail.sql.impl.jobs;

import io.contrail.jet.ContrailInstance;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.JobSummary;
import io.contrail.jet.job.SourcePositionUnavailableException;
import io.contrail.snapshot.ExportedSnapshotInfo;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.impl.users.JobAccess;
import io.contrail.sql.impl.exec.JobOptions;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the job-management statements do to one job, each returning a {@link JobReport} instead
 * of throwing: DONE when the job changed (the statement waited, up to
 * {@link JobWaits#STATE_CHANGE_WAIT}, for the state its action leads to), SKIPPED when it already
 * was there, ERROR when the action does not apply to the job's state, the job does not exist, or
 * another member coordinates it (only the coordinator holds a {@link Job} handle so far).
 *
 * <p>The state rules, after the reference documents: only a RUNNING job pauses (a paused one is
 * skipped); only a paused (SUSPENDED) job resumes, continuing from its last snapshot, and a
 * resume whose source can no longer serve that position fails saying so; only a RUNNING job
 * restarts; a job that has not ended can be cancelled (a cancelled one is skipped); a RUNNING or
 * SUSPENDED job can export a snapshot.
 *
 * <p>Privileges first: a user acts only on the jobs {@link JobAccess} lets them control; for any
 * other the report is an ERROR with {@link SqlErrorCode#PERMISSION_DENIED}, and nothing changes.
 *
 * <p>Threading: thread-safe; no state besides the member.
 */
final class JobActions {

    private final ContrailInstance member;
    private final JobAccess access;

    JobActions(ContrailInstance member, JobAccess access) {
        this.member = requireNonNull(member, "member is null");
        this.access = requireNonNull(access, "access is null");
    }

    /** The report for a job id no job has. */
    static JobReport notFound(long jobId, String action) {
        return JobReport.error(jobId, null, action, SqlErrorCode.JOB_NOT_FOUND, notFoundMessage(jobId));
    }

    /** Why no job has that id. */
    static String notFoundMessage(long jobId) {
        return "No job has id " + jobId + ": it never existed, or it ended longer than the job retention time ago;"
                + " SHOW JOBS lists the jobs";
    }

    /** PAUSE JOB, ALTER JOB ... SUSPEND: suspends a RUNNING job after a terminal snapshot. */
    JobReport pause(JobSummary summary, String action) {
        if (!access.mayControl(summary)) {
            return denied(summary, action);
        }
        JobStatus status = summary.status();
        if (status == JobStatus.SUSPENDED || status == JobStatus.SUSPENDED_EXPORTING_SNAPSHOT) {
            return JobReport.skipped(summary.jobId(), summary.name(), action, "Job '" + summary.name()
                    + "' is already paused (" + status + ")");
        }
        if (status != JobStatus.RUNNING) {
            return wrongState(summary, action, "only a RUNNING job can be paused");
        }
        return withHandle(summary, action, job -> {
            job.suspend();
            JobStatus reached = JobWaits.until(job, s -> s == JobStatus.SUSPENDED || s.isTerminal());
            if (reached != JobStatus.SUSPENDED) {
                return JobReport.done(summary.jobId(), summary.name(), action, "Pausing job '" + summary.name()
                        + "': it takes a terminal snapshot, then stops; it is " + reached + " for now");
            }
            return JobReport.done(summary.jobId(), summary.name(), action, "Paused job '" + summary.name()
                    + "' after a terminal snapshot; RESUME JOB " + summary.jobId() + " continues it from there");
        });
    }

    /**
     * RESUME JOB, ALTER JOB ... [OPTIONS (...)] RESUME: resumes a SUSPENDED job from its last
     * snapshot, with the options changed if any are given.
     *
     * @param options alterable options, validated by the parser; empty for none
     */
    JobReport resume(JobSummary summary, String action, Map<String, String> options) {
        if (!access.mayControl(summary)) {
            return denied(summary, action);
        }
        JobStatus status = summary.status();
        if (status == JobStatus.SUSPENDED_EXPORTING_SNAPSHOT) {
            return wrongState(summary, action, "it resumes once the export is over and it is SUSPENDED again");
        }
        if (status != JobStatus.SUSPENDED) {
            return wrongState(summary, action, "only a paused (SUSPENDED) job resumes");
        }
        return withHandle(summary, action, job -> {
            if (options.isEmpty()) {
                job.resume();
            } else {
                job.resume(JobOptions.apply(options, job.getConfig().copy()));
            }
            // a start that fails goes through COMPLETING to FAILED
            JobStatus reached = JobWaits.until(job, s -> s == JobStatus.RUNNING || s.isTerminal());
            if (reached.isTerminal()) {
                return failedToResume(summary, action, job);
            }
            String from = job.getLastSnapshot().map(s -> "from snapshot " + s.snapshotId()).orElse("from the beginning");
            String changed = options.isEmpty() ? "" : " with " + String.join(", ", options.keySet()) + " changed";
            return JobReport.done(summary.jobId(), summary.name(), action, (reached == JobStatus.RUNNING ? "Resumed"
                    : "Resuming") + " job '" + summary.name() + "' " + from + changed);
        });
    }

    /** ALTER JOB ... RESTART: restarts a RUNNING job from its last snapshot. */
    JobReport restart(JobSummary summary, String action) {
        if (!access.mayControl(summary)) {
            return denied(summary, action);
        }
        if (summary.status() != JobStatus.RUNNING) {
            return wrongState(summary, action, "only a RUNNING job restarts"
                    + (summary.status() == JobStatus.SUSPENDED ? "; a paused one resumes with ALTER JOB ... RESUME" : ""));
        }
        return withHandle(summary, action, job -> {
            job.restart();
            String from = job.getLastSnapshot().map(s -> "from snapshot " + s.snapshotId()).orElse("from the beginning");
            return JobReport.done(summary.jobId(), summary.name(), action, "Restarting job '" + summary.name() + "' " + from);
        });
    }

    /**
     * CANCEL JOB, DROP JOB [WITH SNAPSHOT s]: ends a job that has not ended, first exporting its
     * state as snapshot {@code exportAs} when that is not {@code null}.
     */
    JobReport cancel(JobSummary summary, String action, String exportAs) {
        if (!access.mayControl(summary)) {
            return denied(summary, action);
        }
        JobStatus status = summary.status();
        if (status.isTerminal() && "Cancelled".equals(summary.error())) {
            return JobReport.skipped(summary.jobId(), summary.name(), action, "Job '" + summary.name()
                    + "' is already cancelled");
        }
        if (status.isTerminal()) {
            return wrongState(summary, action, "it has ended already");
        }
        if (status == JobStatus.COMPLETING) {
            return JobReport.skipped(summary.jobId(), summary.name(), action, "Job '" + summary.name()
                    + "' is already ending (COMPLETING)");
        }
        return withHandle(summary, action, job -> {
            boolean wasRunning = job.getStatus() != JobStatus.SUSPENDED;
            try {
                if (exportAs == null) {
                    job.cancel();
                } else {
                    job.cancelAndExportSnapshot(exportAs);
                }
            } catch (IllegalArgumentException e) {
                return JobReport.error(summary.jobId(), summary.name(), action, SqlErrorCode.INVALID_NAME, e.getMessage());
            }
            // a failed export suspends the job instead of cancelling it
            JobStatus reached = JobWaits.until(job, s -> s.isTerminal() || (exportAs != null && wasRunning
                    && s == JobStatus.SUSPENDED));
            if (reached == JobStatus.SUSPENDED) {
                return JobReport.error(summary.jobId(), summary.name(), action, SqlErrorCode.EXECUTION_FAILED,
                        "Job '" + summary.name() + "' could not export snapshot '" + exportAs + "', so it is suspended, not"
                        + " cancelled: " + job.getSuspensionCause().orElse("no cause recorded")
                        + "; DROP JOB without WITH SNAPSHOT cancels it anyway");
            }
            String exported = exportAs == null ? "" : " after exporting snapshot '" + exportAs + "'";
            return JobReport.done(summary.jobId(), summary.name(), action, (reached.isTerminal() ? "Cancelled" : "Cancelling")
                    + " job '" + summary.name() + "'" + exported);
        });
    }

    /**
     * CREATE [OR REPLACE] SNAPSHOT: exports a snapshot of a RUNNING job (taken now) or of a
     * SUSPENDED one (its last), which goes on as it was; an export of that name is replaced.
     */
    JobReport exportSnapshot(JobSummary summary, String action, String snapshotName) {
        if (!access.mayControl(summary)) {
            return denied(summary, action);
        }
        JobStatus status = summary.status();
        if (status != JobStatus.RUNNING && status != JobStatus.SUSPENDED) {
            return wrongState(summary, action, "only a RUNNING or SUSPENDED job has a snapshot to export");
        }
        return withHandle(summary, action, job -> {
            boolean replaces;
            ExportedSnapshotInfo info;
            try {
                replaces = member.getExportedSnapshot(snapshotName).isPresent();
                info = job.exportSnapshot(snapshotName);
            } catch (IllegalArgumentException e) {
                return JobReport.error(summary.jobId(), summary.name(), action, SqlErrorCode.INVALID_NAME, e.getMessage());
            }
            return JobReport.done(summary.jobId(), summary.name(), action, "Exported snapshot " + info.snapshotId()
                    + " of job '" + summary.name() + "' as '" + info.name() + "' (" + info.entryCount() + " entries, "
                    + info.sizeBytes() + " bytes)" + (replaces ? ", replacing the earlier snapshot of that name" : ""));
        });
    }

    private JobReport withHandle(JobSummary summary, String action, Action act) {
        Optional<Job> job = member.getJob(summary.jobId());
        if (job.isEmpty()) {
            // a job coordinated by another member is controlled through it: empty means that member left
            return JobReport.error(summary.jobId(), summary.name(), action, SqlErrorCode.JOB_COORDINATOR_LEFT,
                    "Job '" + summary.name() + "' is coordinated by member " + summary.coordinatorId()
                    + ", which has left the cluster, so nothing can control the job any more");
        }
        try {
            return act.apply(job.get());
        } catch (IllegalStateException e) {
            // the job changed state between the check and the action
            return JobReport.error(summary.jobId(), summary.name(), action, SqlErrorCode.INVALID_JOB_STATE,
                    e.getMessage() + "; check SHOW JOB " + summary.jobId() + " and try again");
        }
    }

    private JobReport denied(JobSummary summary, String action) {
        return JobReport.error(summary.jobId(), summary.name(), action, SqlErrorCode.PERMISSION_DENIED,
                access.deniedMessage(summary, action.toLowerCase(Locale.ROOT)));
    }

    private static JobReport wrongState(JobSummary summary, String action, String rule) {
        return JobReport.error(summary.jobId(), summary.name(), action, SqlErrorCode.INVALID_JOB_STATE,
                "Cannot " + action + " job '" + summary.name() + "': it is " + summary.status() + "; " + rule);
    }

    private static JobReport failedToResume(JobSummary summary, String action, Job job) {
        Throwable cause = job.getFailureCause().orElse(null);
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SourcePositionUnavailableException unavailable) {
                return JobReport.error(summary.jobId(), summary.name(), action, SqlErrorCode.SOURCE_POSITION_UNAVAILABLE,
                        "Job '" + summary.name() + "' cannot resume, its source no longer has the data at its last"
                        + " position, and the job failed: " + unavailable.getMessage());
            }
        }
        return JobReport.error(summary.jobId(), summary.name(), action, SqlErrorCode.EXECUTION_FAILED,
                "Job '" + summary.name() + "' failed while resuming: " + cause);
    }

    /** An action on the job's handle. */
    @FunctionalInterface
    private interface Action {
        JobReport apply(Job job);
    }
}
