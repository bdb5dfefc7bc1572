package io.contrail.sql.impl.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingColumn;
import io.contrail.sql.impl.type.SqlTypes;

import java.io.Serializable;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Turns IMap entries into rows of an IMap mapping and back, as Hazelcast's IMap connector does:
 * a column's external name says where its value lives.
 * <ul>
 *     <li>{@code __key} or {@code this}: the whole key or value, for a primitive format
 *     ({@code bigint}, {@code int}, {@code double}, {@code boolean}, {@code varchar}) or, for
 *     {@code json}, the JSON text itself;</li>
 *     <li>{@code __key.f} or {@code this.f}: field {@code f} of a JSON key or value;</li>
 *     <li>any other name {@code f} (the column's own name when none is given): {@code this.f}.</li>
 * </ul>
 * JSON keys and values are stored as {@code String}s holding a JSON object; a JSON field is read
 * into the column's type (dates and times from ISO-8601 text) and written as JSON numbers,
 * booleans or text.
 *
 * <p>Immutable and serializable; {@link #toRow} and {@link #key}/{@link #value} are thread-safe.
 */
public final class IMapRowCodec implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String KEY = "__key";
    static final String VALUE = "this";

    private final String mapName;
    private final String keyFormat;
    private final String valueFormat;
    private final List<MappingColumn> columns;
    /** Per column: true when it lives in the key. */
    private final boolean[] inKey;
    /** Per column: the JSON field, or null for the whole key or value. */
    private final String[] fields;

    private IMapRowCodec(Mapping mapping) {
        this.mapName = mapping.name();
        this.keyFormat = requireNonNull(mapping.options().get("keyFormat"), "keyFormat");
        this.valueFormat = requireNonNull(mapping.options().get("valueFormat"), "valueFormat");
        this.columns = mapping.columns();
        this.inKey = new boolean[columns.size()];
        this.fields = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            MappingColumn column = columns.get(i);
            String external = column.externalName();
            String path;
            if (external.equals(KEY) || external.startsWith(KEY + ".")) {
                inKey[i] = true;
                path = external.equals(KEY) ? null : external.substring(KEY.length() + 1);
            } else if (external.equals(VALUE) || external.startsWith(VALUE + ".")) {
                path = external.equals(VALUE) ? null : external.substring(VALUE.length() + 1);
            } else {
                path = external;
            }
            String format = inKey[i] ? keyFormat : valueFormat;
            if (path != null && !format.equals("json")) {
                throw new SqlException(SqlErrorCode.INVALID_NAME, "Column '" + column.name() + "' of mapping '"
                        + mapping.name() + "' reads field '" + path + "' of the " + (inKey[i] ? "key" : "value")
                        + ", but its format '" + format + "' has no fields; name it EXTERNAL NAME "
                        + (inKey[i] ? KEY : VALUE) + " or use format 'json'");
            }
            if (path != null && path.isBlank()) {
                throw new SqlException(SqlErrorCode.INVALID_NAME, "Column '" + column.name() + "' of mapping '"
                        + mapping.name() + "' has an empty field name in '" + external + "'");
            }
            fields[i] = path;
        }
    }

    /**
     * The codec of an IMap mapping.
     *
     * @throws SqlException if a column's external name does not fit the formats
     */
    public static IMapRowCodec of(Mapping mapping) {
        return new IMapRowCodec(requireNonNull(mapping, "mapping is null"));
    }

    /** The row of an entry, in internal values. */
    public Object[] toRow(Object key, Object value) {
        Object[] row = new Object[columns.size()];
        JsonNode keyJson = null;
        JsonNode valueJson = null;
        for (int i = 0; i < row.length; i++) {
            Object source = inKey[i] ? key : value;
            if (fields[i] == null) {
                row[i] = convert(source instanceof String text ? SqlTypes.fromText(text, columns.get(i).type(), what(i))
                        : isJson(i) && source != null ? source.toString() : source, i);
                continue;
            }
            JsonNode json;
            if (inKey[i]) {
                json = keyJson != null ? keyJson : (keyJson = parse(key, "key"));
            } else {
                json = valueJson != null ? valueJson : (valueJson = parse(value, "value"));
            }
            row[i] = JsonFields.toInternal(json.get(fields[i]), columns.get(i).type(), what(i));
        }
        return row;
    }

    /** The IMap key of a row. */
    public Object key(Object[] row) {
        return build(row, true);
    }

    /** The IMap value of a row. */
    public Object value(Object[] row) {
        return build(row, false);
    }

    /** The index of the column that holds the whole key (external name {@code __key}), or -1 if none does. */
    public int wholeKeyColumn() {
        for (int i = 0; i < columns.size(); i++) {
            if (inKey[i] && fields[i] == null) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The IMap key whose row has {@code internal} in the {@linkplain #wholeKeyColumn() whole-key
     * column}, or {@code null} for a NULL value.
     */
    public Object keyOf(Object internal) {
        int column = wholeKeyColumn();
        if (column < 0) {
            throw new IllegalStateException(this + " has no column for the whole key");
        }
        return external(internal, column);
    }

    /** Whether some column holds the key or a field of it: an INSERT must give one. */
    public boolean hasKeyColumn() {
        for (boolean k : inKey) {
            if (k) {
                return true;
            }
        }
        return false;
    }

    private boolean isJson(int column) {
        return (inKey[column] ? keyFormat : valueFormat).equals("json");
    }

    private Object build(Object[] row, boolean key) {
        String format = key ? keyFormat : valueFormat;
        ObjectNode object = null;
        for (int i = 0; i < columns.size(); i++) {
            if (inKey[i] != key) {
                continue;
            }
            if (fields[i] == null) {
                return external(row[i], i);
            }
            if (object == null) {
                object = JsonNodeFactory.instance.objectNode();
            }
            object.set(fields[i], JsonFields.toJson(external(row[i], i)));
        }
        if (object == null) {
            return null;
        }
        if (!format.equals("json")) {
            throw new IllegalStateException("fields of a " + format + " " + (key ? "key" : "value"));
        }
        return object.toString();
    }

    private Object external(Object internal, int column) {
        Object value = SqlTypes.toStored(internal, columns.get(column).type());
        if (value == null) {
            return null;
        }
        String format = inKey[column] ? keyFormat : valueFormat;
        if (fields[column] != null) {
            return value;
        }
        return switch (format) {
            case "bigint" -> SqlTypes.toInternal(value, SqlColumnType.BIGINT, what(column));
            case "int" -> SqlTypes.toInternal(value, SqlColumnType.INTEGER, what(column));
            case "double" -> SqlTypes.toInternal(value, SqlColumnType.DOUBLE, what(column));
            case "boolean" -> SqlTypes.toInternal(value, SqlColumnType.BOOLEAN, what(column));
            default -> value.toString();
        };
    }

    private Object convert(Object value, int column) {
        return SqlTypes.toInternal(value, columns.get(column).type(), what(column));
    }

    private String what(int column) {
        return "column '" + columns.get(column).name() + "' of IMap mapping '" + mapName + "'";
    }

    private JsonNode parse(Object source, String part) {
        if (source == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JsonFields.MAPPER.readTree(source.toString());
        } catch (JsonProcessingException e) {
            throw new SqlException(SqlErrorCode.DATA_CONVERSION_ERROR, "The " + part + " of an entry of IMap '"
                    + mapName + "' is not JSON: " + e.getOriginalMessage());
        }
    }

    /** For messages and EXPLAIN. */
    @Override
    public String toString() {
        return "IMap[" + mapName + ", keyFormat=" + keyFormat + ", valueFormat=" + valueFormat + "]";
    }
}
