package io.contrail.sql.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Traverser;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * ORDER BY with optional OFFSET and LIMIT over a bounded input: keeps every row, sorts when the
 * input completes, then emits rows {@code offset} to {@code offset + fetch}. The sort is stable,
 * so equal rows keep their arrival order. Run it as a single processor behind an all-to-one
 * edge. Cooperative; memory grows with the input.
 */
public final class SortP extends AbstractProcessor {

    private final RowComparator comparator;
    private final long offset;
    private final long fetch;
    private final List<Object[]> rows = new ArrayList<>();
    private Traverser<Object[]> output;

    private SortP(RowComparator comparator, long offset, long fetch) {
        this.comparator = comparator;
        this.offset = offset;
        this.fetch = fetch;
    }

    /**
     * @param comparator the order
     * @param fetch      the most rows to emit, or {@code -1} for all
     */
    public static ProcessorSupplier supplier(RowComparator comparator, long offset, long fetch) {
        requireNonNull(comparator, "comparator is null");
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
        return () -> new SortP(comparator, offset, fetch);
    }

    @Override
    protected boolean tryProcess(int ordinal, Object item) {
        rows.add((Object[]) requireNonNull(item));
        return true;
    }

    @Override
    public boolean complete() {
        if (output == null) {
            rows.sort(comparator);
            int from = (int) Math.min(offset, rows.size());
            int to = fetch < 0 ? rows.size() : (int) Math.min(rows.size(), offset + fetch);
            output = Traverser.traverseIterable(rows.subList(from, Math.max(from, to)));
        }
        return emitFromTraverser(output);
    }
}
