package io.contrail.jet.aggregate;

import io.contrail.jet.function.BiConsumerEx;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.function.SupplierEx;

import static java.util.Objects.requireNonNull;

/** The plain {@link AggregateOperation}: a holder of its functions. */
record AggregateOperationImpl<T, A, R>(
        SupplierEx<A> createFn,
        BiConsumerEx<? super A, ? super T> accumulateFn,
        BiConsumerEx<? super A, ? super A> combineFn,
        BiConsumerEx<? super A, ? super A> deductFn,
        FunctionEx<? super A, ? extends R> exportFn,
        FunctionEx<? super A, ? extends R> finishFn
) implements AggregateOperation<T, A, R> {

    AggregateOperationImpl {
        requireNonNull(createFn, "createFn is null");
        requireNonNull(accumulateFn, "accumulateFn is null");
        requireNonNull(combineFn, "combineFn is null");
        requireNonNull(exportFn, "exportFn is null");
        requireNonNull(finishFn, "finishFn is null");
    }
}
