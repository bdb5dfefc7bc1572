package io.contrail.sql.impl.aggregate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code AVG(x)}: NULL over no non-NULL value. Exact inputs average exactly into a DECIMAL of
 * the result type's scale (rounded half up); floating-point inputs into a DOUBLE.
 */
final class AvgAccumulator implements SqlAccumulator {

    private static final long serialVersionUID = 1L;

    private final boolean exact;
    private final int scale;
    private long count;
    private double doubleSum;
    private BigDecimal decimalSum = BigDecimal.ZERO;

    /** @param scale the result's scale, for exact inputs */
    AvgAccumulator(boolean exact, int scale) {
        this.exact = exact;
        this.scale = scale;
    }

    @Override
    public void accumulate(Object value) {
        if (value == null) {
            return;
        }
        count++;
        Number number = (Number) value;
        if (exact) {
            decimalSum = decimalSum.add(number instanceof BigDecimal d ? d : BigDecimal.valueOf(number.longValue()));
        } else {
            doubleSum += number.doubleValue();
        }
    }

    @Override
    public void combine(SqlAccumulator other) {
        AvgAccumulator that = (AvgAccumulator) other;
        count += that.count;
        doubleSum += that.doubleSum;
        decimalSum = decimalSum.add(that.decimalSum);
    }

    @Override
    public Object result() {
        if (count == 0) {
            return null;
        }
        if (!exact) {
            return doubleSum / count;
        }
        return decimalSum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).setScale(scale, RoundingMode.HALF_UP);
    }
}
