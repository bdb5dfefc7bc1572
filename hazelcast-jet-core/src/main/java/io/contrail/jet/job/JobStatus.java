package io.contrail.jet.job;

/** The life-cycle states of a job. */
public enum JobStatus {
    /** Submitted, not started yet. */
    NOT_RUNNING,
    /** Its execution is being set up on the members. */
    STARTING,
    /** Processors are running. */
    RUNNING,
    /** Stopped after a terminal snapshot, waiting to be resumed. */
    SUSPENDED,
    /** Suspended and exporting a snapshot. */
    SUSPENDED_EXPORTING_SNAPSHOT,
    /** Finishing: cancelling or completing, not terminal yet. */
    COMPLETING,
    /** Ended with an error or was cancelled. */
    FAILED,
    /** Ended after processing all its input. */
    COMPLETED;

    /** Whether the job can never run again. */
    public boolean isTerminal() {
        return this == FAILED || this == COMPLETED;
    }
}
