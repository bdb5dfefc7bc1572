package io.contrail.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import static java.util.Objects.requireNonNull;

/** The type of a column, as declared in a mapping or given in {@link SqlRowMetadata}. */
public enum SqlColumnType {
    BOOLEAN("BOOLEAN", Boolean.class),
    TINYINT("TINYINT", Byte.class),
    SMALLINT("SMALLINT", Short.class),
    INTEGER("INTEGER", Integer.class),
    BIGINT("BIGINT", Long.class),
    DECIMAL("DECIMAL", BigDecimal.class),
    REAL("REAL", Float.class),
    DOUBLE("DOUBLE", Double.class),
    VARCHAR("VARCHAR", String.class),
    DATE("DATE", LocalDate.class),
    TIME("TIME", LocalTime.class),
    TIMESTAMP("TIMESTAMP", LocalDateTime.class),
    TIMESTAMP_WITH_TIME_ZONE("TIMESTAMP WITH TIME ZONE", OffsetDateTime.class),
    /** JSON text, handed out as a {@code String} for now. */
    JSON("JSON", String.class),
    /** Any Java object. */
    OBJECT("OBJECT", Object.class);

    private final String sqlName;
    private final Class<?> valueClass;

    SqlColumnType(String sqlName, Class<?> valueClass) {
        this.sqlName = requireNonNull(sqlName, "sqlName is null");
        this.valueClass = requireNonNull(valueClass, "valueClass is null");
    }

    /** The name as written in SQL, such as {@code TIMESTAMP WITH TIME ZONE}. */
    public String getSqlName() {
        return sqlName;
    }

    /** The Java class of the values of a column of this type. */
    public Class<?> getValueClass() {
        return valueClass;
    }
}
