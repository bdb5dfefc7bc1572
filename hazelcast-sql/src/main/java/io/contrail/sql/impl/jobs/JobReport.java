package io.contrail.sql.impl.jobs;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlResult;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a job-management statement did to one job (or snapshot): one row of its result, with the
 * columns {@code job_id} BIGINT, {@code job_name} VARCHAR, {@code action} VARCHAR (PAUSE, RESUME,
 * CANCEL, SUSPEND, RESTART, DROP JOB, CREATE SNAPSHOT, DROP SNAPSHOT), {@code result} VARCHAR
 * ({@link Outcome}) and {@code message} VARCHAR (what happened, or why not).
 *
 * @param jobId     the job's id, or {@code null} when there is no such job
 * @param jobName   the job's name, or {@code null} when there is no such job
 * @param errorCode for {@link Outcome#ERROR}, the code a statement about one job throws; else {@code null}
 */
public record JobReport(Long jobId, String jobName, String action, Outcome outcome, String message,
                        SqlErrorCode errorCode) {

    /** The columns of a report. */
    public static final SqlRowMetadata METADATA = new SqlRowMetadata(List.of(
            new SqlColumnMetadata("job_id", SqlColumnType.BIGINT),
            new SqlColumnMetadata("job_name", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("action", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("result", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("message", SqlColumnType.VARCHAR)));

    /** How it went. */
    public enum Outcome {
        /** The job changed (or is changing) as asked. */
        DONE,
        /** Nothing to do: the job already is where the statement would take it. */
        SKIPPED,
        /** The statement cannot act on the job; the message says why and what to do. */
        ERROR
    }

    public JobReport {
        requireNonNull(action, "action is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(message, "message is null");
        if ((outcome == Outcome.ERROR) != (errorCode != null)) {
            throw new IllegalArgumentException("an error code goes with ERROR, and only with it");
        }
    }

    static JobReport done(Long jobId, String jobName, String action, String message) {
        return new JobReport(jobId, jobName, action, Outcome.DONE, message, null);
    }

    static JobReport skipped(Long jobId, String jobName, String action, String message) {
        return new JobReport(jobId, jobName, action, Outcome.SKIPPED, message, null);
    }

    static JobReport error(Long jobId, String jobName, String action, SqlErrorCode code, String message) {
        return new JobReport(jobId, jobName, action, Outcome.ERROR, message, requireNonNull(code, "code is null"));
    }

    /**
     * This report, unless it is an error: a statement about one job throws its error.
     *
     * @throws SqlException with {@link #errorCode()} and {@link #message()} for an {@link Outcome#ERROR}
     */
    JobReport orThrow() {
        if (outcome == Outcome.ERROR) {
            throw new SqlException(errorCode, message);
        }
        return this;
    }

    SqlRow toRow() {
        return new SqlRow(METADATA, Arrays.asList(jobId, jobName, action, outcome.name(), message));
    }

    /** The reports as a statement's result, in the given order. */
    static SqlResult result(List<JobReport> reports) {
        return SqlResult.ofRows(METADATA, reports.stream().map(JobReport::toRow).toList());
    }
}
