package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.AccumulationLimitExceededException;
import io.contrail.jet.core.Processor;

/**
 * Counts the accumulators a processor keeps and fails with
 * {@link AccumulationLimitExceededException} when they would exceed the cap: the lower of the
 * factory's argument and the job's {@code JobConfig.maxProcessorAccumulatedRecords}.
 */
final class RecordLimit {

    private final long max;
    /** The lower of {@link #max} and the job's cap, once the context is known; 0 before. */
    private long limit;
    private long count;

    RecordLimit(long max) {
        if (max <= 0) {
            throw new IllegalArgumentException("maxAccumulatedRecords must be positive, got " + max);
        }
        this.max = max;
    }

    /** Counts one more record; throws when over the cap. */
    void increment(Processor.Context context, Object processor) {
        if (limit == 0) {
            limit = effectiveLimit(context, max);
        }
        if (++count > limit) {
            count--;
            throw new AccumulationLimitExceededException(processorName(context, processor), limit);
        }
    }

    /** The lower of the factory's cap and the job's. */
    static long effectiveLimit(Processor.Context context, long factoryLimit) {
        return context == null ? factoryLimit : Math.min(factoryLimit, context.maxProcessorAccumulatedRecords());
    }

    void decrement(long n) {
        count -= n;
    }

    long count() {
        return count;
    }

    static String processorName(Processor.Context context, Object processor) {
        return context == null ? processor.getClass().getSimpleName()
                : "Processor " + context.globalProcessorIndex() + " of vertex '" + context.vertexName() + "'";
    }
}
