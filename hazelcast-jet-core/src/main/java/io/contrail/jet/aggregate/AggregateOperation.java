package io.contrail.jet.aggregate;

import io.contrail.jet.function.BiConsumerEx;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.function.SupplierEx;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * An aggregation described by the functions that drive a mutable <em>accumulator</em> of type
 * {@code A}: items of type {@code T} go in, a result of type {@code R} comes out. Aggregating
 * processors apply these functions; the operation itself holds no state, so one instance serves
 * any number of processors and travels with the DAG (it is {@link Serializable}).
 *
 * <h2>The functions</h2>
 * <ul>
 *     <li>{@link #createFn()} (required) returns a new, empty accumulator.</li>
 *     <li>{@link #accumulateFn()} (required) adds one item to an accumulator, mutating it. It
 *     should not allocate: it runs once per input item.</li>
 *     <li>{@link #combineFn()} (required) adds the right accumulator's contents to the left one.
 *     It mutates only the left accumulator and must leave the right one untouched, since that one
 *     may still be in use (a frame of a sliding window is combined into many windows). The two
 *     may hold items in any order: the result must not depend on which partial came first
 *     (beyond ties that the operation documents).</li>
 *     <li>{@link #deductFn()} (optional, {@code null} when unsupported) undoes a
 *     {@code combineFn}: after {@code combine(a, b)}, {@code deduct(a, b)} leaves {@code a}
 *     equivalent to what it was. Sliding windows use it to slide by adding the newest frame and
 *     deducting the oldest instead of merging every frame of every window.</li>
 *     <li>{@link #exportFn()} (required) computes the result and leaves the accumulator as it
 *     was; the result must not share mutable state with the accumulator, which keeps changing
 *     (a sliding window exports the same running accumulator once per window).</li>
 *     <li>{@link #finishFn()} (defaults to {@code exportFn}) computes the result of an
 *     accumulator that is discarded right after, so it may hand out the accumulator's internals
 *     instead of copying them.</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * An accumulator is confined to one processor, and every function is called on that
 * processor's thread, never concurrently for the same accumulator. A processor that emits an
 * accumulator (a partial result of a first stage) no longer touches it; the receiver owns it.
 * The functions themselves must be safe to call from several processors at once (they should
 * be stateless) and serializable.
 *
 * <p>Create an operation with {@link AggregateOperations} or with the builder:
 * <pre>{@code
 * AggregateOperation<Trade, LongAccumulator, Long> totalQuantity = AggregateOperation
 *         .withCreate(LongAccumulator::new)
 *         .<Trade>andAccumulate((acc, trade) -> acc.add(trade.quantity()))
 *         .andCombine(LongAccumulator::addAccumulator)
 *         .andDeduct(LongAccumulator::subtractAccumulator)
 *         .andExport(LongAccumulator::get);
 * }</pre>
 *
 * @param <T> the type of the input items
 * @param <A> the type of the mutable accumulator
 * @param <R> the type of the result
 */
public interface AggregateOperation<T, A, R> extends Serializable {

    /** Returns a new, empty accumulator. Required. */
    SupplierEx<A> createFn();

    /** Adds an item to the accumulator (mutating it). Required. */
    BiConsumerEx<? super A, ? super T> accumulateFn();

    /** Adds the right accumulator's contents to the left one, leaving the right one as it was. Required. */
    BiConsumerEx<? super A, ? super A> combineFn();

    /**
     * Removes the right accumulator's contents from the left one: the inverse of
     * {@link #combineFn()}. {@code null} when the operation cannot deduct.
     */
    BiConsumerEx<? super A, ? super A> deductFn();

    /** Computes the result without changing the accumulator; the result shares no mutable state with it. Required. */
    FunctionEx<? super A, ? extends R> exportFn();

    /** Computes the result of an accumulator that is discarded right after. Defaults to {@link #exportFn()}. */
    FunctionEx<? super A, ? extends R> finishFn();

    /** Whether {@link #deductFn()} is available. */
    default boolean canDeduct() {
        return deductFn() != null;
    }

    /** This operation with its result transformed by {@code thenFn} (in both export and finish). */
    default <R1> AggregateOperation<T, A, R1> andThen(FunctionEx<? super R, ? extends R1> thenFn) {
        requireNonNull(thenFn, "thenFn is null");
        FunctionEx<? super A, ? extends R> export = exportFn();
        FunctionEx<? super A, ? extends R> finish = finishFn();
        return new AggregateOperationImpl<>(createFn(), accumulateFn(), combineFn(), deductFn(),
                a -> thenFn.apply(export.apply(a)), a -> thenFn.apply(finish.apply(a)));
    }

    /** This operation without its {@link #deductFn()}: sliding windows then merge frames. */
    default AggregateOperation<T, A, R> withoutDeduct() {
        return new AggregateOperationImpl<>(createFn(), accumulateFn(), combineFn(), null, exportFn(), finishFn());
    }

    /** Starts building an operation whose accumulators {@code createFn} creates. */
    static <A> AggregateOperationBuilder<A> withCreate(SupplierEx<A> createFn) {
        return new AggregateOperationBuilder<>(createFn);
    }
}
