package io.contrail.jet.impl.job;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For tests: two members of a new cluster, without snapshot backups; jobs are submitted to the
 * first, which coordinates them, and the second sees them through their records.
 */
record TwoMembers(ContrailInstance coordinator, ContrailInstance other) implements AutoCloseable {

    /** @param clusterPrefix the start of the cluster's name, which ends in a random UUID */
    static TwoMembers start(String clusterPrefix) {
        String cluster = clusterPrefix + "-" + UUID.randomUUID();
        ContrailInstance coordinator = Contrail.newMember(new ContrailConfig().setClusterName(cluster)
                .setCooperativeThreadCount(2).setSnapshotBackupCount(0));
        ContrailInstance other = Contrail.newMember(new ContrailConfig().setClusterName(cluster)
                .setCooperativeThreadCount(1).setSnapshotBackupCount(0));
        assertThat(coordinator.getHazelcastInstance().getCluster().getMembers()).hasSize(2);
        return new TwoMembers(coordinator, other);
    }

    @Override
    public void close() {
        other.shutdown();
        coordinator.shutdown();
    }
}
