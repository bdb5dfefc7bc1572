package io.contrail.sql.impl.aggregate;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;

import java.math.BigDecimal;

/**
 * {@code SUM(x)}: NULL over no non-NULL value. Integers sum exactly into a BIGINT and fail on
 * overflow (never wrap), floating point into a DOUBLE, decimals into a DECIMAL.
 */
final class SumAccumulator implements SqlAccumulator {

    private static final long serialVersionUID = 1L;

    /** How values are added; fixed by the result type. */
    enum Kind { LONG, DOUBLE, DECIMAL }

    private final Kind kind;
    private boolean any;
    private long longSum;
    private double doubleSum;
    private BigDecimal decimalSum = BigDecimal.ZERO;

    SumAccumulator(Kind kind) {
        this.kind = kind;
    }

    @Override
    public void accumulate(Object value) {
        if (value == null) {
            return;
        }
        any = true;
        Number number = (Number) value;
        switch (kind) {
            case LONG -> longSum = addExact(longSum, number.longValue());
            case DOUBLE -> doubleSum += number.doubleValue();
            case DECIMAL -> decimalSum = decimalSum.add(number instanceof BigDecimal d ? d : new BigDecimal(number.toString()));
        }
    }

    @Override
    public void combine(SqlAccumulator other) {
        SumAccumulator that = (SumAccumulator) other;
        if (!that.any) {
            return;
        }
        any = true;
        longSum = addExact(longSum, that.longSum);
        doubleSum += that.doubleSum;
        decimalSum = decimalSum.add(that.decimalSum);
    }

    @Override
    public Object result() {
        if (!any) {
            return null;
        }
        return switch (kind) {
            case LONG -> longSum;
            case DOUBLE -> doubleSum;
            case DECIMAL -> decimalSum;
        };
    }

    private static long addExact(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new SqlException(SqlErrorCode.EXECUTION_FAILED,
                    "SUM overflowed BIGINT; cast the argument to DECIMAL to sum beyond 2^63");
        }
    }
}
