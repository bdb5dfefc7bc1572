package io.contrail.jet.aggregate;

/**
 * Thrown by an aggregating processor that would keep more accumulators (groups, or group-and-frame
 * pairs, or sessions) than its cap, {@code maxProcessorAccumulatedRecords}. The job fails with it.
 */
public class AccumulationLimitExceededException extends RuntimeException {

    public AccumulationLimitExceededException(String processor, long limit) {
        super(processor + " exceeded maxProcessorAccumulatedRecords=" + limit
                + ": it keeps more accumulators than the cap allows. Raise the cap (JobConfig.setMaxProcessorAccumulatedRecords"
                + " or the factory's maxAccumulatedRecords argument), use fewer keys, or increase the parallelism");
    }
}
