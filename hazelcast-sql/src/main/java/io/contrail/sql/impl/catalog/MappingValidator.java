package io.contrail.sql.impl.catalog;

import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.parse.SqlCreateMapping;
import io.contrail.sql.impl.parse.SqlMappingColumn;
import io.contrail.sql.impl.parse.SqlOption;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTypeNameSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Turns a CREATE MAPPING statement into a {@link Mapping}, checking what needs no catalog: a
 * simple name, a known connector type, supported column types, unique column names, and the
 * options of the connector (known keys, required keys present, values from the valid ones).
 * A mapping without a column list gets the columns a {@link ColumnInference} finds, once the
 * options are valid; none found is {@code NO_COLUMNS}. Each failure is an {@link SqlException} whose message says what is
 * valid.
 */
public final class MappingValidator {

    private MappingValidator() {
    }

    /**
     * The mapping of a CREATE MAPPING statement; without a column list, its columns come from
     * {@code inference}.
     *
     * @throws SqlException naming what is wrong and what would be valid
     */
    public static Mapping toMapping(SqlCreateMapping create, String createdBy, Instant createdAt,
                                    ColumnInference inference) {
        requireNonNull(inference, "inference is null");
        String name = simpleName(create.getName(), "mapping name");
        String typeName = create.getType().getSimple();
        Connector connector = Connector.byName(typeName).orElseThrow(() -> new SqlException(
                SqlErrorCode.UNKNOWN_CONNECTOR, "Unknown connector type '" + typeName + "' of mapping '"
                + name + "'; valid types are " + Connector.names() + " (case-sensitive)"));
        List<MappingColumn> columns = new ArrayList<>();
        Set<String> columnNames = new HashSet<>();
        for (SqlNode node : create.getColumns()) {
            SqlMappingColumn column = (SqlMappingColumn) node;
            String columnName = simpleName(column.getName(), "column name");
            if (!columnNames.add(columnName)) {
                throw new SqlException(SqlErrorCode.DUPLICATE_COLUMN, "Column '" + columnName
                        + "' appears twice in mapping '" + name + "'; rename or remove one");
            }
            SqlColumnType type = columnType(column.getType(), columnName);
            String externalName = column.getExternalName() == null
                    ? columnName : String.join(".", column.getExternalName().names);
            columns.add(new MappingColumn(columnName, type, externalName));
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (SqlNode node : create.getOptions()) {
            SqlOption option = (SqlOption) node;
            options.put(option.getKeyString(), option.getValueString());
        }
        checkOptions(name, connector, options);
        if (columns.isEmpty()) {
            columns = inference.infer(name, connector, options);
        }
        if (columns.isEmpty()) {
            throw new SqlException(SqlErrorCode.NO_COLUMNS, "Mapping '" + name
                    + "' declares no columns and none could be inferred; list them after the name, as in"
                    + " CREATE MAPPING " + name + " (id BIGINT, name VARCHAR) TYPE " + connector.getName() + " ...");
        }
        return new Mapping(name, connector.getName(), columns, options, createdBy, createdAt);
    }

    /** The name, which must be simple (no dots). */
    public static String simpleName(SqlIdentifier id, String what) {
        if (!id.isSimple()) {
            throw new SqlException(SqlErrorCode.INVALID_NAME, "The " + what + " '" + id
                    + "' has several parts; schemas are not supported, give a simple name"
                    + " (quote it, as in \"a.b\", if it contains a dot)");
        }
        return id.getSimple();
    }

    /** Calcite's type names to ours; aliases (INT, DEC, ...) are already folded by the parser. */
    static SqlColumnType columnType(SqlDataTypeSpec spec, String columnName) {
        SqlTypeNameSpec typeName = spec.getTypeNameSpec();
        String name = typeName.getTypeName().getSimple().toUpperCase(Locale.ROOT);
        SqlColumnType type = switch (name) {
            case "BOOLEAN" -> SqlColumnType.BOOLEAN;
            case "TINYINT" -> SqlColumnType.TINYINT;
            case "SMALLINT" -> SqlColumnType.SMALLINT;
            case "INTEGER" -> SqlColumnType.INTEGER;
            case "BIGINT" -> SqlColumnType.BIGINT;
            case "DECIMAL" -> SqlColumnType.DECIMAL;
            case "REAL" -> SqlColumnType.REAL;
            case "DOUBLE" -> SqlColumnType.DOUBLE;
            case "VARCHAR" -> SqlColumnType.VARCHAR;
            case "DATE" -> SqlColumnType.DATE;
            case "TIME" -> SqlColumnType.TIME;
            case "TIMESTAMP" -> SqlColumnType.TIMESTAMP;
            case "TIMESTAMP_TZ", "TIMESTAMP_WITH_TIME_ZONE" -> SqlColumnType.TIMESTAMP_WITH_TIME_ZONE;
            case "JSON" -> SqlColumnType.JSON;
            case "OBJECT" -> SqlColumnType.OBJECT;
            default -> null;
        };
        if (type == null || (typeName instanceof SqlBasicTypeNameSpec basic && basic.getPrecision() >= 0
                && type != SqlColumnType.DECIMAL)) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_COLUMN_TYPE, "Column '" + columnName
                    + "' has type " + spec + ", which mappings do not support; supported types are "
                    + Arrays.stream(SqlColumnType.values()).map(SqlColumnType::getSqlName).toList()
                    + " (without length or precision, except DECIMAL)");
        }
        return type;
    }

    private static void checkOptions(String mapping, Connector connector, Map<String, String> options) {
        Map<String, Connector.Option> known = connector.optionsByKey();
        List<String> keys = connector.getOptions().stream().map(Connector.Option::key).toList();
        for (Map.Entry<String, String> e : options.entrySet()) {
            Connector.Option option = known.get(e.getKey());
            if (option == null) {
                throw new SqlException(SqlErrorCode.UNKNOWN_OPTION, "Unknown option '" + e.getKey()
                        + "' of mapping '" + mapping + "' (type " + connector.getName() + "); valid options are "
                        + keys + " (case-sensitive)");
            }
            String value = e.getValue();
            boolean valid = option.validValues().isEmpty() ? !value.isBlank() : option.validValues().contains(value);
            if (!valid) {
                throw new SqlException(SqlErrorCode.INVALID_OPTION_VALUE, "Invalid value '" + value
                        + "' of option '" + e.getKey() + "' of mapping '" + mapping + "'; "
                        + (option.validValues().isEmpty() ? "give a non-blank value"
                        : "valid values are " + option.validValues() + " (case-sensitive)"));
            }
        }
        for (Connector.Option option : connector.getOptions()) {
            if (option.required() && !options.containsKey(option.key())) {
                throw new SqlException(SqlErrorCode.MISSING_OPTION, "Mapping '" + mapping + "' (type "
                        + connector.getName() + ") needs option '" + option.key() + "'"
                        + (option.validValues().isEmpty() ? "" : ", one of " + option.validValues())
                        + "; add it in OPTIONS ('" + option.key() + "' = '...')");
            }
        }
    }
}
