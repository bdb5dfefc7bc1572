package io.contrail.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** One row of a {@link SqlResult}: values in the order of {@link #metadata()}, nulls allowed. */
public record SqlRow(SqlRowMetadata metadata, List<Object> values) {

    public SqlRow {
        requireNonNull(metadata, "metadata is null");
        values = Collections.unmodifiableList(new ArrayList<>(requireNonNull(values, "values is null")));
        if (values.size() != metadata.getColumnCount()) {
            throw new IllegalArgumentException("a row of " + metadata.getColumnCount()
                    + " columns cannot hold " + values.size() + " values");
        }
    }

    /** The value of the column at that index, from 0; may be null. */
    public Object getObject(int index) {
        if (index < 0 || index >= values.size()) {
            throw new IndexOutOfBoundsException("column index " + index + " is out of range: the row has "
                    + values.size() + " columns, from 0");
        }
        return values.get(index);
    }

    /**
     * The value of the column of that name (case-sensitive); may be null.
     *
     * @throws IllegalArgumentException if no column has that name; the message lists them
     */
    public Object getObject(String columnName) {
        int index = metadata.findColumn(columnName);
        if (index < 0) {
            throw new IllegalArgumentException("No column '" + columnName + "'; the columns are "
                    + metadata.columns().stream().map(SqlColumnMetadata::name).toList());
        }
        return values.get(index);
    }
}
