package io.contrail.jet.aggregate;

import io.contrail.jet.function.BiConsumerEx;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.function.SupplierEx;

import static java.util.Objects.requireNonNull;

/**
 * Builds an {@link AggregateOperation} step by step: {@code withCreate}, {@code andAccumulate},
 * {@code andCombine}, optionally {@code andDeduct}, then {@code andExport} or
 * {@code andExportFinish}. Start with {@link AggregateOperation#withCreate}.
 *
 * @param <A> the accumulator type
 */
public final class AggregateOperationBuilder<A> {

    private final SupplierEx<A> createFn;

    AggregateOperationBuilder(SupplierEx<A> createFn) {
        this.createFn = requireNonNull(createFn, "createFn is null");
    }

    /** Sets the function that adds one item to an accumulator. */
    public <T> Accumulating<T, A> andAccumulate(BiConsumerEx<? super A, ? super T> accumulateFn) {
        return new Accumulating<>(createFn, requireNonNull(accumulateFn, "accumulateFn is null"));
    }

    /**
     * The step after {@code andAccumulate}.
     *
     * @param <T> the item type
     * @param <A> the accumulator type
     */
    public static final class Accumulating<T, A> {
        private final SupplierEx<A> createFn;
        private final BiConsumerEx<? super A, ? super T> accumulateFn;
        private BiConsumerEx<? super A, ? super A> combineFn;
        private BiConsumerEx<? super A, ? super A> deductFn;

        private Accumulating(SupplierEx<A> createFn, BiConsumerEx<? super A, ? super T> accumulateFn) {
            this.createFn = createFn;
            this.accumulateFn = accumulateFn;
        }

        /** Sets the function that adds the right accumulator to the left one (required). */
        public Accumulating<T, A> andCombine(BiConsumerEx<? super A, ? super A> combineFn) {
            this.combineFn = requireNonNull(combineFn, "combineFn is null");
            return this;
        }

        /** Sets the inverse of the combine function (optional). */
        public Accumulating<T, A> andDeduct(BiConsumerEx<? super A, ? super A> deductFn) {
            this.deductFn = requireNonNull(deductFn, "deductFn is null");
            return this;
        }

        /** Finishes with {@code exportFn}, which also serves as the finish function. */
        public <R> AggregateOperation<T, A, R> andExport(FunctionEx<? super A, ? extends R> exportFn) {
            return andExportFinish(exportFn, exportFn);
        }

        /** Finishes with separate export and finish functions; see {@link AggregateOperation#finishFn()}. */
        public <R> AggregateOperation<T, A, R> andExportFinish(FunctionEx<? super A, ? extends R> exportFn,
                                                              FunctionEx<? super A, ? extends R> finishFn) {
            if (combineFn == null) {
                throw new IllegalStateException("combineFn is required: call andCombine() before andExport()");
            }
            return new AggregateOperationImpl<>(createFn, accumulateFn, combineFn, deductFn,
                    requireNonNull(exportFn, "exportFn is null"), requireNonNull(finishFn, "finishFn is null"));
        }
    }
}
