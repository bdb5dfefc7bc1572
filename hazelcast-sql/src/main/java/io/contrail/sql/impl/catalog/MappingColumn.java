package io.contrail.sql.impl.catalog;

import io.contrail.sql.SqlColumnType;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * A column of a {@link Mapping}.
 *
 * @param externalName the field in the source, such as {@code __key.id}; the column name if not
 *                     declared
 */
public record MappingColumn(String name, SqlColumnType type, String externalName) implements Serializable {

    private static final long serialVersionUID = 1L;

    public MappingColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(externalName, "externalName is null");
    }
}
