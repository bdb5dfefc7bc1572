package io.contrail.jet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContrailConfigTest {

    @Test
    void yaml_setsEveryKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("contrail.yaml");
        Files.writeString(file, """
                clusterName: prod
                instanceName: m1
                bindAddress: 127.0.0.1
                port: 6000
                portAutoIncrement: false
                members: [127.0.0.1:6000, 127.0.0.1:6001]
                cooperativeThreadCount: 3
                queueSize: 2048
                inboxSize: 256
                outboxBatchLimit: 512
                processorFusion: false
                snapshotDirectory: /var/lib/contrail/snapshots
                snapshotBackupCount: 2
                jobs:
                  retentionTime: 36h
                """);

        ContrailConfig config = ContrailConfig.load(file);

        assertThat(config.getClusterName()).isEqualTo("prod");
        assertThat(config.getInstanceName()).isEqualTo("m1");
        assertThat(config.getPort()).isEqualTo(6000);
        assertThat(config.isPortAutoIncrement()).isFalse();
        assertThat(config.getMembers()).isEqualTo(List.of("127.0.0.1:6000", "127.0.0.1:6001"));
        assertThat(config.getCooperativeThreadCount()).isEqualTo(3);
        assertThat(config.getQueueSize()).isEqualTo(2048);
        assertThat(config.getInboxSize()).isEqualTo(256);
        assertThat(config.getOutboxBatchLimit()).isEqualTo(512);
        assertThat(config.isProcessorFusion()).isFalse();
        assertThat(config.getSnapshotDirectory()).isEqualTo("/var/lib/contrail/snapshots");
        assertThat(config.getSnapshotBackupCount()).isEqualTo(2);
        assertThat(config.getJobRetentionTime()).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void jobRetentionTime_defaultsTo14Days_andTakesUnitsOrIso() {
        assertThat(new ContrailConfig().getJobRetentionTime()).isEqualTo(Duration.ofDays(14));
        assertThat(ContrailConfig.fromYaml("jobs: {retentionTime: 14d}").getJobRetentionTime()).isEqualTo(Duration.ofDays(14));
        assertThat(ContrailConfig.fromYaml("jobs: {retention_time: 3d}").getJobRetentionTime()).isEqualTo(Duration.ofDays(3));
        assertThat(ContrailConfig.fromYaml("jobs: {retentionTime: 90m}").getJobRetentionTime()).isEqualTo(Duration.ofMinutes(90));
        assertThat(ContrailConfig.fromYaml("jobs: {retentionTime: 30s}").getJobRetentionTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ContrailConfig.fromYaml("jobs: {retentionTime: 500ms}").getJobRetentionTime()).isEqualTo(Duration.ofMillis(500));
        assertThat(ContrailConfig.fromYaml("jobs: {retentionTime: PT36H}").getJobRetentionTime()).isEqualTo(Duration.ofHours(36));
        assertThat(ContrailConfig.fromYaml("jobs:\n").getJobRetentionTime()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void jobRetentionTime_invalid_isNamed() {
        assertThatThrownBy(() -> ContrailConfig.fromYaml("jobs: {retentionTime: two weeks}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobs.retentionTime")
                .hasMessageContaining("for example 14d");
        assertThatThrownBy(() -> ContrailConfig.fromYaml("jobs: {retentionTime: 0d}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jobs.retentionTime must be positive, got PT0S");
        assertThatThrownBy(() -> ContrailConfig.fromYaml("jobs: {retention: 1d}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown key 'retention'")
                .hasMessageContaining("retentionTime");
    }

    @Test
    void emptyYaml_givesDefaults() {
        ContrailConfig config = ContrailConfig.fromYaml("");
        assertThat(config.getClusterName()).isEqualTo("contrail");
        assertThat(config.getBindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.getCooperativeThreadCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void unknownKey_isNamedWithTheValidOnes() {
        assertThatThrownBy(() -> ContrailConfig.fromYaml("clusterName: a\ncooperativeThreads: 4\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown key 'cooperativeThreads'")
                .hasMessageContaining("line 2")
                .hasMessageContaining("cooperativeThreadCount");
    }

    @Test
    void wrongType_isNamed() {
        assertThatThrownBy(() -> ContrailConfig.fromYaml("queueSize: lots\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid value for 'queueSize'");
    }

    @Test
    void outOfRangeValue_isNamed() {
        assertThatThrownBy(() -> ContrailConfig.fromYaml("cooperativeThreadCount: 0\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cooperativeThreadCount must be positive, got 0");
        assertThatThrownBy(() -> ContrailConfig.fromYaml("port: 70000\n"))
                .hasMessage("port must be 0..65535, got 70000");
        assertThatThrownBy(() -> ContrailConfig.fromYaml("snapshotBackupCount: 7\n"))
                .hasMessage("snapshotBackupCount must be 0..6, got 7");
    }

    @Test
    void missingFile_isNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> ContrailConfig.load(dir.resolve("nope.yaml")))
                .hasMessageContaining("Cannot read the Contrail configuration")
                .hasMessageContaining("nope.yaml");
    }
}
