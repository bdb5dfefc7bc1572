package io.contrail.sql.impl.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.map.IMap;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.MappingColumn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers the columns of an IMap mapping declared without any, as Hazelcast does from a sample
 * entry:
 * <ul>
 *     <li>a primitive key format gives one column {@code __key} of the format's type, a primitive
 *     value format one column {@code this} (no entry needed);</li>
 *     <li>a {@code json} key or value gives one column per top-level field of the sampled
 *     entry's key or value, named after the field (external name {@code __key.f} or {@code f}),
 *     typed by {@link JsonFields#inferType}; a value field named as a key column is left out.</li>
 * </ul>
 * The sample is the first entry the map's iterator returns. Called by CREATE MAPPING; blocks on
 * the map.
 */
final class IMapColumnInference {


    private IMapColumnInference() {
    }

    /**
     * @throws SqlException {@code NO_COLUMNS} if a format is {@code json} and the map is empty or
     *                      the sample is not a JSON object
     */
    static List<MappingColumn> infer(String mappingName, Map<String, String> options, IMap<Object, Object> map) {
        String keyFormat = options.get("keyFormat");
        String valueFormat = options.get("valueFormat");
        Map.Entry<Object, Object> sample = null;
        if (keyFormat.equals("json") || valueFormat.equals("json")) {
            Iterator<Map.Entry<Object, Object>> entries = map.iterator(1);
            if (!entries.hasNext()) {
                throw new SqlException(SqlErrorCode.NO_COLUMNS, "Mapping '" + mappingName + "' declares no columns,"
                        + " and IMap '" + mappingName + "' is empty, so the fields of its JSON "
                        + (keyFormat.equals("json") ? "key" : "value") + " cannot be inferred; list the columns after"
                        + " the name, as in CREATE MAPPING " + mappingName + " (id BIGINT EXTERNAL NAME __key, name"
                        + " VARCHAR) TYPE IMap ..., or put an entry into the map first");
            }
            sample = entries.next();
        }
        List<MappingColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        addColumns(columns, names, mappingName, keyFormat, IMapRowCodec.KEY, sample == null ? null : sample.getKey());
        addColumns(columns, names, mappingName, valueFormat, IMapRowCodec.VALUE, sample == null ? null : sample.getValue());
        return columns;
    }

    private static void addColumns(List<MappingColumn> columns, Set<String> names, String mappingName, String format,
                                   String part, Object sample) {
        if (!format.equals("json")) {
            if (names.add(part)) {
                columns.add(new MappingColumn(part, primitiveType(format), part));
            }
            return;
        }
        JsonNode json = parseObject(sample, mappingName, part);
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String external = part.equals(IMapRowCodec.KEY) ? part + "." + field.getKey() : field.getKey();
            if (names.add(field.getKey())) {
                columns.add(new MappingColumn(field.getKey(), JsonFields.inferType(field.getValue()), external));
            }
        }
    }

    private static JsonNode parseObject(Object sample, String mappingName, String part) {
        String what = part.equals(IMapRowCodec.KEY) ? "key" : "value";
        try {
            JsonNode json = JsonFields.MAPPER.readTree(String.valueOf(sample));
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new SqlException(SqlErrorCode.NO_COLUMNS, "Cannot infer the columns of mapping '"
                + mappingName + "': the sampled " + what + " of IMap '" + mappingName + "' is not a JSON object ("
                + abbreviate(String.valueOf(sample)) + "); list the columns, or pick the " + what + "'s format"
                + " that fits its entries");
    }

    private static SqlColumnType primitiveType(String format) {
        return switch (format) {
            case "bigint" -> SqlColumnType.BIGINT;
            case "int" -> SqlColumnType.INTEGER;
            case "double" -> SqlColumnType.DOUBLE;
            case "boolean" -> SqlColumnType.BOOLEAN;
            case "varchar" -> SqlColumnType.VARCHAR;
            default -> throw new IllegalArgumentException("not a primitive IMap format: " + format);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
