package io.contrail.sql.impl.processor;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Row and key helpers shared by the join processors: the joined row is the left row's columns
 * then the right row's (Calcite's {@code Join} row type), a missing side padded with NULLs.
 */
final class JoinRows {

    private JoinRows() {
    }

    /**
     * The joined row of {@code left} and {@code right}; either may be {@code null} for an outer
     * join's missing side, which becomes {@code width} NULLs.
     */
    static Object[] join(Object[] left, int leftWidth, Object[] right, int rightWidth) {
        Object[] joined = new Object[leftWidth + rightWidth];
        if (left != null) {
            System.arraycopy(left, 0, joined, 0, leftWidth);
        }
        if (right != null) {
            System.arraycopy(right, 0, joined, leftWidth, rightWidth);
        }
        return joined;
    }

    /**
     * The hash key of a row's evaluated join key values, or {@code null} when one of them is NULL
     * (SQL: a NULL key matches nothing). Decimals compare by value ({@code 1.0 = 1.00}), so they
     * are stripped of trailing zeros. Takes over {@code values}.
     */
    static Object key(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                return null;
            }
            if (values[i] instanceof BigDecimal decimal) {
                values[i] = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
            }
        }
        return values.length == 1 ? values[0] : Arrays.asList(values);
    }
}
