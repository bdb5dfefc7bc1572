package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.AccumulationLimitExceededException;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Traverser;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The state of a keyed, non-windowed aggregation: one accumulator per key, capped by the record
 * limit, saved as one snapshot entry per key (the key itself, so that it is restored into the
 * processor that owns the key) and combined when entries of the same key meet on restore.
 *
 * @param <K> the key type
 * @param <A> the accumulator type
 */
abstract class AbstractKeyedAccumulatorP<K, A> extends AbstractProcessor {

    final HashMap<K, A> groups = new HashMap<>();
    private final Supplier<A> createFn;
    private final BiConsumer<? super A, ? super A> combineFn;
    private final long maxAccumulatedRecords;
    private Traverser<Map.Entry<K, A>> snapshotTraverser;

    AbstractKeyedAccumulatorP(Supplier<A> createFn, BiConsumer<? super A, ? super A> combineFn, long maxAccumulatedRecords) {
        if (maxAccumulatedRecords <= 0) {
            throw new IllegalArgumentException("maxAccumulatedRecords must be positive, got " + maxAccumulatedRecords);
        }
        this.createFn = requireNonNull(createFn, "createFn is null");
        this.combineFn = requireNonNull(combineFn, "combineFn is null");
        this.maxAccumulatedRecords = maxAccumulatedRecords;
    }

    /** The key's accumulator, created (within the cap) when the key is new. */
    final A accumulatorOf(K key) {
        A acc = groups.get(key);
        if (acc == null) {
            requireNonNull(key, "the key function returned null");
            checkLimit();
            acc = createFn.get();
            groups.put(key, acc);
        }
        return acc;
    }

    private void checkLimit() {
        long limit = RecordLimit.effectiveLimit(getContext(), maxAccumulatedRecords);
        if (groups.size() >= limit) {
            throw new AccumulationLimitExceededException(RecordLimit.processorName(getContext(), this), limit);
        }
    }

    @Override
    public boolean saveToSnapshot() {
        if (snapshotTraverser == null) {
            snapshotTraverser = Traverser.traverseIterable(groups.entrySet());
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
        for (Object item; (item = inbox.poll()) != null; ) {
            Map.Entry<K, A> entry = (Map.Entry<K, A>) item;
            A existing = groups.get(entry.getKey());
            if (existing == null) {
                checkLimit();
                groups.put(entry.getKey(), entry.getValue());
            } else {
                combineFn.accept(existing, entry.getValue());
            }
        }
    }
}
