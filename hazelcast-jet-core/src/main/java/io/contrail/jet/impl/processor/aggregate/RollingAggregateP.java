package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.AccumulationLimitExceededException;
import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.function.BiFunctionEx;
import io.contrail.jet.function.FunctionEx;

import java.util.HashMap;
import java.util.Map;

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
public final class RollingAggregateP<T, K, A, R, OUT> extends AbstractProcessor {

    private final FunctionEx<? super T, ? extends K> keyFn;
    private final AggregateOperation<? super T, A, ? extends R> op;
    private final BiFunctionEx<? super K, ? super R, ? extends OUT> mapToOutputFn;
    private final long maxAccumulatedRecords;
    private final Map<K, A> accumulators = new HashMap<>();
    /** The output of the item being processed, refused by the outbox; the item is accumulated already. */
    private Object pendingOutput;
    private Traverser<Map.Entry<K, A>> snapshotTraverser;

    public RollingAggregateP(FunctionEx<? super T, ? extends K> keyFn, AggregateOperation<? super T, A, ? extends R> op,
                             BiFunctionEx<? super K, ? super R, ? extends OUT> mapToOutputFn, long maxAccumulatedRecords) {
        this.keyFn = requireNonNull(keyFn, "keyFn is null");
        this.op = requireNonNull(op, "op is null");
        this.mapToOutputFn = requireNonNull(mapToOutputFn, "mapToOutputFn is null");
        this.maxAccumulatedRecords = maxAccumulatedRecords;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected boolean tryProcess(int ordinal, Object item) {
        if (pendingOutput == null) {
            T t = (T) item;
            K key = requireNonNull(keyFn.apply(t), "the key function returned null");
            A acc = accumulators.get(key);
            if (acc == null) {
                long limit = RecordLimit.effectiveLimit(getContext(), maxAccumulatedRecords);
                if (accumulators.size() >= limit) {
                    throw new AccumulationLimitExceededException(
                            RecordLimit.processorName(getContext(), this), limit);
                }
                acc = op.createFn().get();
                accumulators.put(key, acc);
            }
            op.accumulateFn().accept(acc, t);
            pendingOutput = mapToOutputFn.apply(key, op.exportFn().apply(acc));
        }
        if (pendingOutput != null && !tryEmit(pendingOutput)) {
            return false;
        }
        pendingOutput = null;
        return true;
    }

    @Override
    public boolean saveToSnapshot() {
        if (snapshotTraverser == null) {
            snapshotTraverser = Traverser.traverseIterable(accumulators.entrySet());
        }
        if (!emitFromTraverserToSnapshot(snapshotTraverser)) {
            return false;
        }
        snapshotTraverser = null;
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restoreFromSnapshot(Inbox inbox) {
        for (Object o; (o = inbox.poll()) != null; ) {
            Map.Entry<K, A> entry = (Map.Entry<K, A>) o;
            A existing = accumulators.putIfAbsent(entry.getKey(), entry.getValue());
            if (existing != null) {
                op.combineFn().accept(existing, entry.getValue());
            }
        }
    }
}
