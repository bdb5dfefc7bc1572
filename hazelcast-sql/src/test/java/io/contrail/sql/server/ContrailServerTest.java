package io.contrail.sql.server;

import io.contrail.sql.impl.users.UserStore;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
    void userStatements_overSql_withTheirPrivileges() throws Exception {
        try (ContrailServer server = ContrailServer.start(config("users-" + UUID.randomUUID()));
             Connection admin = connect(server); Statement asAdmin = admin.createStatement()) {
            asAdmin.execute("CREATE USER dana WITH PASSWORD 'd4na'");
            asAdmin.execute("CREATE USER IF NOT EXISTS dana");
            asAdmin.execute("CREATE USER ops WITH PASSWORD 'op5' CONTROLJOB");
            assertSqlState(() -> asAdmin.execute("CREATE USER dana"), "42710", "already exists");
            try (ResultSet rs = asAdmin.executeQuery("SHOW USERS")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString("username") + "|" + rs.getString("options") + "|" + rs.getString("member_of"));
                }
                assertThat(rows).containsExactly("admin||admin", "dana||", "ops|CONTROLJOB|");
            }
            try (Connection dana = connect(server, "dana", "d4na"); Statement asDana = dana.createStatement()) {
                assertSqlState(() -> asDana.execute("CREATE USER eve"), "42501", "User 'dana' may not create users");
                assertSqlState(() -> asDana.execute("ALTER USER dana CONTROLJOB"), "42501", "own CONTROLJOB");
                assertSqlState(() -> asDana.execute("GRANT admin TO dana"), "42501", "only an admin may");
                asDana.execute("ALTER USER dana WITH PASSWORD 'n3w'");
            }
            connect(server, "dana", "n3w").close();
            assertThatThrownBy(() -> connect(server, "dana", "d4na").close()).isInstanceOf(SQLException.class);
            asAdmin.execute("GRANT admin TO dana");
            try (Connection dana = connect(server, "dana", "n3w"); Statement asDana = dana.createStatement()) {
                asDana.execute("CREATE USER eve");
                asDana.execute("DROP USER eve");
                assertSqlState(() -> asDana.execute("DROP USER admin"), "42501", "built-in user");
                assertSqlState(() -> asDana.execute("REVOKE admin FROM admin"), "42501", "keeps its role");
                assertSqlState(() -> asDana.execute("GRANT superuser TO ops"), "42601", "the only role is 'admin'");
            }
            asAdmin.execute("REVOKE admin FROM dana");
            asAdmin.execute("ALTER USER dana PASSWORD NULL");
            assertThatThrownBy(() -> connect(server, "dana", "n3w").close()).isInstanceOf(SQLException.class);
            asAdmin.execute("DROP USER IF EXISTS dana, nobody");
            assertSqlState(() -> asAdmin.execute("DROP USER dana"), "42704", "does not exist");
            assertThat(new UserStore(server.member().getHazelcastInstance()).names()).containsExactly("admin", "ops");
        }
    }

    @Test
    void jobPrivileges_byOwner_adminAndControlJob() throws Exception {
        try (ContrailServer server = ContrailServer.start(config("privileges-" + UUID.randomUUID()));
             Connection admin = connect(server); Statement asAdmin = admin.createStatement()) {
            asAdmin.execute("CREATE USER ann PASSWORD 'a'");
            asAdmin.execute("CREATE USER bob PASSWORD 'b'");
            asAdmin.execute("CREATE USER ops PASSWORD 'o' CONTROLJOB");
            asAdmin.execute("CREATE MAPPING sink (n BIGINT EXTERNAL NAME __key, v BIGINT EXTERNAL NAME this) TYPE IMap"
                    + " OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'bigint')");
            String job = " AS SINK INTO sink SELECT v, v FROM TABLE(generate_stream(10))";
            asAdmin.execute("CREATE JOB admins_job" + job);
            try (Connection ann = connect(server, "ann", "a"); Statement asAnn = ann.createStatement();
                 Connection bob = connect(server, "bob", "b"); Statement asBob = bob.createStatement();
                 Connection ops = connect(server, "ops", "o"); Statement asOps = ops.createStatement()) {
                asAnn.execute("CREATE JOB anns_job" + job);
                asBob.execute("CREATE JOB bobs_job" + job);
                // each user sees what they may control
                assertThat(jobNames(asAnn)).containsExactly("anns_job");
                assertThat(jobNames(asOps)).containsExactlyInAnyOrder("anns_job", "bobs_job");
                assertThat(jobNames(asAdmin)).contains("admins_job", "anns_job", "bobs_job");
                assertThat(owner(asAdmin, "anns_job")).isEqualTo("ann");
                // bob may not touch ann's job, nor ops the admin's; nothing changes
                assertSqlState(() -> asBob.execute("ALTER JOB anns_job SUSPEND"), "42501",
                        "User 'bob' may not suspend job 'anns_job' of user 'ann'");
                assertSqlState(() -> asOps.execute("DROP JOB admins_job"), "42501", "only an admin may");
                assertThat(status(asAdmin, "anns_job")).isEqualTo("RUNNING");
                assertThat(status(asAdmin, "admins_job")).isEqualTo("RUNNING");
                // CONTROLJOB controls non-admins' jobs, owners their own, admins all
                asOps.execute("ALTER JOB anns_job SUSPEND");
                asAnn.execute("ALTER JOB anns_job RESUME");
                asBob.execute("DROP JOB bobs_job");
                // a plural statement acts on what bob may see: his own jobs (his queries ran as jobs too)
                try (ResultSet rs = asBob.executeQuery("CANCEL JOBS (SELECT job_id FROM system.jobs)")) {
                    while (rs.next()) {
                        assertThat(rs.getString("job_name")).isNotIn("anns_job", "admins_job");
                    }
                }
                assertThat(status(asAdmin, "anns_job")).isEqualTo("RUNNING");
                asAdmin.execute("DROP JOB anns_job");
                asAdmin.execute("DROP JOB admins_job");
            }
        }
    }

    private static List<String> jobNames(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT job_name FROM system.jobs WHERE job_type = 'SQL STREAMING'"
                + " AND status = 'RUNNING'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String status(Statement statement, String job) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT status FROM system.jobs WHERE job_name = '" + job + "'"
                + " ORDER BY created DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static String owner(Statement statement, String job) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT user_name FROM system.jobs WHERE job_name = '" + job + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void assertSqlState(ThrowingCallable statement, String sqlState, String messagePart) {
        assertThatThrownBy(statement)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState))
                .hasMessageContaining(messagePart);
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
