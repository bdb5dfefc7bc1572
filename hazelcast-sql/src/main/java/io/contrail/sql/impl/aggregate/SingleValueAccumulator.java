package io.contrail.sql.impl.aggregate;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;

/**
 * {@code SINGLE_VALUE(x)}, which the planner puts under a scalar sub-query: the one value of the
 * group (NULL over no row); a second row is an error, as the SQL standard wants for a scalar
 * sub-query returning more than one row.
 */
final class SingleValueAccumulator implements SqlAccumulator {

    private static final long serialVersionUID = 1L;

    private long rows;
    private Object value;

    @Override
    public void accumulate(Object value) {
        if (++rows > 1) {
            throw tooMany();
        }
        this.value = value;
    }

    @Override
    public void combine(SqlAccumulator other) {
        SingleValueAccumulator that = (SingleValueAccumulator) other;
        if (that.rows == 0) {
            return;
        }
        if (rows + that.rows > 1) {
            throw tooMany();
        }
        rows = that.rows;
        value = that.value;
    }

    @Override
    public Object result() {
        return value;
    }

    private static SqlException tooMany() {
        return new SqlException(SqlErrorCode.EXECUTION_FAILED, "A scalar sub-query returned more than one row;"
                + " make it return one (an aggregate, LIMIT 1, a condition on a key) or use IN or EXISTS");
    }
}
