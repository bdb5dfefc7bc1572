package io.contrail.snapshot;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import java.util.UUID;

/** Starts Hazelcast members for snapshot tests: loopback only, Hazelcast's own Jet disabled. */
public final class TestMembers {

    private TestMembers() {
    }

    /** A unique cluster name for {@code testClass}. */
    public static String clusterName(Class<?> testClass) {
        return testClass.getSimpleName() + "-" + UUID.randomUUID();
    }

    /** A member of cluster {@code clusterName}; members of the same name in this JVM join each other. */
    public static HazelcastInstance newMember(String clusterName) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.getJetConfig().setEnabled(false);
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        // other test JVMs on this host may hold the first ports: look further for our own members
        config.setProperty("hazelcast.tcp.join.port.try.count", "20");
        NetworkConfig network = config.getNetworkConfig();
        network.setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        return Hazelcast.newHazelcastInstance(config);
    }
}
