package io.contrail.sql.impl.type;

import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The three faces of a SQL value and the conversions between them:
 * <ul>
 *     <li>the {@link SqlColumnType} users see in mappings and result metadata;</li>
 *     <li>the Calcite {@link RelDataType} the validator and planner work with;</li>
 *     <li>the <em>internal</em> value that rows carry through a DAG, which is what Calcite's
 *     generated expression code reads and writes: {@code DATE} as {@code Integer} days since
 *     1970-01-01, {@code TIME} as {@code Integer} milliseconds of the day, {@code TIMESTAMP} as
 *     {@code Long} milliseconds of the local date-time read as if at UTC, {@code TIMESTAMP WITH
 *     TIME ZONE} as {@code Long} epoch milliseconds (an instant: the offset a value was written
 *     with is not kept; results come back at UTC), everything else as its Java class.</li>
 * </ul>
 * {@code JSON} is {@code VARCHAR} to the planner: JSON text, read with {@code JSON_VALUE}.
 */
public final class SqlTypes {

    private SqlTypes() {
    }

    /** The nullable Calcite type of a column type. */
    public static RelDataType toRelType(SqlColumnType type, RelDataTypeFactory typeFactory) {
        RelDataType relType = switch (type) {
            case BOOLEAN -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
            case TINYINT -> typeFactory.createSqlType(SqlTypeName.TINYINT);
            case SMALLINT -> typeFactory.createSqlType(SqlTypeName.SMALLINT);
            case INTEGER -> typeFactory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL,
                    typeFactory.getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL), MAX_DECIMAL_SCALE);
            case REAL -> typeFactory.createSqlType(SqlTypeName.REAL);
            case DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            case VARCHAR, JSON -> typeFactory.createSqlType(SqlTypeName.VARCHAR);
            case DATE -> typeFactory.createSqlType(SqlTypeName.DATE);
            case TIME -> typeFactory.createSqlType(SqlTypeName.TIME, 3);
            case TIMESTAMP -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case TIMESTAMP_WITH_TIME_ZONE -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3);
            case OBJECT -> typeFactory.createSqlType(SqlTypeName.ANY);
        };
        return typeFactory.createTypeWithNullability(relType, true);
    }

    /**
     * The scale of a mapping's DECIMAL column: the planner needs one, and a value written to the
     * column is rounded to it ({@link #toStored} drops the trailing zeros again).
     */
    public static final int MAX_DECIMAL_SCALE = 18;

    /** The column type users see for a Calcite type. */
    public static SqlColumnType toColumnType(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> SqlColumnType.BOOLEAN;
            case TINYINT -> SqlColumnType.TINYINT;
            case SMALLINT -> SqlColumnType.SMALLINT;
            case INTEGER -> SqlColumnType.INTEGER;
            case BIGINT -> SqlColumnType.BIGINT;
            case DECIMAL -> SqlColumnType.DECIMAL;
            case REAL, FLOAT -> SqlColumnType.REAL;
            case DOUBLE -> SqlColumnType.DOUBLE;
            case CHAR, VARCHAR -> SqlColumnType.VARCHAR;
            case DATE -> SqlColumnType.DATE;
            case TIME -> SqlColumnType.TIME;
            case TIMESTAMP -> SqlColumnType.TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> SqlColumnType.TIMESTAMP_WITH_TIME_ZONE;
            case NULL -> SqlColumnType.VARCHAR;
            default -> SqlColumnType.OBJECT;
        };
    }

    /**
     * The internal value of a Java value given for a value of {@code type} (a parameter, a field
     * read from a source): widens numbers, converts dates and times, refuses what does not fit.
     *
     * @throws SqlException with {@link SqlErrorCode#DATA_CONVERSION_ERROR} if the value cannot
     *                      be a {@code type}; the message names {@code what}
     */
    public static Object toInternal(Object value, SqlColumnType type, String what) {
        if (value == null) {
            return null;
        }
        try {
            return switch (type) {
                case BOOLEAN -> (Boolean) value;
                case TINYINT -> Byte.valueOf(exactLong(value, Byte.MIN_VALUE, Byte.MAX_VALUE).byteValue());
                case SMALLINT -> Short.valueOf(exactLong(value, Short.MIN_VALUE, Short.MAX_VALUE).shortValue());
                case INTEGER -> Integer.valueOf(exactLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue());
                case BIGINT -> exactLong(value, Long.MIN_VALUE, Long.MAX_VALUE);
                case DECIMAL -> toBigDecimal(value);
                case REAL -> Float.valueOf(((Number) value).floatValue());
                case DOUBLE -> Double.valueOf(((Number) value).doubleValue());
                case VARCHAR, JSON -> value instanceof Character || value instanceof CharSequence
                        ? value.toString() : cannotConvert(value);
                case DATE -> (int) ((LocalDate) value).toEpochDay();
                case TIME -> (int) (((LocalTime) value).toNanoOfDay() / 1_000_000);
                case TIMESTAMP -> ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli();
                case TIMESTAMP_WITH_TIME_ZONE -> instantMillis(value);
                case OBJECT -> value;
            };
        } catch (ClassCastException | ArithmeticException e) {
            throw new SqlException(SqlErrorCode.DATA_CONVERSION_ERROR, "Cannot use " + describe(value) + " as "
                    + type.getSqlName() + " for " + what);
        }
    }

    /**
     * The Java value that text (a CSV field, a JSON string) denotes for a column of {@code type}:
     * numbers in Java's syntax, {@code true}/{@code false}, dates and times in ISO-8601; an empty
     * text is {@code NULL} except for VARCHAR and JSON.
     *
     * @throws SqlException with {@link SqlErrorCode#DATA_CONVERSION_ERROR} naming {@code what}
     */
    public static Object fromText(String text, SqlColumnType type, String what) {
        if (text.isEmpty() && type != SqlColumnType.VARCHAR && type != SqlColumnType.JSON) {
            return null;
        }
        try {
            return switch (type) {
                case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("not true or false");
                };
                case TINYINT, SMALLINT, INTEGER, BIGINT -> Long.parseLong(text.trim());
                case DECIMAL -> new BigDecimal(text.trim());
                case REAL, DOUBLE -> Double.parseDouble(text.trim());
                case DATE -> LocalDate.parse(text.trim());
                case TIME -> LocalTime.parse(text.trim());
                case TIMESTAMP -> LocalDateTime.parse(text.trim());
                case TIMESTAMP_WITH_TIME_ZONE -> OffsetDateTime.parse(text.trim());
                case VARCHAR, JSON, OBJECT -> text;
            };
        } catch (RuntimeException e) {
            throw new SqlException(SqlErrorCode.DATA_CONVERSION_ERROR, "Cannot read '" + text + "' as "
                    + type.getSqlName() + " for " + what + ": " + e.getMessage());
        }
    }

    /** The Java value users get for an internal value of {@code type}. */
    public static Object toExternal(Object internal, SqlColumnType type) {
        if (internal == null) {
            return null;
        }
        return switch (type) {
            case DATE -> LocalDate.ofEpochDay(((Number) internal).longValue());
            case TIME -> LocalTime.ofNanoOfDay(((Number) internal).longValue() * 1_000_000);
            case TIMESTAMP -> LocalDateTime.ofEpochSecond(Math.floorDiv(((Number) internal).longValue(), 1000),
                    (int) Math.floorMod(((Number) internal).longValue(), 1000) * 1_000_000, ZoneOffset.UTC);
            case TIMESTAMP_WITH_TIME_ZONE ->
                    OffsetDateTime.ofInstant(Instant.ofEpochMilli(((Number) internal).longValue()), ZoneOffset.UTC);
            case VARCHAR, JSON -> internal.toString();
            default -> internal;
        };
    }

    /**
     * As {@link #toExternal}, for a value a connector stores: a DECIMAL without the trailing zeros
     * that the column's fixed scale added (10.25, not 10.250000000000000000).
     */
    public static Object toStored(Object internal, SqlColumnType type) {
        Object value = toExternal(internal, type);
        if (value instanceof BigDecimal decimal && decimal.scale() > 0) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
        return value;
    }

    private static Long exactLong(Object value, long min, long max) {
        long result;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            result = ((Number) value).longValue();
        } else if (value instanceof BigDecimal decimal) {
            result = decimal.longValueExact();
        } else if (value instanceof BigInteger integer) {
            result = integer.longValueExact();
        } else {
            throw new ClassCastException();
        }
        if (result < min || result > max) {
            throw new ArithmeticException("out of range");
        }
        return result;
    }

    private static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        throw new ClassCastException();
    }

    private static long instantMillis(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        return ((Instant) value).toEpochMilli();
    }

    private static Object cannotConvert(Object value) {
        throw new ClassCastException(value.getClass().getName());
    }

    private static String describe(Object value) {
        return "value '" + value + "' of Java type " + requireNonNull(value).getClass().getName();
    }
}
