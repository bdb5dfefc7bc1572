package io.contrail.jet.aggregate;

import io.contrail.jet.function.BiConsumerEx;
import io.contrail.jet.function.ComparatorEx;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.function.SupplierEx;
import io.contrail.jet.function.ToDoubleFunctionEx;
import io.contrail.jet.function.ToLongFunctionEx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

import static java.util.Objects.requireNonNull;

/**
 * Ready-made {@link AggregateOperation}s. Each says which functions it supports; all support
 * {@code combineFn}, so all work in two-stage and windowed aggregation.
 */
public final class AggregateOperations {

    private AggregateOperations() {
    }

    /** Counts the items. Deducts. Result: the count; the long-key processors take it without boxing. */
    public static <T> LongAggregateOperation<T> counting() {
        return new LongSumOperation<>(item -> 1L, true);
    }

    /**
     * Sums {@code valueFn} over the items, wrapping around on overflow like Java's {@code long}.
     * Deducts. The long-key processors take it without boxing.
     */
    public static <T> LongAggregateOperation<T> summingLong(ToLongFunctionEx<? super T> valueFn) {
        return new LongSumOperation<>(requireNonNull(valueFn, "valueFn is null"), false);
    }

    /**
     * Sums {@code valueFn} over the items. Deducts, with floating-point rounding: a sliding window's
     * sum may differ in the last bits from a sum computed from scratch.
     */
    public static <T> AggregateOperation<T, DoubleAccumulator, Double> summingDouble(ToDoubleFunctionEx<? super T> valueFn) {
        requireNonNull(valueFn, "valueFn is null");
        return AggregateOperation
                .withCreate(DoubleAccumulator::new)
                .<T>andAccumulate((acc, item) -> acc.add(valueFn.applyAsDouble(item)))
                .andCombine(DoubleAccumulator::addAccumulator)
                .andDeduct(DoubleAccumulator::subtractAccumulator)
                .andExport(DoubleAccumulator::get);
    }

    /**
     * The arithmetic mean of {@code valueFn} over the items ({@code NaN} for none). Deducts. The sum
     * is a {@code long} and wraps around on overflow.
     */
    public static <T> AggregateOperation<T, LongLongAccumulator, Double> averagingLong(ToLongFunctionEx<? super T> valueFn) {
        requireNonNull(valueFn, "valueFn is null");
        return AggregateOperation
                .withCreate(LongLongAccumulator::new)
                .<T>andAccumulate((acc, item) -> acc.add(valueFn.applyAsLong(item), 1))
                .andCombine(LongLongAccumulator::addAccumulator)
                .andDeduct(LongLongAccumulator::subtractAccumulator)
                .andExport(acc -> acc.get2() == 0 ? Double.NaN : (double) acc.get1() / acc.get2());
    }

    /** The arithmetic mean of {@code valueFn} over the items ({@code NaN} for none). Deducts, with rounding as {@link #summingDouble}. */
    public static <T> AggregateOperation<T, LongDoubleAccumulator, Double> averagingDouble(ToDoubleFunctionEx<? super T> valueFn) {
        requireNonNull(valueFn, "valueFn is null");
        return AggregateOperation
                .withCreate(LongDoubleAccumulator::new)
                .<T>andAccumulate((acc, item) -> acc.add(1, valueFn.applyAsDouble(item)))
                .andCombine(LongDoubleAccumulator::addAccumulator)
                .andDeduct(LongDoubleAccumulator::subtractAccumulator)
                .andExport(acc -> acc.getLong() == 0 ? Double.NaN : acc.getDouble() / acc.getLong());
    }

    /**
     * The least item by {@code comparator} ({@code null} for none). Does not deduct. Of equal items
     * it keeps the one it saw first within an accumulator; across combined partials which one wins
     * depends on the order of combining.
     */
    public static <T> AggregateOperation<T, MutableReference<T>, T> minBy(ComparatorEx<? super T> comparator) {
        requireNonNull(comparator, "comparator is null");
        return maxBy(comparator.reversed());
    }

