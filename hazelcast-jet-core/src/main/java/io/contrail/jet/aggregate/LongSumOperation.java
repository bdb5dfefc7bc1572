package io.contrail.jet.aggregate;

import io.contrail.jet.function.BiConsumerEx;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.function.SupplierEx;
import io.contrail.jet.function.ToLongFunctionEx;

import static java.util.Objects.requireNonNull;

/** The {@link LongAggregateOperation} of counting and summing. */
record LongSumOperation<T>(ToLongFunctionEx<? super T> valueFn, boolean isCounting) implements LongAggregateOperation<T> {

    LongSumOperation {
        requireNonNull(valueFn, "valueFn is null");
    }

    @Override
    public SupplierEx<LongAccumulator> createFn() {
        return LongAccumulator::new;
    }

    @Override
    public BiConsumerEx<? super LongAccumulator, ? super T> accumulateFn() {
        if (isCounting) {
            return (acc, item) -> acc.add(1);
        }
        ToLongFunctionEx<? super T> fn = valueFn;
        return (acc, item) -> acc.add(fn.applyAsLong(item));
    }

    @Override
    public BiConsumerEx<? super LongAccumulator, ? super LongAccumulator> combineFn() {
        return LongAccumulator::addAccumulator;
    }

    @Override
    public BiConsumerEx<? super LongAccumulator, ? super LongAccumulator> deductFn() {
        return LongAccumulator::subtractAccumulator;
    }

    @Override
    public FunctionEx<? super LongAccumulator, Long> exportFn() {
        return LongAccumulator::get;
    }

    @Override
    public FunctionEx<? super LongAccumulator, Long> finishFn() {
        return LongAccumulator::get;
    }
}
