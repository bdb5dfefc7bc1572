package io.contrail.sql;

import static java.util.Objects.requireNonNull;

/** The name and type of a column of a {@link SqlResult}. */
public record SqlColumnMetadata(String name, SqlColumnType type) {

    public SqlColumnMetadata {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
