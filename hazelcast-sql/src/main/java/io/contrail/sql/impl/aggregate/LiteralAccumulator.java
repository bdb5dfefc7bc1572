package io.contrail.sql.impl.aggregate;

/**
 * {@code LITERAL_AGG(c)}, which the planner uses to mark that a group exists (rewriting NOT IN):
 * the constant {@code c}, whatever the rows.
 */
final class LiteralAccumulator implements SqlAccumulator {

    private static final long serialVersionUID = 1L;

    private final Object literal;

    LiteralAccumulator(Object literal) {
        this.literal = literal;
    }

    @Override
    public void accumulate(Object value) {
    }

    @Override
    public void combine(SqlAccumulator other) {
    }

    @Override
    public Object result() {
        return literal;
    }
}
