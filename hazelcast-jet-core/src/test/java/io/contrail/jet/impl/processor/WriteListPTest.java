package io.contrail.jet.impl.processor;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.processor.SinkProcessors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteListPTest {

    @RegisterExtension
    static final TestMember MEMBER = new TestMember();

    @Test
    void appendsItemsInOrderAndDropsWatermarks() {
        verifyProcessor(SinkProcessors.writeList("results"))
                .contextSetup(c -> c.setHazelcastInstance(MEMBER.hz()))
                .input(List.of("a", new Watermark(1), "b", "c"))
                .expectOutput(List.of());
        // TestSupport runs the processor four times (back-pressure x snapshots), each appending.
        assertThat(MEMBER.hz().getList("results")).containsExactly("a", "b", "c", "a", "b", "c", "a", "b", "c", "a", "b", "c");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SinkProcessors.writeList(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The list name must be a non-blank name, got null");
    }
}
