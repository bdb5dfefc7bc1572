package io.contrail.sql.impl.pgwire.catalog;

import io.contrail.sql.SqlColumnType;
import io.contrail.sql.impl.pgwire.PgType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The rows of {@code pg_type}: the types Contrail sends ({@link PgType}), the types of the
 * catalog's own columns ({@code name}, {@code oid}, {@code regclass}, ...), and an array type of
 * each, with PostgreSQL's OIDs so that clients that know them by number agree.
 *
 * <p>Threading: immutable.
 */
final class PgCatalogTypes {

    /**
     * One type.
     *
     * @param formatName what {@code format_type} prints: the SQL name
     * @param category   {@code typcategory}: B boolean, N numeric, S string, D date/time, U user, A array, X unknown
     * @param input      {@code typinput}, the name of the input function
     * @param element    {@code typelem}: the element type of an array, else 0
     * @param array      {@code typarray}: the array type, else 0
     */
    record Type(int oid, String name, String formatName, int length, boolean byValue, char category, String input,
                int element, int array, char align) {

        Type {
            requireNonNull(name, "name is null");
            requireNonNull(formatName, "formatName is null");
            requireNonNull(input, "input is null");
        }

        String storage() {
            return length == -1 ? "x" : "p";
        }

        /** {@code typcollation}: the default collation (100) for strings, else none. */
        int collation() {
            return category == 'S' ? DEFAULT_COLLATION : 0;
        }
    }

    private static final int DEFAULT_COLLATION = 100;
    private static final Map<Integer, Type> BY_OID;

    static {
        List<Type> base = List.of(
                base(PgType.BOOL.oid(), "bool", "boolean", 1, 'B', "boolin", 1000, 'c'),
                base(17, "bytea", "bytea", -1, 'U', "byteain", 1001, 'i'),
                base(18, "char", "\"char\"", 1, 'Z', "charin", 1002, 'c'),
                base(19, "name", "name", 64, 'S', "namein", 1003, 'c'),
                base(PgType.INT8.oid(), "int8", "bigint", 8, 'N', "int8in", 1016, 'd'),
                base(PgType.INT2.oid(), "int2", "smallint", 2, 'N', "int2in", 1005, 's'),
                base(22, "int2vector", "int2vector", -1, 'A', "int2vectorin", 1006, 'i'),
                base(PgType.INT4.oid(), "int4", "integer", 4, 'N', "int4in", 1007, 'i'),
                base(24, "regproc", "regproc", 4, 'N', "regprocin", 1008, 'i'),
                base(PgType.TEXT.oid(), "text", "text", -1, 'S', "textin", 1009, 'i'),
                base(26, "oid", "oid", 4, 'N', "oidin", 1028, 'i'),
                base(30, "oidvector", "oidvector", -1, 'A', "oidvectorin", 1013, 'i'),
                base(PgType.JSON.oid(), "json", "json", -1, 'U', "json_in", 199, 'i'),
                base(PgType.FLOAT4.oid(), "float4", "real", 4, 'N', "float4in", 1021, 'i'),
                base(PgType.FLOAT8.oid(), "float8", "double precision", 8, 'N', "float8in", 1022, 'd'),
                base(705, "unknown", "unknown", -2, 'X', "unknownin", 0, 'c'),
                base(1042, "bpchar", "character", -1, 'S', "bpcharin", 1014, 'i'),
                base(PgType.VARCHAR.oid(), "varchar", "character varying", -1, 'S', "varcharin", 1015, 'i'),
                base(PgType.DATE.oid(), "date", "date", 4, 'D', "date_in", 1182, 'i'),
                base(PgType.TIME.oid(), "time", "time without time zone", 8, 'D', "time_in", 1183, 'd'),
                base(PgType.TIMESTAMP.oid(), "timestamp", "timestamp without time zone", 8, 'D', "timestamp_in", 1115, 'd'),
                base(PgType.TIMESTAMPTZ.oid(), "timestamptz", "timestamp with time zone", 8, 'D', "timestamptz_in",
                        1185, 'd'),
                base(PgType.NUMERIC.oid(), "numeric", "numeric", -1, 'N', "numeric_in", 1231, 'i'),
                base(2205, "regclass", "regclass", 4, 'N', "regclassin", 2210, 'i'),
                base(2206, "regtype", "regtype", 4, 'N', "regtypein", 2211, 'i'));
        Map<Integer, Type> types = new LinkedHashMap<>();
        for (Type type : base) {
            types.put(type.oid(), type);
        }
        for (Type type : base) {
            if (type.array() != 0) {
                types.put(type.array(), new Type(type.array(), "_" + type.name(), type.formatName() + "[]", -1, false, 'A',
                        "array_in", type.oid(), 0, type.align() == 'd' ? 'd' : 'i'));
            }
        }
        BY_OID = Collections.unmodifiableMap(types);
    }

    private PgCatalogTypes() {
    }

    private static Type base(int oid, String name, String formatName, int length, char category, String input,
                             int array, char align) {
        boolean byValue = length > 0 && length <= 8;
        return new Type(oid, name, formatName, length, byValue, category, input, 0, array, align);
    }

    /** Every type, base types first. */
    static List<Type> all() {
        return new ArrayList<>(BY_OID.values());
    }

    /** The type of that OID, or {@code null}. */
    static Type ofOid(int oid) {
        return BY_OID.get(oid);
    }

    /** The type a column of that type has in the catalog: the one it is sent as. */
    static Type of(SqlColumnType type) {
        return BY_OID.get(PgType.of(type).oid());
    }

    static Type named(String name) {
        return BY_OID.values().stream().filter(type -> type.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no type " + name));
    }
}
