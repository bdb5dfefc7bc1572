package io.contrail.sql.impl.pgwire;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.sql.SqlService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TLS on the pgwire endpoint, with a self-signed certificate made by the JDK's keytool: clients
 * that ask for TLS get it, clients that do not are served or, when TLS is required, refused.
 */
@Timeout(60)
class PgWireServer_TlsTest {

    @TempDir
    static Path directory;
    private static ContrailInstance member;
    private static Path certificate;
    private static Path privateKey;

    @BeforeAll
    static void start() throws Exception {
        member = Contrail.newMember(new ContrailConfig().setClusterName("tls-" + UUID.randomUUID())
                .setCooperativeThreadCount(1));
        Path keyStore = directory.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "contrail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, "changeit".toCharArray());
        }
        certificate = pem(directory.resolve("server.crt"), "CERTIFICATE", store.getCertificate("contrail").getEncoded());
        privateKey = pem(directory.resolve("server.key"), "PRIVATE KEY",
                store.getKey("contrail", "changeit".toCharArray()).getEncoded());
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    private static Path pem(Path file, String type, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        return file;
    }

    private static PgWireServer server(Tls tls) {
        return PgWireServer.start(new PgWireServer.Settings("127.0.0.1", 0, 10, tls),
                StatementRunner.of(user -> SqlService.of(member, user)), Authenticator.TRUST);
    }

    private static Connection connect(PgWireServer server, String sslMode) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("sslmode", sslMode);
        return PgWireEndpoint.connect(server.port(), "alice", "contrail", properties);
    }

    private static String selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT 1 + 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void aClientAskingForTls_getsIt_andOneThatDoesNot_isServedToo() throws Exception {
        try (PgWireServer server = server(Tls.fromPem(certificate, privateKey, false))) {
            try (Connection connection = connect(server, "require")) {
                assertThat(selectOne(connection)).isEqualTo("2");
            }
            try (Connection connection = connect(server, "disable")) {
                assertThat(selectOne(connection)).isEqualTo("2");
            }
            psqlSaysTls(server);
        }
    }

    @Test
    void requiredTls_refusesAClientWithout() throws Exception {
        try (PgWireServer server = server(Tls.fromPem(certificate, privateKey, true))) {
            try (Connection connection = connect(server, "require")) {
                assertThat(selectOne(connection)).isEqualTo("2");
            }
            assertThatThrownBy(() -> connect(server, "disable").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("accepts only TLS connections")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"));
        }
    }

    @Test
    void withoutTls_aClientRequiringItIsTold() {
        try (PgWireServer server = server(null)) {
            assertThatThrownBy(() -> connect(server, "require").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("does not support SSL");
        }
    }

    @Test
    void unusableFiles_areNamed() throws Exception {
        Path missing = directory.resolve("missing.crt");
        assertThatThrownBy(() -> Tls.fromPem(missing, privateKey, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.crt");
        Path garbage = Files.writeString(directory.resolve("garbage.key"), "not a key");
        assertThatThrownBy(() -> Tls.fromPem(certificate, garbage, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("garbage.key").hasMessageContaining("PKCS#8");
    }

    private static void psqlSaysTls(PgWireServer server) throws Exception {
        Path psql = Path.of("/usr/bin/psql");
        if (!Files.isExecutable(psql)) {
            return;
        }
        Process process = new ProcessBuilder(psql.toString(), "-X", "-c", "\\conninfo",
                "host=127.0.0.1 port=" + server.port() + " user=alice dbname=contrail sslmode=require")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("SSL connection");
    }
}
