package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Turns the parameter values of a Bind message into Java values for the engine, by the type the
 * client gave in Parse: {@code int4} becomes an {@code Integer}, {@code numeric} a
 * {@code BigDecimal}, {@code timestamp} a {@code LocalDateTime}, and so on; an unspecified type
 * (OID 0), {@code text}, {@code varchar} and every type we do not know become a {@code String}.
 * Text format is read for every type; binary format (see {@link PgType} for the layouts) for
 * {@code bool}, {@code int2/4/8}, {@code float4/8}, {@code numeric}, {@code date}, {@code time},
 * {@code timestamp}, {@code timestamptz}, {@code text} and {@code varchar}, which covers what the
 * JDBC driver sends in binary.
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
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException | BufferUnderflowException e) {
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
            case NUMERIC -> numeric(buffer);
            case DATE -> PgType.PG_EPOCH_DATE.plusDays(buffer.getInt());
            case TIME -> LocalTime.ofNanoOfDay(buffer.getLong() * 1000);
            case TIMESTAMP -> PgType.PG_EPOCH.plus(buffer.getLong(), ChronoUnit.MICROS);
            case TIMESTAMPTZ -> PgType.PG_EPOCH.plus(buffer.getLong(), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            case VARCHAR, TEXT -> new String(value, StandardCharsets.UTF_8);
            case JSON -> throw unsupportedBinary(oid);
        };
        if (buffer.hasRemaining() && type != PgType.VARCHAR && type != PgType.TEXT) {
            throw new IllegalArgumentException(value.length + " bytes is the wrong length for binary " + type.name().toLowerCase());
        }
        return result;
    }

    /** int16 ndigits, int16 weight, int16 sign, int16 dscale, int16 digits[ndigits] in base 10000. */
    private static BigDecimal numeric(ByteBuffer buffer) {
        int digits = buffer.getShort();
        int weight = buffer.getShort();
        int sign = buffer.getShort() & 0xFFFF;
        int scale = buffer.getShort();
        if (sign != 0 && sign != 0x4000) {
            throw new IllegalArgumentException("NaN and infinity are no DECIMAL values");
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < digits; i++) {
            unscaled = unscaled.multiply(PgType.TEN_THOUSAND).add(BigInteger.valueOf(buffer.getShort()));
        }
        // the digits stand for unscaled * 10000^(weight - digits + 1)
        BigDecimal value = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - digits + 1));
        value = value.setScale(scale, RoundingMode.UNNECESSARY);
        return sign == 0x4000 ? value.negate() : value;
    }

    private static SqlException unsupportedBinary(int oid) {
        return new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "Parameters of type OID " + oid
                + " are only read in text format; have the client send them as text");
    }
}
