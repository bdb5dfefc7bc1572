package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.function.BiFunctionEx;
import io.contrail.jet.function.FunctionEx;

import static java.util.Objects.requireNonNull;

/**
 * A rolling aggregation per key: for each item, accumulates it into its key's accumulator and
 * emits {@code mapToOutputFn(key, result so far)} at once (a running count, a running maximum).
 * Watermarks are forwarded. Put it behind an edge partitioned by the same key.
 *
 * <p>Snapshot: one entry per key, the key itself as the snapshot key (so that it is restored into
 * the processor that owns the key) and the accumulator as value; entries restored for the same
 * key are combined.
 *
 * @param <T>   the item type
 * @param <K>   the key type
 * @param <A>   the accumulator type
 * @param <R>   the result type
 * @param <OUT> the output type
 */
public final class RollingAggregateP<T, K, A, R, OUT> extends AbstractKeyedAccumulatorP<K, A> {

    private final FunctionEx<? super T, ? extends K> keyFn;
    private final AggregateOperation<? super T, A, ? extends R> op;
    private final BiFunctionEx<? super K, ? super R, ? extends OUT> mapToOutputFn;

    /** The output of the item being processed, refused by the outbox; the item is accumulated already. */
    private Object pendingOutput;

    public RollingAggregateP(FunctionEx<? super T, ? extends K> keyFn, AggregateOperation<? super T, A, ? extends R> op,
                             BiFunctionEx<? super K, ? super R, ? extends OUT> mapToOutputFn, long maxAccumulatedRecords) {
        super(op.createFn(), op.combineFn(), maxAccumulatedRecords);
        this.keyFn = requireNonNull(keyFn, "keyFn is null");
        this.op = requireNonNull(op, "op is null");
        this.mapToOutputFn = requireNonNull(mapToOutputFn, "mapToOutputFn is null");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected boolean tryProcess(int ordinal, Object item) {
        if (pendingOutput == null) {
            T t = (T) item;
            K key = keyFn.apply(t);
            A acc = accumulatorOf(key);
            op.accumulateFn().accept(acc, t);
            pendingOutput = mapToOutputFn.apply(key, op.exportFn().apply(acc));
        }
        if (pendingOutput != null && !tryEmit(pendingOutput)) {
            return false;
        }
        pendingOutput = null;
        return true;
    }
}
