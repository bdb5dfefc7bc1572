package io.contrail.sql.impl.pgwire.catalog;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One table of the PostgreSQL catalog ({@code pg_class}, {@code information_schema.columns},
 * ...), its rows computed when the query that reads it is planned. Columns keep PostgreSQL's
 * names; each has a default, so a row names only the columns that carry information for
 * Contrail. Values are Calcite's internal ones: {@code Integer} for {@code oid} and
 * {@code int4}, {@code Short}, {@code String}, {@code Boolean}, {@code Float}, a {@code List}
 * for an array.
 *
 * <p>Threading: build on one thread; once built, read by any.
 */
final class PgCatalogTable extends AbstractTable implements ScannableTable {

    /** A column: its name, its type (the element type for an array) and the value rows default to. */
    record Column(String name, SqlTypeName type, boolean array, Object defaultValue) {

        Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    private final String name;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final List<Object[]> rows = new ArrayList<>();

    PgCatalogTable(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    String name() {
        return name;
    }

    List<Column> columns() {
        return List.copyOf(columns.values());
    }

    /** Adds a scalar column. */
    PgCatalogTable column(String column, SqlTypeName type, Object defaultValue) {
        return add(new Column(column, type, false, defaultValue));
    }

    /** Adds an array column, {@code NULL} by default. */
    PgCatalogTable arrayColumn(String column, SqlTypeName elementType) {
        return add(new Column(column, elementType, true, null));
    }

    private PgCatalogTable add(Column column) {
        if (columns.putIfAbsent(column.name(), column) != null) {
            throw new IllegalArgumentException(name + " has two columns named " + column.name());
        }
        return this;
    }

    /**
     * Adds a row.
     *
     * @param values the values by column name; missing columns take their default
     * @throws IllegalArgumentException for a name that is not a column
     */
    PgCatalogTable row(Map<String, ?> values) {
        for (String column : values.keySet()) {
            if (!columns.containsKey(column)) {
                throw new IllegalArgumentException(name + " has no column " + column);
            }
        }
        Object[] row = new Object[columns.size()];
        int i = 0;
        for (Column column : columns.values()) {
            row[i++] = values.containsKey(column.name()) ? values.get(column.name()) : column.defaultValue();
        }
        rows.add(row);
        return this;
    }

    /** The rows, each in column order. */
    List<Object[]> rows() {
        return rows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (Column column : columns.values()) {
            RelDataType type = typeFactory.createSqlType(column.type());
            if (column.array()) {
                type = typeFactory.createArrayType(typeFactory.createTypeWithNullability(type, true), -1);
            }
            builder.add(column.name(), typeFactory.createTypeWithNullability(type, true));
        }
        return builder.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        return Linq4j.asEnumerable(rows);
    }
}