    /** The greatest item by {@code comparator} ({@code null} for none). Does not deduct. Ties as {@link #minBy}. */
    public static <T> AggregateOperation<T, MutableReference<T>, T> maxBy(ComparatorEx<? super T> comparator) {
        requireNonNull(comparator, "comparator is null");
        return AggregateOperation
                .withCreate(MutableReference<T>::new)
                .<T>andAccumulate((acc, item) -> {
                    if (acc.isNull() || comparator.compare(item, acc.get()) > 0) {
                        acc.set(item);
                    }
                })
                .andCombine((acc, that) -> {
                    if (!that.isNull() && (acc.isNull() || comparator.compare(that.get(), acc.get()) > 0)) {
                        acc.set(that.get());
                    }
                })
                .andExport(MutableReference::get);
    }

    /**
     * The {@code n} greatest items by {@code comparator}, greatest first. Does not deduct. The
     * accumulator is a heap of at most {@code n} items; ties as {@link #minBy}.
     */
    public static <T> AggregateOperation<T, PriorityQueue<T>, List<T>> topN(int n, ComparatorEx<? super T> comparator) {
        requireNonNull(comparator, "comparator is null");
        if (n <= 0) {
            throw new IllegalArgumentException("topN needs a positive n, got " + n);
        }
        BiConsumerEx<PriorityQueue<T>, T> offer = (heap, item) -> {
            if (heap.size() < n) {
                heap.add(item);
            } else if (comparator.compare(item, heap.peek()) > 0) {
                heap.poll();
                heap.add(item);
            }
        };
        ComparatorEx<? super T> descending = comparator.reversed();
        return AggregateOperation
                .withCreate((SupplierEx<PriorityQueue<T>>) () -> new PriorityQueue<>(comparator))
                .<T>andAccumulate(offer)
                .andCombine((heap, that) -> {
                    for (T item : that) {
                        offer.accept(heap, item);
                    }
                })
                .andExport(heap -> {
                    List<T> list = new ArrayList<>(heap);
                    list.sort(descending);
                    return list;
                });
    }

    /**
     * Runs several operations over the same items; the result lists their results in order. Deducts
     * when all of them do. The accumulator is a list of theirs.
     */
    @SafeVarargs
    public static <T> AggregateOperation<T, List<Object>, List<Object>> allOf(AggregateOperation<? super T, ?, ?>... operations) {
        if (operations.length == 0) {
            throw new IllegalArgumentException("allOf needs at least one operation");
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        AggregateOperation<T, Object, Object>[] ops = new AggregateOperation[operations.length];
        boolean canDeduct = true;
        for (int i = 0; i < operations.length; i++) {
            @SuppressWarnings("unchecked")
            AggregateOperation<T, Object, Object> op = (AggregateOperation<T, Object, Object>) operations[i];
            ops[i] = requireNonNull(op, "an operation is null");
            canDeduct &= op.canDeduct();
        }
        SupplierEx<List<Object>> createFn = () -> {
            List<Object> accs = new ArrayList<>(ops.length);
            for (AggregateOperation<T, Object, Object> op : ops) {
                accs.add(op.createFn().get());
            }
            return accs;
        };
        BiConsumerEx<List<Object>, T> accumulateFn = (accs, item) -> {
            for (int i = 0; i < ops.length; i++) {
                ops[i].accumulateFn().accept(accs.get(i), item);
            }
        };
        BiConsumerEx<List<Object>, List<Object>> combineFn = (accs, that) -> {
            for (int i = 0; i < ops.length; i++) {
                ops[i].combineFn().accept(accs.get(i), that.get(i));
            }
        };
        BiConsumerEx<List<Object>, List<Object>> deductFn = canDeduct ? (accs, that) -> {
            for (int i = 0; i < ops.length; i++) {
                ops[i].deductFn().accept(accs.get(i), that.get(i));
            }
        } : null;
        FunctionEx<List<Object>, List<Object>> exportFn = accs -> {
            List<Object> results = new ArrayList<>(ops.length);
            for (int i = 0; i < ops.length; i++) {
                results.add(ops[i].exportFn().apply(accs.get(i)));
            }
            return Collections.unmodifiableList(results);
        };
        FunctionEx<List<Object>, List<Object>> finishFn = accs -> {
            List<Object> results = new ArrayList<>(ops.length);
            for (int i = 0; i < ops.length; i++) {
                results.add(ops[i].finishFn().apply(accs.get(i)));
            }
            return Collections.unmodifiableList(results);
        };
        return new AggregateOperationImpl<>(createFn, accumulateFn, combineFn, deductFn, exportFn, finishFn);
    }
}
