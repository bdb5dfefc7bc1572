package io.contrail.sql;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A table a query can read, as {@link SqlService#tables()} lists it: a mapping (schema
 * {@value #MAPPING_SCHEMA}, also reachable without a schema) or a system table (schema
 * {@code system}). Immutable.
 *
 * @param schema  the schema that qualifies the name
 * @param name    the table's name in its schema
 * @param kind    what the table is
 * @param columns the columns, in order
 */
public record SqlTableMetadata(String schema, String name, Kind kind, List<SqlColumnMetadata> columns) {

    /** The schema mappings are in. */
    public static final String MAPPING_SCHEMA = "public";

    /** What a table is. */
    public enum Kind {
        /** A mapping: rows live in an external system (an IMap, files) and may be written. */
        MAPPING,
        /** A read-only table computed from the member's state when a query reads it. */
        SYSTEM_TABLE
    }

    public SqlTableMetadata {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }
}
