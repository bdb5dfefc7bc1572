package io.contrail.jet.job;

/** Thrown on submission when an active job already has the requested name. */
public class JobAlreadyExistsException extends IllegalStateException {

    public JobAlreadyExistsException(String name, long existingJobId) {
        super("Another active job is named '" + name + "' (id " + Long.toHexString(existingJobId)
                + "): choose another name, or cancel that job first");
    }
}
