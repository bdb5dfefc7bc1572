package io.contrail.jet.job;

/**
 * Thrown by a source processor that cannot continue from the position its snapshot saved, for
 * example because the data at that offset has expired from the external system. A source throws
 * it from {@link io.contrail.jet.core.Processor#restoreFromSnapshot} or
 * {@link io.contrail.jet.core.Processor#finishSnapshotRestore()}; the job then fails (it does not
 * start from another position silently), and this exception, naming the vertex and the snapshot,
 * is the job's failure cause ({@link Job#getFailureCause()}) and its recorded error. To run the
 * job again, submit it anew: from the beginning, or from an exported snapshot whose positions the
 * source still has.
 */
public class SourcePositionUnavailableException extends RuntimeException {

    /**
     * @param message what position the source could not serve and why, for example
     *                "offset 1042 of partition 3 of topic 'orders' has expired (earliest is 5000)"
     */
    public SourcePositionUnavailableException(String message) {
        super(message);
    }

    public SourcePositionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
