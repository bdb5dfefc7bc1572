package io.contrail.jet.impl.processor;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.UUID;

/**
 * One Hazelcast member shared by the tests of a processor test class: loopback only, a cluster of
 * its own named after the class, Hazelcast's own Jet disabled. Register it with
 * {@code @RegisterExtension static final TestMember MEMBER = new TestMember();}: the member
 * starts before the class's {@code @BeforeAll} methods and shuts down after its last test.
 */
final class TestMember implements BeforeAllCallback, AfterAllCallback {

    private HazelcastInstance hz;

    /** The member, from the class's {@code @BeforeAll} methods on. */
    HazelcastInstance hz() {
        return hz;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        hz = newMember(context.getRequiredTestClass());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (hz != null) {
            hz.shutdown();
        }
    }

    private static HazelcastInstance newMember(Class<?> testClass) {
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
