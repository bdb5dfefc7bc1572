package io.contrail.sql.impl.pgwire.catalog;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlResult;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlTableMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PgCatalogQueriesTest {

    private static final PgCatalogQueries.Session SESSION = new PgCatalogQueries.Session("alice", 42,
            List.of(new SqlTableMetadata("public", "trades", SqlTableMetadata.Kind.MAPPING,
                    List.of(new SqlColumnMetadata("id", SqlColumnType.BIGINT)))),
            List.of(new PgCatalogQueries.Role("admin", true), new PgCatalogQueries.Role("alice", false)),
            Map.of("server_version", "14.0"), List.of(
                    new PgCatalogQueries.Activity(42, "alice", "psql", "127.0.0.1", 50000, Instant.parse("2026-11-24T01:00:00Z"),
                            "active", "SELECT pid FROM pg_stat_activity", Instant.parse("2026-11-24T01:00:05Z"),
                            Instant.parse("2026-11-24T01:00:05Z")),
                    new PgCatalogQueries.Activity(43, "admin", "", "127.0.0.1", 50001, Instant.parse("2026-11-24T01:00:00Z"),
                            "idle", "DROP JOB secret", Instant.parse("2026-11-24T01:00:01Z"),
                            Instant.parse("2026-11-24T01:00:02Z"))));

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

    @Test
    void errorsSayWhatIsWrong() {
        assertThat(catchThrowableOfType(SqlException.class, () -> run("SELECT FROM WHERE pg_class")).getErrorCode())
                .isEqualTo(SqlErrorCode.SYNTAX_ERROR);
        SqlException unknown = catchThrowableOfType(SqlException.class, () -> run("SELECT nothing FROM pg_class"));
        assertThat(unknown.getErrorCode()).isEqualTo(SqlErrorCode.INVALID_QUERY);
        assertThat(unknown).hasMessageContaining("Column 'nothing' not found");
        SqlException failed = catchThrowableOfType(SqlException.class,
                () -> run("SELECT CAST(relname AS INTEGER) FROM pg_class WHERE relname = 'trades'"));
        assertThat(failed.getErrorCode()).isEqualTo(SqlErrorCode.EXECUTION_FAILED);
        assertThat(catchThrowableOfType(SqlException.class, () -> run("SELECT relname FROM pg_class WHERE oid = ?"))
                .getErrorCode()).isEqualTo(SqlErrorCode.PARAMETER_MISMATCH);
        assertThat(catchThrowableOfType(SqlException.class, () -> run("SELECT '{a,b'::text[] FROM pg_class")))
                .hasMessageContaining("malformed array literal");
    }

    @Test
    void statActivityShowsTheConnections_andOthersQueriesOnlyToASuperuser() {
        assertThat(run("SELECT pid, usename, application_name, client_addr, state, query, backend_start, query_start "
                + "FROM pg_stat_activity ORDER BY pid")).containsExactly(
                "pid|usename|application_name|client_addr|state|query|backend_start|query_start",
                "42|alice|psql|127.0.0.1|active|SELECT pid FROM pg_stat_activity|2026-11-24T01:00Z|2026-11-24T01:00:05Z",
                "43|admin||127.0.0.1|null|<insufficient privilege>|2026-11-24T01:00Z|null");
    }

    /** What pgAdmin asks on connect: the database, the user's role, recovery. */
    @Test
    void pgAdminConnectQueries() {
        assertThat(run("SELECT db.oid AS did, db.datname, db.datallowconn, pg_encoding_to_char(db.encoding) AS serverencoding,"
                + " has_database_privilege(db.oid, 'CREATE') AS cancreate, datlastsysoid FROM pg_database db"
                + " WHERE db.datname = current_database()")).containsExactly(
                "did|datname|datallowconn|serverencoding|cancreate|datlastsysoid", "5|contrail|true|UTF8|true|16383");
        assertThat(run("SELECT oid AS id, rolname AS name, rolsuper AS is_superuser, rolcreaterole AS can_create_role,"
                + " rolcreatedb AS can_create_db FROM pg_catalog.pg_roles WHERE rolname = current_user")).hasSize(2);
        assertThat(run("SELECT CASE WHEN usesuper THEN pg_catalog.pg_is_in_recovery() ELSE NULL END AS inrecovery,"
                + " CASE WHEN usesuper AND pg_catalog.pg_is_in_recovery() THEN pg_is_wal_replay_paused() ELSE NULL END"
                + " AS isreplaypaused FROM pg_catalog.pg_user WHERE usename = current_user"))
                .containsExactly("inrecovery|isreplaypaused", "null|null");
    }

    /** The kinds of query a GUI tool (DBeaver's PostgreSQL driver) sends on connect and to browse. */
    @Test
    void guiToolQueries() {
        assertThat(run("SELECT current_schema(), session_user")).containsExactly("current_schema|session_user",
                "public|alice");
        assertThat(run("SELECT n.nspname = ANY(current_schemas(true)) AS on_path, n.nspname, t.typname "
                + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON t.typnamespace = n.oid WHERE t.oid = ?", 1043L))
                .containsExactly("on_path|nspname|typname", "true|pg_catalog|varchar");
        assertThat(run("SELECT string_agg(word, ',') AS words FROM pg_catalog.pg_get_keywords() "
                + "WHERE word <> ALL ('{a,abs,\"zone\"}'::text[]) AND word LIKE 'tum%'"))
                .containsExactly("words", "tumble");
        assertThat(run("SELECT * FROM pg_catalog.pg_enum WHERE 1<>1 LIMIT 1")).hasSize(1);
        assertThat(run("SELECT t.oid, t.*, c.relkind, format_type(nullif(t.typbasetype, 0), t.typtypmod) AS base_type_name, "
                + "d.description FROM pg_catalog.pg_type t LEFT OUTER JOIN pg_catalog.pg_type et ON et.oid = t.typelem "
                + "LEFT OUTER JOIN pg_catalog.pg_class c ON c.oid = t.typrelid LEFT OUTER JOIN pg_catalog.pg_description d "
                + "ON t.oid = d.objoid WHERE t.typname IS NOT NULL AND (c.relkind IS NULL OR c.relkind = 'c') "
                + "AND (et.typcategory IS NULL OR et.typcategory <> 'C')")).hasSizeGreaterThan(40);
        assertThat(run("SELECT c.oid, c.*, d.description, dep.objid FROM pg_catalog.pg_class c LEFT OUTER JOIN "
                + "pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 AND d.classoid = 'pg_class'::regclass "
                + "LEFT OUTER JOIN pg_depend dep ON dep.refobjid = c.\"oid\" AND dep.deptype = 'i' "
                + "WHERE c.relnamespace = ? AND c.relkind NOT IN ('i', 'I', 'c')", 2200L)).hasSize(2);
        assertThat(run("SELECT c.oid, pg_catalog.pg_total_relation_size(c.oid) AS total_rel_size, "
                + "pg_catalog.pg_relation_size(c.oid) AS rel_size FROM pg_class c WHERE c.relnamespace = ?", 2200L))
                .hasSize(2);
        assertThat(run("SELECT a.oid, a.*, pd.description FROM pg_catalog.pg_roles a LEFT JOIN pg_catalog.pg_shdescription pd "
                + "ON a.oid = pd.objoid ORDER BY a.rolname")).hasSize(3);
        assertThat(run("SELECT t.oid, t.spcname, pg_tablespace_location(t.oid) loc FROM pg_catalog.pg_tablespace t "
                + "ORDER BY t.oid")).containsExactly("oid|spcname|loc", "1663|pg_default|");
        assertThat(run("SELECT c.relname, a.attname, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) AS def_value, "
                + "dsc.description, dep.objid FROM pg_catalog.pg_attribute a INNER JOIN pg_catalog.pg_class c ON "
                + "(a.attrelid = c.oid) LEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid = ad.adrelid AND "
                + "a.attnum = ad.adnum) LEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid = dsc.objoid AND "
                + "a.attnum = dsc.objsubid) LEFT OUTER JOIN pg_depend dep ON dep.refobjid = a.attrelid AND "
                + "dep.deptype = 'i' AND dep.refobjsubid = a.attnum AND dep.classid = dep.refclassid "
                + "WHERE NOT a.attisdropped AND c.relkind NOT IN ('i', 'I', 'c') AND c.relname = 'trades' "
                + "ORDER BY a.attnum")).containsExactly("relname|attname|def_value|description|objid",
                "trades|id|null|null|null");
        assertThat(run("SELECT c.oid, c.*, t.relname AS tabrelname, rt.relnamespace AS refnamespace, d.description, "
                + "CASE WHEN c.contype = 'c' THEN \"substring\"(pg_get_constraintdef(c.oid), 7) ELSE NULL END consrc_copy "
                + "FROM pg_catalog.pg_constraint c INNER JOIN pg_catalog.pg_class t ON t.oid = c.conrelid "
                + "LEFT OUTER JOIN pg_catalog.pg_class rt ON rt.oid = c.confrelid LEFT OUTER JOIN pg_catalog.pg_description d "
                + "ON d.objoid = c.oid AND d.objsubid = 0 AND d.classoid = 'pg_constraint'::regclass "
                + "WHERE c.conrelid = ? ORDER BY c.oid", 16385L)).hasSize(1);
        assertThat(run("SELECT i.*, i.indkey AS keys, c.relname, tc.relname AS tabrelname, "
                + "pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS pred_expr, "
                + "pg_catalog.pg_relation_size(i.indexrelid) AS index_rel_size, "
                + "pg_catalog.pg_stat_get_numscans(i.indexrelid) AS index_num_scans FROM pg_catalog.pg_index i "
                + "INNER JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid INNER JOIN pg_catalog.pg_class tc "
                + "ON tc.oid = i.indrelid WHERE i.indrelid = ? ORDER BY tabrelname, c.relname", 16385L)).hasSize(1);
        assertThat(run("SELECT x.oid, x.*, p.pronamespace AS func_schema_id FROM pg_catalog.pg_trigger x "
                + "LEFT OUTER JOIN pg_catalog.pg_proc p ON p.oid = x.tgfoid WHERE x.tgrelid = ? AND NOT x.tgisinternal",
                16385L)).hasSize(1);
        assertThat(run("SELECT r.oid, r.*, pg_get_ruledef(r.oid) AS definition FROM pg_rewrite r "
                + "WHERE r.ev_class = 16385 AND r.rulename <> '_RETURN'::name")).hasSize(1);
        assertThat(run("SELECT * FROM pg_catalog.pg_policies WHERE schemaname = ? AND tablename = ?", "public", "trades"))
                .hasSize(1);
        assertThat(run("SELECT p.oid AS poid, p.*, pg_catalog.pg_get_expr(p.proargdefaults, 0) AS arg_defaults "
                + "FROM pg_catalog.pg_proc p WHERE p.pronamespace = ? ORDER BY p.proname", 2200L)).hasSize(1);
    }
}
