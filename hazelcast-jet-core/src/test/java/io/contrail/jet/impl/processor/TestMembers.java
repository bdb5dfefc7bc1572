package io.contrail.jet.impl.processor;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import java.util.UUID;

/** Starts single Hazelcast members for processor tests: loopback only, a cluster per test class. */
final class TestMembers {

    private TestMembers() {
    }

    /** A member of a new cluster named after {@code testClass}, with Hazelcast's own Jet disabled. */
    static HazelcastInstance newMember(Class<?> testClass) {
        Config config = new Config();
        config.setClusterName(testClass.getSimpleName() + "-" + UUID.randomUUID());
        config.getJetConfig().setEnabled(false);
        // A lone member need not wait for others to join.
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.phone.home.enabled", "false");
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
