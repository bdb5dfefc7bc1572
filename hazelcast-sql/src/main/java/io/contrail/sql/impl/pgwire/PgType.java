package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlColumnType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;

import static java.util.Objects.requireNonNull;

/**
 * The PostgreSQL type a column of each {@link SqlColumnType} is sent as: its OID, its length in
 * RowDescription, and its value in text and binary format. Text is what PostgreSQL prints with
 * {@code DateStyle = ISO}: {@code t}/{@code f}, {@code 2024-05-01 12:30:00.25},
 * {@code 2024-05-01 12:30:00+02}. Binary is PostgreSQL's send format; clients ask for it only
 * for types they decode themselves (the JDBC driver does for numbers and times of statements it
 * has prepared):
 *
 * <pre>
 * bool         1 byte, 0 or 1
 * int2/4/8     big-endian two's complement
 * float4/8     IEEE 754, big-endian
 * numeric      int16 ndigits | int16 weight | int16 sign (0x0000 +, 0x4000 -) | int16 dscale | int16 digit[ndigits], base 10000
 * date         int32 days since 2000-01-01
 * time         int64 microseconds since midnight
 * timestamp    int64 microseconds since 2000-01-01 00:00
 * timestamptz  int64 microseconds since 2000-01-01 00:00 UTC
 * varchar/text/json   the UTF-8 bytes
 * </pre>
 *
 * <p>Threading: immutable.
 */
public enum PgType {
    BOOL(16, 1),
    INT2(21, 2),
    INT4(23, 4),
    INT8(20, 8),
    NUMERIC(1700, -1),
    FLOAT4(700, 4),
    FLOAT8(701, 8),
    VARCHAR(1043, -1),
    DATE(1082, 4),
    TIME(1083, 8),
    TIMESTAMP(1114, 8),
    TIMESTAMPTZ(1184, 8),
    JSON(114, -1),
    TEXT(25, -1);

    static final DateTimeFormatter TIME_FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
            .toFormatter();
    static final DateTimeFormatter TIMESTAMP_FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(TIME_FORMAT)
            .toFormatter();
    static final DateTimeFormatter TIMESTAMPTZ_FORMAT = new DateTimeFormatterBuilder()
            .append(TIMESTAMP_FORMAT)
            .appendOffset("+HH:mm", "+00")
            .toFormatter();

    /** Day 0 of {@code date} and microsecond 0 of {@code timestamp} in binary format. */
    static final LocalDate PG_EPOCH_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDateTime PG_EPOCH = PG_EPOCH_DATE.atStartOfDay();
    /** The base of {@code numeric} digits in binary format. */
    static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private final int oid;
    private final int length;

    PgType(int oid, int length) {
        this.oid = oid;
        this.length = length;
    }

    public int oid() {
        return oid;
    }

    /** {@code typlen} of RowDescription: the fixed size in bytes, or -1 if variable. */
    int length() {
        return length;
    }

    /** The type a column of that type is sent as; OBJECT goes as text. */
    public static PgType of(SqlColumnType type) {
        return switch (requireNonNull(type, "type is null")) {
            case BOOLEAN -> BOOL;
            case TINYINT, SMALLINT -> INT2;
            case INTEGER -> INT4;
            case BIGINT -> INT8;
            case DECIMAL -> NUMERIC;
            case REAL -> FLOAT4;
            case DOUBLE -> FLOAT8;
            case VARCHAR -> VARCHAR;
            case DATE -> DATE;
            case TIME -> TIME;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMP_WITH_TIME_ZONE -> TIMESTAMPTZ;
            case JSON -> JSON;
            case OBJECT -> TEXT;
        };
    }

    /** The type of that OID, or {@code null} for one we do not know (or 0, unspecified). */
    static PgType ofOid(int oid) {
        for (PgType type : values()) {
            if (type.oid == oid) {
                return type;
            }
        }
        return null;
    }

    /** The value in text format; never called with {@code null}. */
    String toText(Object value) {
        return switch (this) {
            case BOOL -> (Boolean) value ? "t" : "f";
            case NUMERIC -> value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
            case DATE -> ((LocalDate) value).format(DateTimeFormatter.ISO_LOCAL_DATE);
            case TIME -> ((LocalTime) value).format(TIME_FORMAT);
            case TIMESTAMP -> ((LocalDateTime) value).format(TIMESTAMP_FORMAT);
            case TIMESTAMPTZ -> ((OffsetDateTime) value).format(TIMESTAMPTZ_FORMAT);
            default -> value.toString();
        };
    }

    /** The value in binary format; never called with {@code null}. */
    byte[] toBinary(Object value) {
        return switch (this) {
            case BOOL -> new byte[] {(byte) ((Boolean) value ? 1 : 0)};
            case INT2 -> ByteBuffer.allocate(2).putShort(((Number) value).shortValue()).array();
            case INT4 -> ByteBuffer.allocate(4).putInt(((Number) value).intValue()).array();
            case INT8 -> ByteBuffer.allocate(8).putLong(((Number) value).longValue()).array();
            case FLOAT4 -> ByteBuffer.allocate(4).putFloat(((Number) value).floatValue()).array();
            case FLOAT8 -> ByteBuffer.allocate(8).putDouble(((Number) value).doubleValue()).array();
            case NUMERIC -> numericBinary(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
            case DATE -> ByteBuffer.allocate(4).putInt((int) ChronoUnit.DAYS.between(PG_EPOCH_DATE, (LocalDate) value)).array();
            case TIME -> ByteBuffer.allocate(8).putLong(((LocalTime) value).toNanoOfDay() / 1000).array();
            case TIMESTAMP -> ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH, (LocalDateTime) value)).array();
            case TIMESTAMPTZ -> ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH,
                    ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime())).array();
            case VARCHAR, JSON, TEXT -> value.toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** PostgreSQL's numeric send format; see the class javadoc. */
    private static byte[] numericBinary(BigDecimal value) {
        int dscale = Math.max(value.scale(), 0);
        BigInteger unscaled = value.abs().setScale(dscale).unscaledValue();
        // pad the fraction to whole base-10000 digits, then cut the number into them
        int fractionDigits = (dscale + 3) / 4;
        unscaled = unscaled.multiply(BigInteger.TEN.pow(fractionDigits * 4 - dscale));
        ArrayDeque<Short> digits = new ArrayDeque<>();
        while (unscaled.signum() > 0) {
            BigInteger[] qr = unscaled.divideAndRemainder(TEN_THOUSAND);
            digits.addFirst(qr[1].shortValue());
            unscaled = qr[0];
        }
        int weight = digits.size() - fractionDigits - 1;
        while (!digits.isEmpty() && digits.peekLast() == 0) {
            digits.removeLast();
        }
        ByteBuffer out = ByteBuffer.allocate(8 + 2 * digits.size());
        out.putShort((short) digits.size());
        out.putShort((short) (digits.isEmpty() ? 0 : weight));
        out.putShort((short) (value.signum() < 0 ? 0x4000 : 0));
        out.putShort((short) dscale);
        digits.forEach(out::putShort);
        return out.array();
    }
}
