package io.contrail.sql.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two standalone members on one machine: one cluster, and SQL on either sees the same catalog. */
@Timeout(60)
class ContrailServerTest {

    private static ContrailServerConfig config(String clusterName) {
        ContrailServerConfig config = ContrailServerConfig.fromYaml("""
                clusterName: %s
                cooperativeThreadCount: 1
                sql:
                  port: 0
                """.formatted(clusterName));
        return config;
    }

    private static Connection connect(ContrailServer server) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.sqlPort() + "/contrail", "admin", "");
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
}
