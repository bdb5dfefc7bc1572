package io.contrail.jet;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.impl.ContrailInstanceImpl;
import io.contrail.jet.impl.execution.ExecutionSettings;
import io.contrail.jet.impl.job.JobService;
import io.contrail.snapshot.SnapshotStoreConfig;

import java.nio.file.Path;
import java.time.Clock;

import static java.util.Objects.requireNonNull;

/**
 * Starts Contrail members. A member runs inside a Hazelcast member whose own Jet engine stays
 * disabled; members with the same cluster name that find each other form one cluster.
 *
 * <pre>{@code
 * try (ContrailInstance member = Contrail.newMember(new ContrailConfig())) {
 *     Job job = member.newJob(dag, new JobConfig().setName("my-job"));
 *     job.join();
 * }
 * }</pre>
 */
public final class Contrail {

    private Contrail() {
    }

    /** Starts a member with the default configuration. */
    public static ContrailInstance newMember() {
        return newMember(new ContrailConfig());
    }

    /** Starts a member; blocks until it has joined its cluster. */
    public static ContrailInstance newMember(ContrailConfig config) {
        requireNonNull(config, "config is null").validate();
        HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(hazelcastConfig(config));
        try {
            String memberName = config.getInstanceName() != null ? config.getInstanceName() : hazelcast.getName();
            ExecutionSettings settings = new ExecutionSettings(config.getCooperativeThreadCount(),
                    config.getQueueSize(), config.getInboxSize(), config.getOutboxBatchLimit(), config.isProcessorFusion());
            SnapshotStoreConfig snapshots = SnapshotStoreConfig.defaults().withBackupCount(config.getSnapshotBackupCount());
            if (config.getSnapshotDirectory() != null) {
                snapshots = snapshots.withSnapshotDirectory(Path.of(config.getSnapshotDirectory()));
            }
            return new ContrailInstanceImpl(hazelcast, config, new JobService(hazelcast, settings, memberName, snapshots,
                    config.getJobRetentionTime(), Clock.systemUTC()));
        } catch (RuntimeException | Error e) {
            hazelcast.shutdown();
            throw e;
        }
    }

    /** The Hazelcast configuration a Contrail member runs with. */
    static Config hazelcastConfig(ContrailConfig config) {
        Config hz = new Config();
        hz.setClusterName(config.getClusterName());
        if (config.getInstanceName() != null) {
            hz.setInstanceName(config.getInstanceName());
        }
        hz.getJetConfig().setEnabled(false);
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.logging.type", "slf4j");
        // Listen on the configured interface only, not on every interface of the machine.
        hz.setProperty("hazelcast.socket.bind.any", "false");
        NetworkConfig network = hz.getNetworkConfig();
        network.setPort(config.getPort()).setPortAutoIncrement(config.isPortAutoIncrement());
        network.getInterfaces().setEnabled(true).addInterface(config.getBindAddress());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(config.getMembers());
        return hz;
    }
}
