package io.contrail.sql.impl.expression;

import java.io.Serializable;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The values of a statement's {@code ?} parameters, already in the internal form of the types
 * the validator gave them, and the statement's start time: everything an expression may read
 * that is fixed for the statement's whole run. Immutable; travels with the DAG.
 */
public final class StatementParameters implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Object[] values;
    private final long statementStartMillis;

    public StatementParameters(Object[] values, long statementStartMillis) {
        this.values = requireNonNull(values, "values is null").clone();
        this.statementStartMillis = statementStartMillis;
    }

    /** No parameters, started now. */
    public static StatementParameters none() {
        return new StatementParameters(new Object[0], System.currentTimeMillis());
    }

    /** The internal value of parameter {@code index}, from 0. */
    public Object value(int index) {
        return values[index];
    }

    /** The number of parameters. */
    public int count() {
        return values.length;
    }

    /** When the statement started, epoch milliseconds. */
    public long statementStartMillis() {
        return statementStartMillis;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
