package io.contrail.jet.impl.processor;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.processor.SinkProcessors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteListPTest {

    private static HazelcastInstance hz;

    @BeforeAll
    static void startMember() {
        hz = TestMembers.newMember(WriteListPTest.class);
    }

    @AfterAll
    static void stopMember() {
        if (hz != null) {
            hz.shutdown();
        }
    }

    @Test
    void appendsItemsInOrderAndDropsWatermarks() {
        verifyProcessor(SinkProcessors.writeList("results"))
                .contextSetup(c -> c.setHazelcastInstance(hz))
                .input(List.of("a", new Watermark(1), "b", "c"))
                .expectOutput(List.of());
        // TestSupport runs the processor four times (back-pressure x snapshots), each appending.
        assertThat(hz.getList("results")).containsExactly("a", "b", "c", "a", "b", "c", "a", "b", "c", "a", "b", "c");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SinkProcessors.writeList(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The list name must be a non-blank name, got null");
    }
}
