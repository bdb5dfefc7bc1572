package io.contrail.sql.impl.pgwire;

import io.contrail.jet.ContrailInstance;
import io.contrail.sql.impl.catalog.MappingCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PostgreSQL JDBC driver against the endpoint on a real member: statements, errors, metadata. */
@Timeout(30)
class PgWireServerTest {

    private static final String MAPPING = "CREATE MAPPING %s (id BIGINT EXTERNAL NAME __key, name VARCHAR) TYPE IMap "
            + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')";

    private static PgWireEndpoint endpoint;
    private static ContrailInstance member;

    @BeforeAll
    static void start() {
        endpoint = PgWireEndpoint.start("pgwire");
        member = endpoint.member();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @AfterEach
    void clearCatalog() {
        member.getHazelcastInstance().getMap(MappingCatalog.MAP_NAME).clear();
    }

    private static Connection connect() throws SQLException {
        return endpoint.connect("alice");
    }

    private static List<String> showMappings(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SHOW MAPPINGS")) {
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
            assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("name");
            assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("varchar");
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }

    @Test
    void createAndShowMappings() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(MAPPING.formatted("trades"))).isZero();
            assertThat(statement.execute(MAPPING.formatted("orders"))).isFalse();
            assertThat(showMappings(statement)).containsExactly("orders", "trades");
            assertThat(connection.getMetaData().getDatabaseProductVersion()).isEqualTo("14.0");
        }
    }

    @Test
    void engineQueries_withParameters_andAStreamingSelectCancelledByClosing() throws SQLException {
        try (Connection connection = connect()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT v, v * 10 AS ten FROM TABLE(generate_series(1, 100)) WHERE v > ? ORDER BY v DESC LIMIT 2")) {
                // described before it runs: the engine plans it without running it
                assertThat(query.getMetaData().getColumnCount()).isEqualTo(2);
                assertThat(query.getMetaData().getColumnName(2)).isEqualTo("ten");
                assertThat(query.getMetaData().getColumnTypeName(2)).isEqualTo("int8");
                query.setLong(1, 50);
                try (ResultSet rs = query.executeQuery()) {
                    assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("int8");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong("ten")).isEqualTo(1000);
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(99);
                    assertThat(rs.next()).isFalse();
                }
            }
            connection.setAutoCommit(false); // the driver fetches in portions only inside a transaction
            try (Statement stream = connection.createStatement()) {
                stream.setFetchSize(10);
                try (ResultSet rs = stream.executeQuery("SELECT v FROM TABLE(generate_stream(1000))")) {
                    for (long expected = 0; expected < 25; expected++) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(expected);
                    }
                }
            }
            connection.setAutoCommit(true);
        }
        // closing the connection ends its statements: the streaming query's job is cancelled
        await().untilAsserted(() -> assertThat(member.getJobs())
                .allSatisfy(job -> assertThat(job.getFuture()).isDone()));
        assertThat(member.getJobs()).anySatisfy(job -> assertThat(job.getConfig().getOwner()).isEqualTo("alice"));
    }

    @Test
    void simpleQueryProtocol_runsSeveralStatements() throws SQLException {
        Properties simple = new Properties();
        simple.setProperty("preferQueryMode", "simple");
        try (Connection connection = endpoint.connect("alice", "contrail", simple);
             Statement statement = connection.createStatement()) {
            statement.execute(MAPPING.formatted("a") + "; " + MAPPING.formatted("\"b;c\"") + ";");
            assertThat(showMappings(statement)).containsExactly("a", "b;c");
        }
    }

    @Test
    void errorsCarryTheirSqlState_andTheConnectionRecovers() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertSqlState(() -> statement.execute("CREATE MAPPING x (id BIGINT) TYPE IMap OPTIONS ('keyFormat' = 'bigint', "
                    + "'valueFormat' = 'json', 'bogus' = '1')"), "22023", "bogus");
            assertSqlState(() -> statement.execute("CREATE MAPPIN x"), "42601", "MAPPIN");
            assertSqlState(() -> statement.execute("DROP MAPPING nope"), "42P01", "nope");
            statement.execute(MAPPING.formatted("dup"));
            assertSqlState(() -> statement.execute(MAPPING.formatted("dup")), "42710", "dup");
            assertThat(showMappings(statement)).containsExactly("dup");
        }
    }

    @Test
    void syntaxErrorsGiveAPosition() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SHOW MAPPINGS extra"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42601");
                        assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(15);
                    });
        }
    }

    @Test
    void preparedStatementParametersReachTheEngine() throws SQLException {
        try (Connection connection = connect();
             PreparedStatement prepared = connection.prepareStatement("SHOW MAPPINGS")) {
            try (ResultSet rs = prepared.executeQuery()) {
                assertThat(rs.next()).isFalse();
            }
        }
        try (Connection connection = connect();
             PreparedStatement prepared = connection.prepareStatement(MAPPING.formatted("p") + " -- $1 in a comment, '$2'")) {
            prepared.execute();
        }
        try (Connection connection = connect();
             PreparedStatement prepared = connection.prepareStatement("DROP MAPPING IF EXISTS p")) {
            prepared.execute();
        }
        // the mapping statements take no parameters: the engine refuses one it is given
        try (Connection connection = connect();
             PreparedStatement prepared = connection.prepareStatement("SHOW MAPPINGS -- $1")) {
            assertThat(prepared.getParameterMetaData().getParameterCount()).isZero();
        }
    }

    @Test
    void repeatedPreparedStatements_switchToNamedStatements() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(MAPPING.formatted("m"));
            try (PreparedStatement prepared = connection.prepareStatement("SHOW MAPPINGS")) {
                for (int i = 0; i < 8; i++) {
                    try (ResultSet rs = prepared.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("m");
                    }
                }
            }
        }
    }

    @Test
    void clientQueries_areAnsweredWithoutTheEngine() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = 'test'");
            statement.execute("BEGIN");
            statement.execute("COMMIT");
            try (ResultSet rs = statement.executeQuery("SELECT version()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("PostgreSQL 14.0");
            }
            try (ResultSet rs = statement.executeQuery("SELECT current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("alice");
            }
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            try (ResultSet rs = statement.executeQuery("SELECT typname FROM pg_catalog.pg_type WHERE oid = 1")) {
                assertThat(rs.next()).isFalse();
            }
            connection.setAutoCommit(false);
            statement.execute(MAPPING.formatted("tx"));
            connection.commit();
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void anotherDatabase_isRefused() {
        assertThatThrownBy(() -> endpoint.connect("alice", "postgres", new Properties()).close())
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("3D000");
                    assertThat(e.getMessage()).contains("contrail");
                });
    }

    static void assertSqlState(ThrowingRunnable statement, String sqlState, String messagePart) {
        assertThatThrownBy(statement::run)
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(sqlState);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
