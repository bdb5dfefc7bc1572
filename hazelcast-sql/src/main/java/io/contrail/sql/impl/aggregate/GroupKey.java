package io.contrail.sql.impl.aggregate;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The values of a row's GROUP BY columns, as the key of its group: equal when all values are
 * equal, {@code NULL}s included (SQL puts all NULLs of a column in one group). Immutable.
 */
public final class GroupKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Object[] values;
    private final int hash;

    private GroupKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    /** The key of {@code row}'s columns at {@code indices}. */
    public static GroupKey of(Object[] row, int[] indices) {
        Object[] values = new Object[indices.length];
        for (int i = 0; i < indices.length; i++) {
            values[i] = row[indices[i]];
        }
        return new GroupKey(values);
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    /** Value {@code i}. */
    public Object get(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey that && hash == that.hash && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
