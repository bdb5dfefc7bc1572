package io.contrail.sql.impl.aggregate;

/** {@code COUNT(*)} (counts rows) and {@code COUNT(x)} (counts non-NULL values): a BIGINT, 0 for no rows. */
final class CountAccumulator implements SqlAccumulator {

    private static final long serialVersionUID = 1L;

    private long count;

    @Override
    public void accumulate(Object value) {
        if (value != null) {
            count++;
        }
    }

    @Override
    public void combine(SqlAccumulator other) {
        count += ((CountAccumulator) other).count;
    }

    @Override
    public Object result() {
        return count;
    }
}
