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
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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

    private static StatementResult run(String sql, Object[] params) {
        return switch (sql) {
            case "STREAM" -> new EndlessResult(false);
            case "WAIT" -> new EndlessResult(true);
            default -> throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "the test engine runs STREAM and WAIT");
        };
    }

    /** Rows 0, 1, 2, ... until closed; with {@code waitFirst}, hasNext blocks until closed. */
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
                    if (closed.getCount() == 0) {
                        throw new IllegalStateException("the result is closed");
                    }
                    return true;
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
        return PgWireServerTest.connect(server.port(), "contrail", new Properties());
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

    @Test
    void cancel_stopsAStatementWaitingForItsFirstRow() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    TimeUnit.MILLISECONDS.sleep(300);
                    statement.cancel();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
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
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    TimeUnit.MILLISECONDS.sleep(300);
                    statement.cancel();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
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
}
