package io.contrail.jet.aggregate;

import io.contrail.jet.function.ToLongFunctionEx;

/**
 * An additive {@code long} aggregation: the result is the sum of {@link #valueFn()} over the
 * items, so combining adds, deducting subtracts and the accumulator is a single {@code long}.
 * {@link AggregateOperations#counting()} (every item is worth 1) and
 * {@link AggregateOperations#summingLong} are the two instances.
 *
 * <p>The operation works anywhere an {@link AggregateOperation} does; the long-key processors of
 * {@code io.contrail.jet.processor.AggregateProcessors} ({@code ...LongKey}) use {@link #valueFn()}
 * directly and keep primitive {@code long}s in primitive hash tables, allocating nothing per item.
 *
 * @param <T> the item type
 */
public interface LongAggregateOperation<T> extends AggregateOperation<T, LongAccumulator, Long> {

    /** The amount each item adds to the sum; returns 1 for counting. */
    ToLongFunctionEx<? super T> valueFn();

    /** Whether every item adds exactly 1 (counting), so processors may skip calling {@link #valueFn()}. */
    boolean isCounting();
}
