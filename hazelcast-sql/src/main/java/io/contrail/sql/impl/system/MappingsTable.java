package io.contrail.sql.impl.system;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingCatalog;
import io.contrail.sql.impl.catalog.MappingColumn;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@code system.mappings}: the mappings of the catalog, by name: {@code mapping_name} and
 * {@code type} (the connector) VARCHAR; {@code columns} VARCHAR, as CREATE MAPPING lists them
 * ({@code id BIGINT EXTERNAL NAME __key, name VARCHAR}); {@code options} VARCHAR, as written
 * ({@code 'keyFormat' = 'bigint', ...}); {@code created_by} VARCHAR (the member's UUID) and
 * {@code created_at} TIMESTAMP WITH TIME ZONE.
 */
public final class MappingsTable extends SystemTable {

    /** The columns, in order. */
    public static final List<SqlColumnMetadata> COLUMNS = List.of(
            new SqlColumnMetadata("mapping_name", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("type", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("columns", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("options", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("created_by", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("created_at", SqlColumnType.TIMESTAMP_WITH_TIME_ZONE));

    /** The table's name. */
    public static final String NAME = "mappings";

    private final MappingCatalog catalog;

    MappingsTable(MappingCatalog catalog) {
        super(NAME, COLUMNS);
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    @Override
    public List<Object[]> rows() {
        return catalog.all().values().stream()
                .sorted(Comparator.comparing(Mapping::name))
                .map(MappingsTable::row)
                .toList();
    }

    private static Object[] row(Mapping mapping) {
        return new Object[]{
                mapping.name(),
                mapping.type(),
                mapping.columns().stream().map(MappingsTable::column).collect(Collectors.joining(", ")),
                mapping.options().entrySet().stream()
                        .map(e -> quote(e.getKey()) + " = " + quote(e.getValue()))
                        .collect(Collectors.joining(", ")),
                mapping.createdBy(),
                mapping.createdAt().toEpochMilli()
        };
    }

    private static String column(MappingColumn column) {
        String text = column.name() + " " + column.type().getSqlName();
        return column.externalName().equals(column.name()) ? text : text + " EXTERNAL NAME " + column.externalName();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
