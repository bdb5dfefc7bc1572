package io.contrail.sql.server;

import io.contrail.sql.impl.users.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Standalone members: two on one machine form one cluster; users log in by SCRAM-SHA-256. */
@Timeout(60)
class ContrailServerTest {

    private static ContrailServerConfig config(String clusterName) {
        return ContrailServerConfig.fromYaml("""
                clusterName: %s
                cooperativeThreadCount: 1
                sql:
                  port: 0
                  adminPassword: s3cret
                """.formatted(clusterName));
    }

    private static Connection connect(ContrailServer server) throws SQLException {
        return connect(server, "admin", "s3cret");
    }

    private static Connection connect(ContrailServer server, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.sqlPort() + "/contrail", user, password);
    }

    @Test
    void twoMembersFormOneCluster_andServeTheSameCatalog() throws SQLException {
        String cluster = "server-" + UUID.randomUUID();
        try (ContrailServer first = ContrailServer.start(config(cluster));
             ContrailServer second = ContrailServer.start(config(cluster))) {
            assertThat(second.member().getHazelcastInstance().getCluster().getMembers()).hasSize(2);
            assertThat(first.sqlPort()).isNotEqualTo(second.sqlPort());
            try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
                statement.execute("CREATE MAPPING shared (id BIGINT) TYPE IMap OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')");
            }
            try (Connection connection = connect(second); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SHOW MAPPINGS")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("name")).isEqualTo("shared");
            }
        }
    }

    @Test
    void usersLogInWithTheirPassword_byScram() throws Exception {
        try (ContrailServer server = ContrailServer.start(config("scram-" + UUID.randomUUID()))) {
            UserStore users = new UserStore(server.member().getHazelcastInstance());
            assertThat(users.get("admin")).get().satisfies(admin -> assertThat(admin.admin()).isTrue());
            assertThat(users.create("erin", "pa55", false, true)).isTrue();
            try (Connection connection = connect(server, "erin", "pa55"); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("erin");
            }
            assertThatThrownBy(() -> connect(server, "erin", "wrong").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"))
                    .hasMessageContaining("password authentication failed for user \"erin\"");
            assertThatThrownBy(() -> connect(server, "nobody", "pa55").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"))
                    .hasMessageContaining("password authentication failed for user \"nobody\"");
            assertThat(users.setPassword("erin", "n3w")).isTrue();
            connect(server, "erin", "n3w").close();
            psqlLogsIn(server);
        }
    }

    private static void psqlLogsIn(ContrailServer server) throws Exception {
        Path psql = Path.of("/usr/bin/psql");
        if (!Files.isExecutable(psql)) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(psql.toString(), "-X", "-h", "127.0.0.1", "-p",
                Integer.toString(server.sqlPort()), "-U", "admin", "-d", "contrail", "-c", "SELECT current_user")
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "s3cret");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("admin");
    }

    @Test
    void aFreshClusterNeedsAnAdminPassword() {
        ContrailServerConfig config = config("nopass-" + UUID.randomUUID());
        config.sql().setAdminPassword(null);
        assumeTrue(System.getenv(ContrailServer.ADMIN_PASSWORD_VARIABLE) == null);
        assertThatThrownBy(() -> ContrailServer.start(config).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("CONTRAIL_ADMIN_PASSWORD", "sql.adminPassword");
    }
}
