package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.contrail.sql.impl.pgwire.PgWireServerTest.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Endless results, back-pressure and cancel, on a test double of the engine: {@code STREAM}
 * gives rows without end, {@code WAIT} a result whose first row never comes.
 */
@Timeout(30)
class PgWireServer_StreamingTest {

    private static final SqlRowMetadata METADATA = new SqlRowMetadata(List.of(
            new SqlColumnMetadata("n", SqlColumnType.BIGINT), new SqlColumnMetadata("payload", SqlColumnType.VARCHAR)));
    private static final String PAYLOAD = "x".repeat(1000);
    private static final SqlRowMetadata TYPES = new SqlRowMetadata(Arrays.stream(SqlColumnType.values())
            .map(type -> new SqlColumnMetadata(type.name().toLowerCase(), type)).toList());
    private static final List<Object> TYPE_VALUES = List.of(true, (byte) 7, (short) -300, 123_456, -9_876_543_210L,
            new BigDecimal("-12345678.000901"), 1.5f, -2.25e100, "héllo", LocalDate.of(1999, 12, 31),
            LocalTime.of(23, 59, 58, 123_456_000), LocalDateTime.of(2024, 2, 29, 12, 0, 0, 500_000_000),
            OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)), "{\"a\": 1}", List.of(1, 2));

    private static final AtomicLong produced = new AtomicLong();
    private static final AtomicLong closedResults = new AtomicLong();
    private static PgWireServer server;

    @BeforeAll
    static void start() {
        server = PgWireServer.start(new PgWireServer.Settings("127.0.0.1", 0, 10), PgWireServer_StreamingTest::run,
                Authenticator.TRUST);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static StatementResult run(String user, String sql, Object[] params) {
        return switch (sql) {
            case "STREAM" -> new EndlessResult(false);
            case "WAIT" -> new EndlessResult(true);
            case "TYPES" -> new MaterializedResult(TYPES, List.of(new SqlRow(TYPES, TYPE_VALUES),
                    new SqlRow(TYPES, Collections.nCopies(TYPE_VALUES.size(), null))), -1);
            case "WHOAMI" -> MaterializedResult.varcharColumn("user", user);
            case "ECHO ?" -> MaterializedResult.varcharColumn("echo", params[0] + ":" + params[0].getClass().getSimpleName());
            default -> throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "the test engine runs STREAM and WAIT");
        };
    }

    /**
     * Rows 0, 1, 2, ... until closed; with {@code waitFirst}, hasNext blocks until closed. Once
     * closed, hasNext says false, as an engine result does.
     */
    private static final class EndlessResult implements StatementResult {
        private final boolean waitFirst;
        private final CountDownLatch closed = new CountDownLatch(1);
        private long next;

        EndlessResult(boolean waitFirst) {
            this.waitFirst = waitFirst;
        }

        @Override
        public SqlRowMetadata rowMetadata() {
            return METADATA;
        }

        @Override
        public long updateCount() {
            return -1;
        }

        @Override
        public Iterator<SqlRow> rows() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    if (waitFirst) {
                        try {
                            closed.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return closed.getCount() > 0;
                }

                @Override
                public SqlRow next() {
                    produced.incrementAndGet();
                    return new SqlRow(METADATA, List.of(next++, PAYLOAD));
                }
            };
        }

        @Override
        public void close() {
            if (closed.getCount() > 0) {
                closedResults.incrementAndGet();
            }
            closed.countDown();
        }
    }

    private static Connection connect() throws SQLException {
        return PgWireEndpoint.connect(server.port(), "alice", "contrail", new Properties());
    }

    @Test
    void fetchSize_readsAnEndlessResultInPortions_thenClosesIt() throws SQLException {
        long closedBefore = closedResults.get();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(100);
                try (ResultSet rs = statement.executeQuery("STREAM")) {
                    for (long i = 0; i < 1_000; i++) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong("n")).isEqualTo(i);
                    }
                }
            }
            connection.commit();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> closedResults.get() > closedBefore);
    }

    /** Cancels the statement from another thread 300 ms from now, while it runs. */
    private static CompletableFuture<Void> cancelSoon(Statement statement) {
        return CompletableFuture.runAsync(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(300);
                statement.cancel();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void cancel_stopsAStatementWaitingForItsFirstRow() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            CompletableFuture<Void> cancel = cancelSoon(statement);
            assertSqlState(() -> statement.executeQuery("WAIT"), "57014", "canceling statement");
            cancel.get(5, TimeUnit.SECONDS);
            try (ResultSet rs = statement.executeQuery("SELECT version()")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void cancel_stopsAStreamingStatement() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            CompletableFuture<Void> cancel = cancelSoon(statement);
            assertSqlState(() -> statement.executeQuery("STREAM"), "57014", "canceling statement");
            cancel.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientThatDoesNotRead_holdsTheStatementBack() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] startup = "user\0bob\0database\0contrail\0\0".getBytes(StandardCharsets.UTF_8);
            out.writeInt(8 + startup.length);
            out.writeInt(PgMessageDecoder.PROTOCOL_3_0);
            out.write(startup);
            out.flush();
            readUntilReadyForQuery(in);
            long before = produced.get();
            byte[] query = "STREAM\0".getBytes(StandardCharsets.UTF_8);
            out.writeByte('Q');
            out.writeInt(4 + query.length);
            out.write(query);
            out.flush();
            // rows of 1 kB: the socket buffers and Netty's high water mark hold a few MB at most
            await().atMost(Duration.ofSeconds(5)).until(() -> produced.get() - before > 100);
            TimeUnit.MILLISECONDS.sleep(500);
            long stalled = produced.get();
            TimeUnit.MILLISECONDS.sleep(500);
            assertThat(produced.get()).isEqualTo(stalled);
            assertThat(stalled - before).isLessThan(50_000);
        }
    }

    private static void readUntilReadyForQuery(DataInputStream in) throws IOException {
        while (true) {
            int type = in.readByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            if (type == 'Z') {
                return;
            }
        }
    }

    @Test
    void everyType_inTextAndInBinary() throws SQLException {
        try (Connection connection = connect(); PreparedStatement prepared = connection.prepareStatement("TYPES")) {
            // the driver prepares the statement on the server from the 5th run on, and then asks for binary results
            for (int run = 0; run < 7; run++) {
                try (ResultSet rs = prepared.executeQuery()) {
                    assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("bool");
                    assertThat(rs.getMetaData().getColumnTypeName(5)).isEqualTo("int8");
                    assertThat(rs.getMetaData().getColumnTypeName(6)).isEqualTo("numeric");
                    assertThat(rs.getMetaData().getColumnTypeName(13)).isEqualTo("timestamptz");
                    assertThat(rs.getMetaData().getColumnTypeName(14)).isEqualTo("json");
                    assertThat(rs.getMetaData().getColumnTypeName(15)).isEqualTo("text");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBoolean("boolean")).isTrue();
                    assertThat(rs.getInt("tinyint")).isEqualTo(7);
                    assertThat(rs.getShort("smallint")).isEqualTo((short) -300);
                    assertThat(rs.getInt("integer")).isEqualTo(123_456);
                    assertThat(rs.getLong("bigint")).isEqualTo(-9_876_543_210L);
                    assertThat(rs.getBigDecimal("decimal")).isEqualTo(new BigDecimal("-12345678.000901"));
                    assertThat(rs.getFloat("real")).isEqualTo(1.5f);
                    assertThat(rs.getDouble("double")).isEqualTo(-2.25e100);
                    assertThat(rs.getString("varchar")).isEqualTo("héllo");
                    assertThat(rs.getObject("date", LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
                    assertThat(rs.getObject("time", LocalTime.class)).isEqualTo(LocalTime.of(23, 59, 58, 123_456_000));
                    assertThat(rs.getObject("timestamp", LocalDateTime.class))
                            .isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 0, 0, 500_000_000));
                    assertThat(rs.getObject("timestamp_with_time_zone", OffsetDateTime.class).toInstant())
                            .isEqualTo(OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)).toInstant());
                    assertThat(rs.getString("json")).isEqualTo("{\"a\": 1}");
                    assertThat(rs.getString("object")).isEqualTo("[1, 2]");
                    assertThat(rs.next()).isTrue();
                    for (int column = 1; column <= TYPE_VALUES.size(); column++) {
                        assertThat(rs.getObject(column)).isNull();
                    }
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @Test
    void connectionsBeyondTheLimit_areRefused() throws SQLException {
        try (PgWireServer small = PgWireServer.start(new PgWireServer.Settings("127.0.0.1", 0, 1),
                PgWireServer_StreamingTest::run, Authenticator.TRUST);
             Connection first = PgWireEndpoint.connect(small.port(), "alice", "contrail", new Properties())) {
            assertSqlState(() -> PgWireEndpoint.connect(small.port(), "alice", "contrail", new Properties()).close(),
                    "53300", "at most 1 connections");
            assertThat(first.isValid(2)).isTrue();
        }
    }

    @Test
    void anUnsupportedStatement_isFeatureNotSupported() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertSqlState(() -> statement.execute("VACUUM"), "0A000", "the test engine runs");
        }
    }

    @Test
    void statementsRunAsTheConnectionsUser() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("WHOAMI")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("alice");
        }
    }

    @Test
    void parameters_areTypedByTheClient() throws SQLException {
        try (Connection connection = connect(); PreparedStatement prepared = connection.prepareStatement("ECHO ?")) {
            for (int run = 0; run < 6; run++) {
                prepared.setInt(1, 42);
                assertThat(echo(prepared)).isEqualTo("42:Integer");
                prepared.setLong(1, 1L << 40);
                assertThat(echo(prepared)).isEqualTo("1099511627776:Long");
                prepared.setString(1, "it's");
                assertThat(echo(prepared)).isEqualTo("it's:String");
                prepared.setBoolean(1, true);
                assertThat(echo(prepared)).isEqualTo("true:Boolean");
                prepared.setDouble(1, 0.5);
                assertThat(echo(prepared)).isEqualTo("0.5:Double");
                prepared.setBigDecimal(1, new BigDecimal("1.10"));
                assertThat(echo(prepared)).isEqualTo("1.10:BigDecimal");
                prepared.setBigDecimal(1, new BigDecimal("-123456789.000000012345"));
                assertThat(echo(prepared)).isEqualTo("-123456789.000000012345:BigDecimal");
                prepared.setBigDecimal(1, new BigDecimal("5E+10"));
                assertThat(echo(prepared)).isEqualTo("50000000000:BigDecimal");
                prepared.setObject(1, LocalDateTime.of(2020, 1, 2, 3, 4, 5, 6000));
                assertThat(echo(prepared)).startsWith("2020-01-02");
                prepared.setObject(1, LocalDate.of(2020, 1, 2));
                assertThat(echo(prepared)).isEqualTo("2020-01-02:LocalDate");
            }
        }
    }

    private static String echo(PreparedStatement prepared) throws SQLException {
        try (ResultSet rs = prepared.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
