package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.core.Inbox;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Batch aggregation by key, in one of three roles:
 * <ul>
 *     <li>{@link #accumulate}: the first stage; accumulates items per key and, on
 *     {@code complete()}, emits one {@code Map.Entry<K, A>} (key, accumulator) per key;</li>
 *     <li>{@link #combine}: the second stage, behind an edge partitioned by
 *     {@code Map.Entry::getKey}; combines the partial entries per key and, on {@code complete()},
 *     emits {@code mapToOutputFn(key, result)} per key;</li>
 *     <li>{@link #aggregate}: both in one; accumulates items and emits results.</li>
 * </ul>
 * Watermarks pass through. An entry leaves the state only once the outbox took its output, so a
 * snapshot in the middle of {@code complete()} saves exactly what is still to emit.
 *
 * <p>Snapshot: one entry per key, {@code (key, accumulator)}. Restoring an entry whose key is
 * already present combines the two (state of several first-stage processors may meet in one).
 *
 * @param <T>   the input item type
 * @param <K>   the key type
 * @param <A>   the accumulator type
 * @param <R>   the result type
 * @param <OUT> the output item type
 */
public final class AggregateByKeyP<T, K, A, R, OUT> extends AbstractKeyedAccumulatorP<K, A> {

    private final boolean combineInput;
    private final boolean emitPartials;
    private final Function<? super T, ? extends K> keyFn;
    private final BiConsumer<? super A, ? super T> accumulateFn;
    private final BiConsumer<? super A, ? super A> combineFn;
    private final Function<? super A, ? extends R> finishFn;
    private final BiFunction<? super K, ? super R, ? extends OUT> mapToOutputFn;

    private Iterator<Map.Entry<K, A>> completeIterator;
    private Object pendingOutput;

    @SuppressWarnings("unchecked")
    private AggregateByKeyP(boolean combineInput, boolean emitPartials, Function<? super T, ? extends K> keyFn,
                            AggregateOperation<? super T, A, ? extends R> op,
                            BiFunction<? super K, ? super R, ? extends OUT> mapToOutputFn, long maxAccumulatedRecords) {
        super(op.createFn(), op.combineFn(), maxAccumulatedRecords);
        this.combineInput = combineInput;
        this.emitPartials = emitPartials;
        this.keyFn = keyFn;
        this.accumulateFn = (BiConsumer<? super A, ? super T>) op.accumulateFn();
        this.combineFn = op.combineFn();
        this.finishFn = op.finishFn();
        this.mapToOutputFn = mapToOutputFn;
    }

    /** The first stage: emits {@code Map.Entry<K, A>}. */
    public static <T, K, A> AggregateByKeyP<T, K, A, Object, Object> accumulate(
            Function<? super T, ? extends K> keyFn, AggregateOperation<? super T, A, ?> op, long maxAccumulatedRecords) {
        return new AggregateByKeyP<>(false, true, requireNonNull(keyFn, "keyFn is null"), op, null, maxAccumulatedRecords);
    }

    /** The second stage: consumes {@code Map.Entry<K, A>}, emits {@code mapToOutputFn(key, result)}. */
    public static <K, A, R, OUT> AggregateByKeyP<Object, K, A, R, OUT> combine(
            AggregateOperation<?, A, ? extends R> op, BiFunction<? super K, ? super R, ? extends OUT> mapToOutputFn,
            long maxAccumulatedRecords) {
        @SuppressWarnings("unchecked")
        AggregateOperation<Object, A, ? extends R> anyOp = (AggregateOperation<Object, A, ? extends R>) op;
        return new AggregateByKeyP<>(true, false, null, anyOp, requireNonNull(mapToOutputFn, "mapToOutputFn is null"),
                maxAccumulatedRecords);
    }

    /** Single stage: consumes items, emits {@code mapToOutputFn(key, result)}. */
    public static <T, K, A, R, OUT> AggregateByKeyP<T, K, A, R, OUT> aggregate(
            Function<? super T, ? extends K> keyFn, AggregateOperation<? super T, A, ? extends R> op,
            BiFunction<? super K, ? super R, ? extends OUT> mapToOutputFn, long maxAccumulatedRecords) {
        return new AggregateByKeyP<>(false, false, requireNonNull(keyFn, "keyFn is null"), op,
                requireNonNull(mapToOutputFn, "mapToOutputFn is null"), maxAccumulatedRecords);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(int ordinal, Inbox inbox) {
        if (combineInput) {
            for (Object item; (item = inbox.poll()) != null; ) {
                Map.Entry<K, A> partial = (Map.Entry<K, A>) item;
                combineFn.accept(accumulatorOf(partial.getKey()), partial.getValue());
            }
        } else {
            for (Object item; (item = inbox.poll()) != null; ) {
                T t = (T) item;
                accumulateFn.accept(accumulatorOf(keyFn.apply(t)), t);
            }
        }
    }

    @Override
    public boolean complete() {
        if (completeIterator == null) {
            completeIterator = groups.entrySet().iterator();
        }
        while (true) {
            if (pendingOutput == null) {
                if (!completeIterator.hasNext()) {
                    return true;
                }
                Map.Entry<K, A> entry = completeIterator.next();
                pendingOutput = emitPartials
                        ? new SimpleImmutableEntry<>(entry.getKey(), entry.getValue())
                        : mapToOutputFn.apply(entry.getKey(), finishFn.apply(entry.getValue()));
                if (pendingOutput != null && !tryEmit(pendingOutput)) {
                    return false;
                }
            } else if (!tryEmit(pendingOutput)) {
                return false;
            }
            completeIterator.remove();
            pendingOutput = null;
        }
    }

    /** The number of keys held. */
    public int groupCount() {
        return groups.size();
    }
}
