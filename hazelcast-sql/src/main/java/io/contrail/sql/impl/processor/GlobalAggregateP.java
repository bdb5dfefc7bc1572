package io.contrail.sql.impl.processor;

import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.sql.impl.aggregate.RowAggregation;
import io.contrail.sql.impl.aggregate.SqlAccumulator;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The second stage of an aggregation without GROUP BY: combines the partial accumulators of the
 * first stage and, when the input completes, emits exactly one row, also over no input at all
 * ({@code COUNT(*)} of an empty table is 0). Single processor behind an all-to-one edge.
 */
public final class GlobalAggregateP extends AbstractProcessor {

    private final RowAggregation aggregation;
    private final AggregateOperation<Object[], SqlAccumulator[], Object[]> operation;
    private SqlAccumulator[] total;
    private boolean emitted;

    private GlobalAggregateP(RowAggregation aggregation) {
        this.aggregation = aggregation;
        this.operation = aggregation.operation();
    }

    public static ProcessorSupplier supplier(RowAggregation aggregation) {
        requireNonNull(aggregation, "aggregation is null");
        return () -> new GlobalAggregateP(aggregation);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected boolean tryProcess(int ordinal, Object item) {
        SqlAccumulator[] partial = ((Map.Entry<Object, SqlAccumulator[]>) item).getValue();
        if (total == null) {
            total = partial;
        } else {
            operation.combineFn().accept(total, partial);
        }
        return true;
    }

    @Override
    public boolean complete() {
        if (emitted) {
            return true;
        }
        Object[] row = total == null ? aggregation.emptyResult() : operation.exportFn().apply(total);
        emitted = tryEmit(row);
        return emitted;
    }
}
