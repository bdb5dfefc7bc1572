package io.contrail.sql.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Traverser;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A batch source of fixed rows ({@code VALUES}, a constant {@code SELECT}); run it with local
 * parallelism 1. Cooperative.
 */
public final class RowsP extends AbstractProcessor {

    private final Traverser<Object[]> traverser;

    private RowsP(List<Object[]> rows) {
        this.traverser = Traverser.traverseIterable(rows);
    }

    public static ProcessorSupplier supplier(List<Object[]> rows) {
        ArrayList<Object[]> copy = new ArrayList<>(requireNonNull(rows, "rows is null"));
        return () -> new RowsP(copy);
    }

    @Override
    public boolean complete() {
        return emitFromTraverser(traverser);
    }
}
