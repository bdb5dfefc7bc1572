package io.contrail.sql.impl.aggregate;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code F(DISTINCT x)}: keeps the distinct non-NULL values and feeds them to a fresh
 * accumulator of {@code F} when the result is asked for. Memory grows with the number of
 * distinct values per group.
 */
final class DistinctAccumulator implements SqlAccumulator {

    private static final long serialVersionUID = 1L;

    private final SerializableSupplier inner;
    private final Set<Object> values = new HashSet<>();

    DistinctAccumulator(SerializableSupplier inner) {
        this.inner = inner;
    }

    @Override
    public void accumulate(Object value) {
        if (value != null) {
            values.add(value);
        }
    }

    @Override
    public void combine(SqlAccumulator other) {
        values.addAll(((DistinctAccumulator) other).values);
    }

    @Override
    public Object result() {
        SqlAccumulator accumulator = inner.get();
        for (Object value : values) {
            accumulator.accumulate(value);
        }
        return accumulator.result();
    }

    /** Makes the accumulator of the function applied to the distinct values. */
    interface SerializableSupplier extends Supplier<SqlAccumulator>, Serializable {
    }
}
