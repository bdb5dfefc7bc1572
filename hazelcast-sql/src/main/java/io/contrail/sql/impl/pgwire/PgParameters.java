package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;

import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Turns the parameter values of a Bind message into Java values for the engine, by the type the
 * client gave in Parse: {@code int4} becomes an {@code Integer}, {@code numeric} a
 * {@code BigDecimal}, {@code timestamp} a {@code LocalDateTime}, and so on; an unspecified type
 * (OID 0), {@code text}, {@code varchar} and every type we do not know become a {@code String}.
 * Text format is read for every type; binary format for {@code bool}, {@code int2/4/8},
 * {@code float4/8}, {@code text} and {@code varchar} (the ones the JDBC driver sends in binary).
 *
 * <p>Threading: stateless.
 */
final class PgParameters {

    private PgParameters() {
    }

    /**
     * @param index  the parameter's index, from 0, for error messages
     * @param oid    the type given in Parse, 0 if unspecified
     * @param binary whether the value is in binary format
     * @param value  the bytes, {@code null} for SQL NULL
     * @throws SqlException with {@link SqlErrorCode#PARAMETER_MISMATCH} if the value cannot be read
     */
    static Object decode(int index, int oid, boolean binary, byte[] value) {
        if (value == null) {
            return null;
        }
        PgType type = PgType.ofOid(oid);
        try {
            return binary ? decodeBinary(type, oid, value) : decodeText(type, new String(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DateTimeParseException | BufferUnderflowException e) {
            throw new SqlException(SqlErrorCode.PARAMETER_MISMATCH, "Parameter $" + (index + 1) + " is no valid "
                    + (type == null ? "value" : type.name().toLowerCase()) + ": " + e.getMessage(), e);
        }
    }

    private static Object decodeText(PgType type, String text) {
        if (type == null) {
            return text;
        }
        return switch (type) {
            case BOOL -> parseBoolean(text);
            case INT2 -> Short.parseShort(text.strip());
            case INT4 -> Integer.parseInt(text.strip());
            case INT8 -> Long.parseLong(text.strip());
            case NUMERIC -> new BigDecimal(text.strip());
            case FLOAT4 -> Float.parseFloat(text.strip());
            case FLOAT8 -> Double.parseDouble(text.strip());
            case DATE -> LocalDate.parse(text.strip());
            case TIME -> LocalTime.parse(text.strip());
            case TIMESTAMP -> LocalDateTime.parse(text.strip().replace(' ', 'T'));
            case TIMESTAMPTZ -> OffsetDateTime.parse(text.strip(), PgType.TIMESTAMPTZ_FORMAT);
            case VARCHAR, JSON, TEXT -> text;
        };
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.strip().toLowerCase()) {
            case "t", "true", "yes", "y", "on", "1" -> Boolean.TRUE;
            case "f", "false", "no", "n", "off", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + text + "' is no boolean; use true or false");
        };
    }

    private static Object decodeBinary(PgType type, int oid, byte[] value) {
        if (type == null && oid != 0) {
            throw unsupportedBinary(oid);
        }
        if (type == null) {
            return new String(value, StandardCharsets.UTF_8);
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        Object result = switch (type) {
            case BOOL -> buffer.get() != 0;
            case INT2 -> buffer.getShort();
            case INT4 -> buffer.getInt();
            case INT8 -> buffer.getLong();
            case FLOAT4 -> buffer.getFloat();
            case FLOAT8 -> buffer.getDouble();
            case VARCHAR, TEXT -> new String(value, StandardCharsets.UTF_8);
            default -> throw unsupportedBinary(oid);
        };
        if (buffer.hasRemaining() && type != PgType.VARCHAR && type != PgType.TEXT) {
            throw new IllegalArgumentException(value.length + " bytes is the wrong length for binary " + type.name().toLowerCase());
        }
        return result;
    }

    private static SqlException unsupportedBinary(int oid) {
        return new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "Parameters of type OID " + oid
                + " are only read in text format; have the client send them as text");
    }
}
