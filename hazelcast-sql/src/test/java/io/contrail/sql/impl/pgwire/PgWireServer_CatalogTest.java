package io.contrail.sql.impl.pgwire;

import io.contrail.sql.impl.catalog.MappingCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL catalog as clients browse it: the JDBC driver's {@code DatabaseMetaData},
 * queries of {@code pg_catalog} and {@code information_schema}, and {@code psql}'s {@code \d}.
 */
@Timeout(60)
class PgWireServer_CatalogTest {

    private static PgWireEndpoint endpoint;

    @BeforeAll
    static void start() {
        endpoint = PgWireEndpoint.start("pgcatalog");
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @BeforeEach
    void createMappings() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE MAPPING trades (id BIGINT EXTERNAL NAME __key, ticker VARCHAR, price DECIMAL, "
                    + "quantity INTEGER, placed TIMESTAMP, filled BOOLEAN) TYPE IMap "
                    + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')");
            statement.execute("CREATE MAPPING \"Quotes\" (id BIGINT EXTERNAL NAME __key, bid DOUBLE) TYPE IMap "
                    + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')");
        }
    }

    @AfterEach
    void clearCatalog() {
        endpoint.member().getHazelcastInstance().getMap(MappingCatalog.MAP_NAME).clear();
    }

    private static Connection connect() throws SQLException {
        return endpoint.connect("alice");
    }

    @Test
    void databaseMetaDataListsSchemasAndTables() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(strings(metaData.getCatalogs(), "TABLE_CAT")).containsExactly("contrail");
            assertThat(strings(metaData.getSchemas(), "TABLE_SCHEM"))
                    .containsExactly("information_schema", "pg_catalog", "public", "system");

            List<String> tables = new ArrayList<>();
            try (ResultSet rs = metaData.getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + ":"
                            + rs.getString("TABLE_TYPE"));
                }
            }
            assertThat(tables).containsExactly("public.Quotes:TABLE", "public.trades:TABLE");
            assertThat(strings(metaData.getTables(null, "system", "%", new String[] {"VIEW"}), "TABLE_NAME"))
                    .containsExactly("jobs", "mappings", "snapshots");
            assertThat(strings(metaData.getTables(null, null, "trad%", null), "TABLE_NAME")).containsExactly("trades");
        }
    }

    @Test
    void databaseMetaDataDescribesColumns() throws SQLException {
        try (Connection connection = connect();
             ResultSet rs = connection.getMetaData().getColumns(null, "public", "trades", "%")) {
            List<String> columns = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            while (rs.next()) {
                columns.add(rs.getInt("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME") + ":"
                        + rs.getString("TYPE_NAME") + ":" + rs.getString("IS_NULLABLE"));
                types.add(rs.getInt("DATA_TYPE"));
            }
            assertThat(columns).containsExactly("1:id:int8:YES", "2:ticker:varchar:YES", "3:price:numeric:YES",
                    "4:quantity:int4:YES", "5:placed:timestamp:YES", "6:filled:bool:YES");
            assertThat(types).containsExactly(Types.BIGINT, Types.VARCHAR, Types.NUMERIC, Types.INTEGER,
                    Types.TIMESTAMP, Types.BIT);
        }
    }

    @Test
    void keysIndexesAndTypesAreAnswered() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            // mappings declare no keys or indexes: the answers are empty, not errors
            assertThat(count(metaData.getPrimaryKeys(null, "public", "trades"))).isZero();
            assertThat(count(metaData.getIndexInfo(null, "public", "trades", false, true))).isZero();
            assertThat(count(metaData.getImportedKeys(null, "public", "trades"))).isZero();
            assertThat(strings(metaData.getTypeInfo(), "TYPE_NAME"))
                    .contains("int8", "varchar", "numeric", "timestamptz", "bool");
        }
    }

    @Test
    void informationSchemaAndPgCatalogAnswerQueries() throws SQLException {
        try (Connection connection = connect()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT column_name, data_type "
                    + "FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
                statement.setString(1, "public");
                statement.setString(2, "Quotes");
                assertThat(rows(statement.executeQuery())).containsExactly("id|bigint", "bid|double precision");
            }
            try (Statement statement = connection.createStatement()) {
                assertThat(rows(statement.executeQuery("SELECT c.relname, c.relkind FROM pg_catalog.pg_class c "
                        + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
                        + "ORDER BY 1"))).containsExactly("Quotes|r", "trades|r");
                // a table keeps its OID from query to query, and ::regclass finds it
                String oid = rows(statement.executeQuery("SELECT oid FROM pg_class WHERE relname = 'trades'")).get(0);
                assertThat(rows(statement.executeQuery("SELECT 'trades'::regclass::oid"))).containsExactly(oid);
                assertThat(rows(statement.executeQuery("SELECT count(*) FROM pg_attribute WHERE attrelid = " + oid
                        + " AND attnum > 0"))).containsExactly("6");
                assertThat(rows(statement.executeQuery("SELECT current_schemas(true)")))
                        .containsExactly("{pg_catalog,public}");
                assertThat(rows(statement.executeQuery("SELECT current_database(), current_schema()")))
                        .containsExactly("contrail|public");
                // an unnamed expression is ?column?, as in PostgreSQL, from the engine and the catalog alike
                try (ResultSet rs = statement.executeQuery("SELECT 1 + 1")) {
                    assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("?column?");
                }
                try (ResultSet rs = statement.executeQuery("SELECT 1 + count(*) FROM pg_class")) {
                    assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("?column?");
                }
            }
        }
    }

    @Test
    void statActivityListsTheConnections_withWhatTheyRun() throws SQLException {
        try (Connection first = connect(); Connection second = connect(); Statement statement = first.createStatement()) {
            second.createStatement().executeQuery("SELECT 1").close();
            List<String> activity = rows(statement.executeQuery("SELECT usename, state, query, client_addr, "
                    + "backend_start IS NOT NULL FROM pg_stat_activity WHERE datname = current_database()"));
            assertThat(activity).contains("alice|active|SELECT usename, state, query, client_addr, backend_start IS NOT NULL"
                    + " FROM pg_stat_activity WHERE datname = current_database()|127.0.0.1|t", "alice|idle|SELECT 1|127.0.0.1|t");
        }
    }

    @Test
    void cancelBackendAndTerminateBackend_signalAConnection_ofTheSameUserOrForAnAdmin() throws SQLException {
        try (Connection streaming = connect(); Connection other = connect(); Statement control = other.createStatement()) {
            streaming.setAutoCommit(false);
            Statement endless = streaming.createStatement();
            endless.setFetchSize(10);
            ResultSet rows = endless.executeQuery("SELECT v FROM TABLE(generate_stream(100))");
            assertThat(rows.next()).isTrue();
            String pid = rows(control.executeQuery("SELECT pid FROM pg_stat_activity WHERE query LIKE '%generate_stream%'"
                    + " AND query NOT LIKE '%pg_stat_activity%'")).get(0);

            try (Connection bob = endpoint.connect("bob"); Statement bobs = bob.createStatement()) {
                assertThatThrownBy(() -> bobs.executeQuery("SELECT pg_cancel_backend(" + pid + ")"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("only an admin signals other users'")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
            assertThat(rows(control.executeQuery("SELECT pg_cancel_backend(" + pid + ")"))).containsExactly("t");
            assertThatThrownBy(() -> {
                while (rows.next()) {
                    // rows until the cancel arrives
                }
            }).isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            streaming.rollback();

            assertThat(rows(control.executeQuery("SELECT pg_terminate_backend(" + pid + ")"))).containsExactly("t");
            assertThatThrownBy(() -> streaming.createStatement().executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
            assertThat(rows(control.executeQuery("SELECT pg_cancel_backend(999999)"))).containsExactly("f");
        }
    }

    @Test
    void aDroppedMappingLeavesTheCatalog() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP MAPPING trades");
            assertThat(strings(connection.getMetaData().getTables(null, "public", "%", null), "TABLE_NAME"))
                    .containsExactly("Quotes");
        }
    }

    @Test
    void badCatalogQueriesGetClearErrors() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM pg_catalog.pg_nothing"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("pg_nothing");
            assertThatThrownBy(() -> statement.executeQuery("SELECT 'missing'::regclass FROM pg_class"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("relation \"missing\" does not exist");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM pg_class c JOIN trades t ON true"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("query Contrail's tables on their own");
            // the connection still works; a name of the catalog in a literal is just a string
            assertThat(rows(statement.executeQuery("SELECT count(*) FROM pg_database"))).containsExactly("1");
            assertThat(rows(statement.executeQuery("SELECT ticker FROM trades WHERE ticker = 'pg_type'"))).isEmpty();
        }
    }

    @Test
    void psqlDescribesTables() throws Exception {
        Path psql = Path.of("/usr/bin/psql");
        assumeTrue(Files.isExecutable(psql), "psql is not installed");
        String list = psql(psql, "\\dt");
        assertThat(list).contains("public | trades | table | admin").contains("public | Quotes | table | admin");
        String describe = psql(psql, "\\d trades");
        assertThat(describe).contains("Table \"public.trades\"")
                .containsPattern("ticker +\\| character varying")
                .containsPattern("placed +\\| timestamp without time zone");
        assertThat(psql(psql, "\\dv system.*")).contains("system | jobs").contains("system | snapshots");
    }

    private static String psql(Path psql, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(psql.toString(), "-X", "-h", "127.0.0.1", "-p",
                Integer.toString(endpoint.port()), "-U", "alice", "-d", "contrail", "-c", command)
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "unused");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("ERROR");
        return output;
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getString(column));
            }
        }
        return values;
    }

    private static int count(ResultSet rs) throws SQLException {
        int count = 0;
        try (rs) {
            while (rs.next()) {
                count++;
            }
        }
        return count;
    }

    /** Each row as its values joined by {@code |}. */
    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
