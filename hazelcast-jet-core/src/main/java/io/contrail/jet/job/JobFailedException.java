package io.contrail.jet.job;

/** Thrown by {@link Job#join()} when the job failed; the cause is the original failure. */
public class JobFailedException extends RuntimeException {

    public JobFailedException(String jobName, Throwable cause) {
        super("Job '" + jobName + "' failed: " + cause, cause);
    }
}
