package io.contrail.sql.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContrailServerConfigTest {

    @Test
    void memberKeysAndSqlSection() {
        ContrailServerConfig config = ContrailServerConfig.fromYaml("""
                clusterName: prod
                port: 5801
                members: [10.0.0.1, 10.0.0.2]
                cooperativeThreadCount: 3
                snapshotDirectory: /tmp/snapshots
                sql:
                  port: 6543
                  portAutoIncrement: false
                  bindAddress: 0.0.0.0
                  maxConnections: 7
                  tlsCertificate: /etc/contrail/server.crt
                  tlsPrivateKey: /etc/contrail/server.key
                  tlsRequired: true
                """);
        assertThat(config.member().getClusterName()).isEqualTo("prod");
        assertThat(config.member().getPort()).isEqualTo(5801);
        assertThat(config.member().getMembers()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(config.member().getCooperativeThreadCount()).isEqualTo(3);
        assertThat(config.member().getSnapshotDirectory()).isEqualTo("/tmp/snapshots");
        assertThat(config.sql().getPort()).isEqualTo(6543);
        assertThat(config.sql().isPortAutoIncrement()).isFalse();
        assertThat(config.sql().getBindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.sql().getMaxConnections()).isEqualTo(7);
        assertThat(config.sql().getTlsCertificate()).isEqualTo("/etc/contrail/server.crt");
        assertThat(config.sql().getTlsPrivateKey()).isEqualTo("/etc/contrail/server.key");
        assertThat(config.sql().isTlsRequired()).isTrue();
    }

    @Test
    void defaults() {
        ContrailServerConfig config = ContrailServerConfig.fromYaml("");
        assertThat(config.member().getClusterName()).isEqualTo("contrail");
        assertThat(config.sql().getPort()).isEqualTo(5433);
        assertThat(config.sql().isPortAutoIncrement()).isTrue();
        assertThat(config.sql().getBindAddress()).isNull();
        assertThat(ContrailServerConfig.fromYaml("clusterName: x").sql().getPort()).isEqualTo(5433);
    }

    @Test
    void unknownKeys_listTheValidOnes() {
        assertThatThrownBy(() -> ContrailServerConfig.fromYaml("sql:\n  prot: 1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'sql.prot'", "maxConnections", "port");
        assertThatThrownBy(() -> ContrailServerConfig.fromYaml("clusterNam: x\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'clusterNam'", "clusterName", "sql");
    }

    @Test
    void invalidValues_nameTheKey() {
        assertThatThrownBy(() -> ContrailServerConfig.fromYaml("sql:\n  port: 70000\n"))
                .hasMessageContaining("sql.port");
        assertThatThrownBy(() -> ContrailServerConfig.fromYaml("sql:\n  maxConnections: x\n"))
                .hasMessageContaining("sql.maxConnections");
        assertThatThrownBy(() -> ContrailServerConfig.fromYaml("cooperativeThreadCount: 0\n"))
                .hasMessageContaining("cooperativeThreadCount");
        assertThatThrownBy(() -> ContrailServerConfig.fromYaml("sql:\n  tlsCertificate: /a.crt\n"))
                .hasMessageContaining("sql.tlsCertificate and sql.tlsPrivateKey go together");
        assertThatThrownBy(() -> ContrailServerConfig.fromYaml("sql:\n  tlsRequired: true\n"))
                .hasMessageContaining("sql.tlsRequired needs sql.tlsCertificate");
    }
}
