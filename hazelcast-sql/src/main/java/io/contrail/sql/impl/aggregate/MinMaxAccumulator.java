package io.contrail.sql.impl.aggregate;

/** {@code MIN(x)} or {@code MAX(x)} of comparable values: NULL over no non-NULL value. */
final class MinMaxAccumulator implements SqlAccumulator {

    private static final long serialVersionUID = 1L;

    private final boolean max;
    private Comparable<Object> best;

    MinMaxAccumulator(boolean max) {
        this.max = max;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accumulate(Object value) {
        if (value == null) {
            return;
        }
        Comparable<Object> candidate = (Comparable<Object>) value;
        if (best == null || (max ? candidate.compareTo(best) > 0 : candidate.compareTo(best) < 0)) {
            best = candidate;
        }
    }

    @Override
    public void combine(SqlAccumulator other) {
        accumulate(((MinMaxAccumulator) other).best);
    }

    @Override
    public Object result() {
        return best;
    }
}
