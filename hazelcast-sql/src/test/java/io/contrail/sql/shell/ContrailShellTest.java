package io.contrail.sql.shell;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;
import io.contrail.sql.SqlService;
import io.contrail.sql.impl.pgwire.Authenticator;
import io.contrail.sql.impl.pgwire.PgWireEndpoint;
import io.contrail.sql.impl.pgwire.PgWireServer;
import io.contrail.sql.impl.pgwire.StatementResult;
import io.contrail.sql.impl.pgwire.StatementRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shell's script mode, streaming and cancel, and {@code psql} (when installed) against the same endpoint. */
@Timeout(60)
class ContrailShellTest {

    private static final String MAPPING = "CREATE MAPPING %s (id BIGINT) TYPE IMap OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')";

    private static PgWireEndpoint endpoint;

    @BeforeAll
    static void start() {
        endpoint = PgWireEndpoint.start("shell");
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @Test
    void backslashCommands_listAndDescribeTables() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/contrail", "bob", "")) {
            ContrailShell shell = new ContrailShell(connection, new PrintWriter(out), new PrintWriter(err), 50);
            assertThat(shell.runScript("CREATE MAPPING \"Orders\" (id BIGINT EXTERNAL NAME __key, amount DECIMAL) TYPE IMap "
                    + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json');\n\\dt;\n\\d Orders\n\\d system.jobs\n"
                    + "DROP MAPPING \"Orders\"")).as(err.toString()).isTrue();
            assertThat(out.toString()).contains("""
                    | Schema | Name   | Type  |
                    +--------+--------+-------+
                    | public | Orders | table |""", """
                    Table "public.Orders"
                    +--------+---------+
                    | Column | Type    |
                    +--------+---------+
                    | id     | bigint  |
                    | amount | numeric |""", "View \"system.jobs\"", "| job_id ");
            assertThat(shell.runScript("\\d orders")).isFalse();
            assertThat(err.toString()).contains("Did not find any table or view named \"orders\"");
            assertThat(shell.runScript("\\x")).isFalse();
            assertThat(err.toString()).contains("Unknown command \\x", "\\dt");
        }
    }

    @Test
    void script_printsTables_andStopsAtTheFirstError() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/contrail", "bob", "")) {
            ContrailShell shell = new ContrailShell(connection, new PrintWriter(out), new PrintWriter(err), 50);
            assertThat(shell.runScript(MAPPING.formatted("s1") + ";\n-- a comment\nSHOW MAPPINGS;")).isTrue();
            assertThat(out.toString()).contains("OK (", """
                    +------+
                    | name |
                    +------+
                    | s1   |
                    +------+
                    1 row in set (""");
            assertThat(shell.runScript("DROP MAPPING nope; DROP MAPPING s1")).isFalse();
            assertThat(err.toString()).contains("ERROR: Mapping 'nope' does not exist").contains("(SQLSTATE 42P01)");
        }
        assertThat(endpoint.member().getHazelcastInstance().getMap("__contrail.sql.mappings").containsKey("s1")).isTrue();
    }

    @Test
    void commandLine_exitCodes(@TempDir Path dir) throws Exception {
        String port = Integer.toString(endpoint.port());
        assertThat(ContrailShell.run(new String[] {"--port", port, "-e", "SHOW MAPPINGS"})).isZero();
        assertThat(ContrailShell.run(new String[] {"--port", port, "-e", "SHOW MAPPINGZ"})).isEqualTo(1);
        Path script = dir.resolve("script.sql");
        Files.writeString(script, MAPPING.formatted("f1") + ";\nDROP MAPPING f1;\n");
        assertThat(ContrailShell.run(new String[] {"--port", port, "-f", script.toString()})).isZero();
        assertThat(ContrailShell.run(new String[] {"--bogus"})).isEqualTo(2);
    }

    @Test
    void psql_whenInstalled() throws Exception {
        Path psql = Path.of("/usr/bin/psql");
        assumeTrue(Files.isExecutable(psql), "psql is not installed");
        String port = Integer.toString(endpoint.port());
        Process ok = new ProcessBuilder(psql.toString(), "-X", "-h", "127.0.0.1", "-p", port, "-U", "carol", "-d", "contrail",
                "-v", "ON_ERROR_STOP=1", "-c", MAPPING.formatted("from_psql"), "-c", "SHOW MAPPINGS")
                .redirectErrorStream(true).start();
        assertThat(ok.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(ok.getInputStream().readAllBytes());
        assertThat(ok.exitValue()).as(output).isZero();
        assertThat(output).contains("CREATE MAPPING", "from_psql", "(1 row)");

        Process failing = new ProcessBuilder(psql.toString(), "-X", "-h", "127.0.0.1", "-p", port, "-U", "carol", "-d", "contrail",
                "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-c", "DROP MAPPING nope")
                .redirectErrorStream(true).start();
        assertThat(failing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String error = new String(failing.getInputStream().readAllBytes());
        assertThat(failing.exitValue()).isNotZero();
        assertThat(error).contains("ERROR:  42P01", "nope");

        Process wrongDatabase = new ProcessBuilder(psql.toString(), "-X", "-h", "127.0.0.1", "-p", port, "-U", "carol",
                "-d", "postgres", "-c", "SHOW MAPPINGS").redirectErrorStream(true).start();
        assertThat(wrongDatabase.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(wrongDatabase.getInputStream().readAllBytes())).contains("database \"postgres\" does not exist");
        endpoint.member().getHazelcastInstance().getMap("__contrail.sql.mappings").remove("from_psql");
        assertThat(List.of(wrongDatabase.exitValue())).doesNotContain(0);
    }

    /** An endless result of BIGINT rows 0, 1, 2, ..., each after a millisecond, until closed. */
    private static StatementResult endless() {
        SqlRowMetadata metadata = new SqlRowMetadata(List.of(new SqlColumnMetadata("n", SqlColumnType.BIGINT)));
        CountDownLatch closed = new CountDownLatch(1);
        return new StatementResult() {
            @Override
            public SqlRowMetadata rowMetadata() {
                return metadata;
            }

            @Override
            public long updateCount() {
                return -1;
            }

            @Override
            public Iterator<SqlRow> rows() {
                return new Iterator<>() {
                    private long next;

                    @Override
                    public boolean hasNext() {
                        try {
                            if (closed.await(1, TimeUnit.MILLISECONDS)) {
                                throw new IllegalStateException("closed");
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return true;
                    }

                    @Override
                    public SqlRow next() {
                        return new SqlRow(metadata, List.of(next++));
                    }
                };
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
    }

    @Test
    void aStreamingResult_printsAsItComes_untilCancelled() throws Exception {
        try (PgWireServer streaming = PgWireServer.start(new PgWireServer.Settings("127.0.0.1", 0, 10),
                (user, sql, params) -> endless(), Authenticator.TRUST);
             Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + streaming.port() + "/contrail",
                     "bob", "")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            ContrailShell shell = new ContrailShell(connection, new PrintWriter(out), new PrintWriter(err), 10);
            CompletableFuture<Boolean> run = CompletableFuture.supplyAsync(() -> shell.runScript("STREAM;"));
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("| 120 |"));
            shell.cancel();
            assertThat(run.get(10, TimeUnit.SECONDS)).isFalse();
            assertThat(out.toString()).startsWith("""
                    +----+
                    | n  |
                    +----+
                    |  0 |
                    |  1 |
                    """);
            assertThat(err.toString()).contains("canceling statement due to user request", "57014");
        }
    }
}
