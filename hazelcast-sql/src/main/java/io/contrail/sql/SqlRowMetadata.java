package io.contrail.sql;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The columns of the rows of a {@link SqlResult}, in order. */
public record SqlRowMetadata(List<SqlColumnMetadata> columns) {

    public SqlRowMetadata {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    public int getColumnCount() {
        return columns.size();
    }

    /** The column at that index, from 0. */
    public SqlColumnMetadata getColumn(int index) {
        return columns.get(index);
    }

    /** The index (from 0) of the first column of that name (case-sensitive), or -1. */
    public int findColumn(String name) {
        requireNonNull(name, "name is null");
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
