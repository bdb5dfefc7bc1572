package io.contrail.sql.impl.aggregate;

import java.io.Serializable;

/**
 * The running state of one SQL aggregate function (COUNT, SUM, MIN, MAX, AVG) over a group.
 * Values are internal ({@link io.contrail.sql.impl.type.SqlTypes}); {@code NULL} inputs are
 * skipped by every function but {@code COUNT(*)}, which gets {@link #ROW} instead of a value.
 *
 * <p>Threading: confined to one processor at a time (see the engine's
 * {@code AggregateOperation}); mutable.
 */
public interface SqlAccumulator extends Serializable {

    /** What {@code COUNT(*)} accumulates: a row, not a value. */
    Object ROW = RowMarker.ROW;

    /** Adds a value (skipping {@code NULL} is the implementation's job). */
    void accumulate(Object value);

    /** Adds another accumulator of the same function, leaving it unchanged. */
    void combine(SqlAccumulator other);

    /** The function's result so far, in the internal form of its SQL type. */
    Object result();

    /** The marker type of {@link #ROW}. */
    enum RowMarker { ROW }
}
