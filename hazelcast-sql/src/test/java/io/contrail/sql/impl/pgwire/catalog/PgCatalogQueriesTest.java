package io.contrail.sql.impl.pgwire.catalog;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlResult;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlTableMetadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PgCatalogQueriesTest {

    private static final PgCatalogQueries.Session SESSION = new PgCatalogQueries.Session("alice", 42,
            List.of(new SqlTableMetadata("public", "trades", SqlTableMetadata.Kind.MAPPING,
                    List.of(new SqlColumnMetadata("id", SqlColumnType.BIGINT)))),
            List.of(new PgCatalogQueries.Role("admin", true), new PgCatalogQueries.Role("alice", false)),
            Map.of("server_version", "14.0"));

    private static List<String> run(String sql, Object... parameters) {
        List<String> rows = new ArrayList<>();
        try (SqlResult result = PgCatalogQueries.execute(sql, parameters, SESSION)) {
            StringBuilder header = new StringBuilder();
            result.getRowMetadata().columns().forEach(c -> header.append(header.length() > 0 ? "|" : "").append(c.name()));
            rows.add(header.toString());
            for (SqlRow row : result) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < row.metadata().getColumnCount(); i++) {
                    text.append(i > 0 ? "|" : "").append((Object) row.getObject(i));
                }
                rows.add(text.toString());
            }
        }
        return rows;
    }

    @Test
    void sessionFunctionsAreNamedAfterThemselves() {
        assertThat(run("SELECT current_user")).containsExactly("current_user", "alice");
        assertThat(run("SELECT version(), pg_backend_pid(), current_catalog"))
                .containsExactly("version|pg_backend_pid|current_catalog", PgCatalogQueries.VERSION + "|42|contrail");
        assertThat(run("SELECT session_user AS who")).containsExactly("who", "alice");
    }

    @Test
    void parametersAreBoundAsLiterals() {
        assertThat(run("SELECT relname FROM pg_class WHERE relname LIKE ? AND relnamespace = ?", "tr%", 2200))
                .containsExactly("relname", "trades");
        assertThat(run("SELECT count(*) AS n FROM pg_class WHERE relname = ?", (Object) null))
                .containsExactly("n", "0");
    }

    @Test
    void postgresSyntaxIsRewritten() {
        assertThat(run("SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname OPERATOR(pg_catalog.~) '^(trades)$' "
                + "COLLATE pg_catalog.default AND pg_catalog.pg_table_is_visible(c.oid)"))
                .containsExactly("relname", "trades");
        assertThat(run("SELECT 'trades'::regclass = c.oid AS same, c.oid::text ~ '^[0-9]+$' AS digits "
                + "FROM pg_class c WHERE relname = 'trades'")).containsExactly("same|digits", "true|true");
        assertThat(run("SELECT typname FROM pg_type WHERE oid = 'int8'::regtype")).containsExactly("typname", "int8");
        assertThat(run("SELECT pg_get_userbyid(relowner) AS owner, format_type(1043, 68) AS t FROM pg_class "
                + "WHERE relname = 'trades'")).containsExactly("owner|t", "admin|character varying(64)");
        assertThat(run("SELECT CASE WHEN true THEN 'a' ELSE 'abc' END AS padded")).containsExactly("padded", "a");
    }

    @Test
    void setReturningExpandArrayBecomesAnUnnest() {
        assertThat(run("SELECT (information_schema._pg_expandarray(ARRAY[7, 8])).n AS n, "
                + "information_schema._pg_expandarray(ARRAY[7, 8]) AS k"))
                .containsExactly("n|k", "1|(7,1)", "2|(8,2)");
    }

    @Test
    void objectBrowserQueries() {
        assertThat(run("SELECT n.oid, n.*, d.description FROM pg_catalog.pg_namespace n LEFT OUTER JOIN "
                + "pg_catalog.pg_description d ON d.objoid = n.oid AND d.objsubid = 0 "
                + "AND d.classoid = 'pg_namespace'::regclass ORDER BY nspname"))
                .hasSize(5).element(0).asString().startsWith("oid|oid0|nspname");
        assertThat(run("SELECT c.oid, c.relname, d.description, pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS "
                + "partition_expr, pg_catalog.pg_get_partkeydef(c.oid) AS partition_key FROM pg_catalog.pg_class c "
                + "LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 AND "
                + "d.classoid = 'pg_class'::regclass WHERE c.relnamespace = ? AND c.relkind NOT IN ('i', 'I', 'c')", 2200))
                .hasSize(2).last().asString().endsWith("|trades|null|null|null");
        assertThat(run("SELECT t.oid, t.typname, format_type(nullif(t.typbasetype, 0), t.typtypmod) AS base_type_name "
                + "FROM pg_catalog.pg_type t WHERE t.typname = 'int8'")).containsExactly("oid|typname|base_type_name",
                "20|int8|null");
        assertThat(run("SELECT db.oid, db.datname FROM pg_catalog.pg_database db WHERE datname = ?", "contrail"))
                .containsExactly("oid|datname", "5|contrail");
        assertThat(run("SELECT a.attname, a.attnum, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a "
                + "JOIN pg_class c ON a.attrelid = c.oid WHERE c.relname = 'trades' AND a.attnum > 0 ORDER BY a.attnum"))
                .containsExactly("attname|attnum|type", "id|1|bigint");
        assertThat(run("SELECT setting FROM pg_settings WHERE name = 'server_version'")).containsExactly("setting", "14.0");
        assertThat(run("SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public'"))
                .containsExactly("tablename|tableowner", "trades|admin");
        assertThat(run("SELECT count(*) AS n FROM pg_extension")).containsExactly("n", "0");
        assertThat(run("SELECT rolname, rolsuper FROM pg_roles ORDER BY oid")).containsExactly("rolname|rolsuper",
                "admin|true", "alice|false");
    }
}
