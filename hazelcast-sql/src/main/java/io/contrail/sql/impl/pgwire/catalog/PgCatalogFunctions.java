package io.contrail.sql.impl.pgwire.catalog;

import io.contrail.sql.impl.parse.SqlParsing;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.schema.impl.TableFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The functions of {@code pg_catalog} that clients call in their catalog queries and whose
 * answer depends only on their arguments. Those that depend on the session or the catalog
 * ({@code current_schemas}, {@code pg_get_userbyid}, {@code pg_table_is_visible}, ...) are
 * rewritten by {@link PgDialectRewriter} instead.
 *
 * <p>Contrail keeps no SQL text for defaults, indexes, constraints or views and no comments, so
 * the functions that print those return {@code NULL}, as PostgreSQL does for an object without
 * one. Every user may read every table, so the privilege checks are true.
 *
 * <p>Public only because Calcite calls the methods by reflection.
 */
public final class PgCatalogFunctions {

    private static final int UTF8 = 6;

    /** The functions {@link #register} adds to {@code pg_catalog}: every public method of this class. */
    static final Set<String> NAMES = Arrays.stream(PgCatalogFunctions.class.getDeclaredMethods())
            .filter(method -> Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers()))
            .map(Method::getName).collect(Collectors.toUnmodifiableSet());

    private PgCatalogFunctions() {
    }

    static void register(SchemaPlus pgCatalog) {
        for (Method method : PgCatalogFunctions.class.getMethods()) {
            if (NAMES.contains(method.getName())) {
                pgCatalog.add(method.getName(), ScannableTable.class.isAssignableFrom(method.getReturnType())
                        ? TableFunctionImpl.create(method) : ScalarFunctionImpl.create(method));
            }
        }
    }

    /** The SQL name of a type, with its length or precision when {@code typmod} has one. */
    public static String format_type(Integer oid, Integer typmod) {
        if (oid == null) {
            return null;
        }
        PgCatalogTypes.Type type = PgCatalogTypes.ofOid(oid);
        if (type == null) {
            return "???";
        }
        if (typmod != null && typmod >= 4 && (type.name().equals("varchar") || type.name().equals("bpchar"))) {
            return type.formatName() + "(" + (typmod - 4) + ")";
        }
        if (typmod != null && typmod >= 4 && type.name().equals("numeric")) {
            int precisionAndScale = typmod - 4;
            return "numeric(" + (precisionAndScale >> 16) + "," + (precisionAndScale & 0xFFFF) + ")";
        }
        return type.formatName();
    }

    public static String pg_encoding_to_char(Integer encoding) {
        return encoding != null && encoding == UTF8 ? "UTF8" : "";
    }

    public static String pg_get_expr(String expression, Integer relation) {
        return null;
    }

    public static String pg_get_expr(String expression, Integer relation, Boolean pretty) {
        return null;
    }

    public static String obj_description(Integer oid, String catalog) {
        return null;
    }

    public static String obj_description(Integer oid) {
        return null;
    }

    public static String col_description(Integer table, Integer column) {
        return null;
    }

    public static String shobj_description(Integer oid, String catalog) {
        return null;
    }

    public static String pg_get_indexdef(Integer index) {
        return null;
    }

    public static String pg_get_indexdef(Integer index, Integer column, Boolean pretty) {
        return null;
    }

    public static String pg_get_constraintdef(Integer constraint) {
        return null;
    }

    public static String pg_get_constraintdef(Integer constraint, Boolean pretty) {
        return null;
    }

    public static String pg_get_viewdef(Integer view) {
        return null;
    }

    public static String pg_get_viewdef(Integer view, Boolean pretty) {
        return null;
    }

    public static String pg_get_statisticsobjdef_columns(Integer statistics) {
        return null;
    }

    public static String pg_get_triggerdef(Integer trigger) {
        return null;
    }

    public static String pg_get_triggerdef(Integer trigger, Boolean pretty) {
        return null;
    }

    public static String pg_get_ruledef(Integer rule) {
        return null;
    }

    public static String pg_get_ruledef(Integer rule, Boolean pretty) {
        return null;
    }

    public static String pg_get_partkeydef(Integer table) {
        return null;
    }

    public static String pg_get_serial_sequence(String table, String column) {
        return null;
    }

    public static String pg_get_function_result(Integer function) {
        return null;
    }

    public static String pg_get_function_arguments(Integer function) {
        return null;
    }

    public static String pg_get_function_identity_arguments(Integer function) {
        return null;
    }

    public static boolean has_table_privilege(String table, String privilege) {
        return true;
    }

    public static boolean has_table_privilege(Integer table, String privilege) {
        return true;
    }

    public static boolean has_table_privilege(String user, String table, String privilege) {
        return true;
    }

    public static boolean has_schema_privilege(String schema, String privilege) {
        return true;
    }

    public static boolean has_schema_privilege(Integer schema, String privilege) {
        return true;
    }

    public static boolean has_schema_privilege(String user, String schema, String privilege) {
        return true;
    }

    public static boolean has_database_privilege(String database, String privilege) {
        return true;
    }

    public static boolean has_database_privilege(Integer database, String privilege) {
        return true;
    }

    public static boolean has_any_column_privilege(Integer table, String privilege) {
        return true;
    }

    /** The on-disk size: Contrail's tables live in IMaps and files, not in PostgreSQL's relations. */
    public static long pg_relation_size(Integer relation) {
        return 0;
    }

    public static long pg_total_relation_size(Integer relation) {
        return 0;
    }

    /** Contrail has no logical replication: no table is published. */
    public static boolean pg_relation_is_publishable(Integer table) {
        return false;
    }

    public static boolean pg_relation_is_publishable(String table) {
        return false;
    }

    /** There is no write-ahead log: a member is never a replica in recovery. */
    public static boolean pg_is_in_recovery() {
        return false;
    }

    public static boolean pg_is_wal_replay_paused() {
        return false;
    }

    /** Where a tablespace keeps its files: the default tablespace has no location of its own. */
    public static String pg_tablespace_location(Integer tablespace) {
        return "";
    }

    /** Index scans: Contrail's tables have no indexes that PostgreSQL would scan. */
    public static long pg_stat_get_numscans(Integer index) {
        return 0;
    }

    /** The keywords of Contrail's SQL: {@code word}, {@code catcode} (R reserved, U not), descriptions. */
    public static ScannableTable pg_get_keywords() {
        PgCatalogTable keywords = new PgCatalogTable("pg_get_keywords").column("word", SqlTypeName.VARCHAR, null)
                .column("catcode", SqlTypeName.VARCHAR, null).column("barelabel", SqlTypeName.BOOLEAN, true)
                .column("catdesc", SqlTypeName.VARCHAR, null).column("baredesc", SqlTypeName.VARCHAR, "can be bare label");
        for (String keyword : SqlParsing.keywords()) {
            boolean reserved = SqlParsing.isReservedWord(keyword);
            keywords.row(Map.of("word", keyword.toLowerCase(Locale.ROOT), "catcode", reserved ? "R" : "U",
                    "catdesc", reserved ? "reserved" : "unreserved"));
        }
        return keywords;
    }

    /** The integers from {@code start} to {@code stop}, in one column named {@code generate_series}. */
    public static ScannableTable generate_series(Integer start, Integer stop) {
        PgCatalogTable series = new PgCatalogTable("generate_series").column("generate_series", SqlTypeName.INTEGER, null);
        if (start != null && stop != null) {
            for (int i = start; i <= stop; i++) {
                series.row(Map.of("generate_series", i));
            }
        }
        return series;
    }
}
