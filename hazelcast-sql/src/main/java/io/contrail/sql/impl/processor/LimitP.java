package io.contrail.sql.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.ProcessorSupplier;

/**
 * OFFSET and LIMIT without ORDER BY, on a bounded or unbounded input: drops the first
 * {@code offset} rows, passes the next {@code fetch}, drops the rest. Run it as a single
 * processor behind an all-to-one edge. Cooperative, stateless beyond a counter.
 */
public final class LimitP extends AbstractProcessor {

    private final long offset;
    private final long end;
    private long seen;

    private LimitP(long offset, long fetch) {
        this.offset = offset;
        this.end = fetch < 0 ? Long.MAX_VALUE : offset + fetch;
    }

    /** @param fetch the most rows to pass, or {@code -1} for all */
    public static ProcessorSupplier supplier(long offset, long fetch) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
        return () -> new LimitP(offset, fetch);
    }

    @Override
    protected boolean tryProcess(int ordinal, Object item) {
        if (seen < offset || seen >= end) {
            seen++;
            return true;
        }
        if (!tryEmit(item)) {
            return false;
        }
        seen++;
        return true;
    }
}
