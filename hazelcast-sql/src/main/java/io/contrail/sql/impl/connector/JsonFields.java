package io.contrail.sql.impl.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.type.SqlTypes;

import java.time.temporal.TemporalAccessor;

/**
 * Fields of JSON objects as column values, for every connector that keeps rows as JSON (IMap
 * keys and values, JSON-lines files): reading a field into a column's internal value, writing a
 * value as a field, and the column type a field suggests when columns are inferred.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonFields {

    /**
     * The one JSON mapper of the connectors: reads decimals as {@code BigDecimal}, so a DECIMAL
     * field keeps every digit (a double would round 123456789012345678.5). Thread-safe.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonFields() {
    }

    /**
     * The internal value of a JSON field for a column of {@code type}: numbers and booleans as
     * they are, text through {@link SqlTypes#fromText}, objects and arrays as JSON text (for JSON
     * and OBJECT columns); {@code null} for a missing field or a JSON {@code null}.
     *
     * @throws SqlException with {@code DATA_CONVERSION_ERROR} naming {@code what}
     */
    public static Object toInternal(JsonNode node, SqlColumnType type, String what) {
        if (node == null || node.isNull()) {
            return null;
        }
        Object value = switch (type) {
            case BOOLEAN -> node.isBoolean() ? (Object) node.booleanValue() : node.asText();
            case TINYINT, SMALLINT, INTEGER, BIGINT -> node.isIntegralNumber() ? (Object) node.longValue() : node.asText();
            case DECIMAL -> node.isNumber() ? (Object) node.decimalValue() : node.asText();
            case REAL, DOUBLE -> node.isNumber() ? (Object) node.doubleValue() : node.asText();
            case JSON, OBJECT -> node.isTextual() ? node.textValue() : node.toString();
            default -> node.asText();
        };
        Object java = value instanceof String text ? SqlTypes.fromText(text, type, what) : value;
        return SqlTypes.toInternal(java, type, what);
    }

    /**
     * The JSON form of an external value ({@link SqlTypes#toExternal}): numbers, booleans and
     * text as such, dates and times as ISO-8601 text, {@code null} as JSON {@code null}.
     */
    public static JsonNode toJson(Object external) {
        return external == null ? JsonNodeFactory.instance.nullNode() : MAPPER.valueToTree(
                external instanceof TemporalAccessor ? external.toString() : external);
    }

    /**
     * The column type inferred from a sample field: a whole number is BIGINT, another number
     * DOUBLE, a boolean BOOLEAN, an object or array JSON, text and {@code null} VARCHAR.
     */
    public static SqlColumnType inferType(JsonNode sample) {
        if (sample.isIntegralNumber()) {
            return SqlColumnType.BIGINT;
        }
        if (sample.isNumber()) {
            return SqlColumnType.DOUBLE;
        }
        if (sample.isBoolean()) {
            return SqlColumnType.BOOLEAN;
        }
        if (sample.isContainerNode()) {
            return SqlColumnType.JSON;
        }
        return SqlColumnType.VARCHAR;
    }
}
