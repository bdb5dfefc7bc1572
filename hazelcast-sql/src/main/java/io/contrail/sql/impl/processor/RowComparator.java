package io.contrail.sql.impl.processor;

import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * Orders rows as an ORDER BY does: by each sort key in turn, ascending or descending, with
 * NULLs last when ascending and first when descending unless {@code NULLS FIRST/LAST} says
 * otherwise (as PostgreSQL). Immutable, serializable.
 */
public final class RowComparator implements Comparator<Object[]>, Serializable {

    private static final long serialVersionUID = 1L;

    private final int[] fields;
    private final boolean[] descending;
    private final boolean[] nullsFirst;

    private RowComparator(int[] fields, boolean[] descending, boolean[] nullsFirst) {
        this.fields = fields;
        this.descending = descending;
        this.nullsFirst = nullsFirst;
    }

    /** The comparator of a collation. */
    public static RowComparator of(RelCollation collation) {
        List<RelFieldCollation> keys = collation.getFieldCollations();
        int[] fields = new int[keys.size()];
        boolean[] descending = new boolean[keys.size()];
        boolean[] nullsFirst = new boolean[keys.size()];
        for (int i = 0; i < fields.length; i++) {
            RelFieldCollation key = keys.get(i);
            fields[i] = key.getFieldIndex();
            descending[i] = key.getDirection().isDescending();
            nullsFirst[i] = switch (key.nullDirection) {
                case FIRST -> true;
                case LAST -> false;
                case UNSPECIFIED -> descending[i];
            };
        }
        return new RowComparator(fields, descending, nullsFirst);
    }

    @Override
    @SuppressWarnings("unchecked")
    public int compare(Object[] left, Object[] right) {
        for (int i = 0; i < fields.length; i++) {
            Object a = left[fields[i]];
            Object b = right[fields[i]];
            int result;
            if (a == null || b == null) {
                if (a == b) {
                    continue;
                }
                result = (a == null) == nullsFirst[i] ? -1 : 1;
            } else {
                result = ((Comparable<Object>) a).compareTo(b);
                if (descending[i]) {
                    result = -result;
                }
            }
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }
}
