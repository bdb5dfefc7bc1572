package io.contrail.jet.impl.processor;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestInbox;
import io.contrail.jet.core.test.TestOutbox;
import io.contrail.jet.core.test.TestProcessorContext;
import io.contrail.jet.processor.SinkProcessors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class WriteMapPTest {

    @RegisterExtension
    static final TestMember MEMBER = new TestMember();

    @Test
    void putsEntriesAndDropsWatermarks() {
        verifyProcessor(SinkProcessors.writeMap("entries"))
                .contextSetup(c -> c.setHazelcastInstance(MEMBER.hz()))
                .input(List.of(Map.entry("a", 1), Map.entry("b", 2), new Watermark(3), Map.entry("a", 3)))
                .expectOutput(List.of());
        assertThat(Map.copyOf(MEMBER.hz().getMap("entries"))).containsExactlyInAnyOrderEntriesOf(Map.of("a", 3, "b", 2));
    }

    @Test
    void writesSeveralBatchesInOrderWithKeyAndValueFunctions() {
        // More items than a batch, with every key written twice: the later value must win.
        int count = WriteMapP.BATCH_SIZE * 2 + 100;
        List<Integer> items = new ArrayList<>();
        IntStream.range(0, count).forEach(items::add);
        IntStream.range(0, count).forEach(i -> items.add(i + count));
        verifyProcessor(SinkProcessors.<Integer, Integer, String>writeMap("batches", i -> i % count, i -> "v" + i))
                .contextSetup(c -> c.setHazelcastInstance(MEMBER.hz()))
                .disableSnapshots() // a snapshot flushes after every item: covered by putsEntriesAndDropsWatermarks
                .input(items)
                .expectOutput(List.of());
        Map<Integer, String> expected = new HashMap<>();
        IntStream.range(0, count).forEach(i -> expected.put(i, "v" + (i + count)));
        assertThat(Map.copyOf(MEMBER.hz().<Integer, String>getMap("batches"))).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void snapshotWaitsUntilEverythingIsWritten() throws Exception {
        WriteMapP<Integer, Integer, Integer> p = new WriteMapP<>("snapshot", i -> i, i -> i);
        p.init(new TestOutbox(1), new TestProcessorContext().setHazelcastInstance(MEMBER.hz()));
        p.process(0, new TestInbox().add(1).add(2));
        assertThat(Map.copyOf(MEMBER.hz().getMap("snapshot"))).isEmpty();
        assertThat(p.saveToSnapshot()).isTrue();
        assertThat(Map.copyOf(MEMBER.hz().getMap("snapshot"))).hasSize(2);
    }

    @Test
    void idleSinkWritesWhatItBuffered_withoutWaitingForAFullBatch() throws Exception {
        WriteMapP<Integer, Integer, Integer> p = new WriteMapP<>("slow", i -> i, i -> i);
        p.init(new TestOutbox(1), new TestProcessorContext().setHazelcastInstance(MEMBER.hz()));
        p.process(0, new TestInbox().add(1).add(2));
        assertThat(p.tryProcess()).isTrue();
        await().untilAsserted(() -> assertThat(Map.copyOf(MEMBER.hz().getMap("slow"))).hasSize(2));
    }

    @Test
    void nullKeyFailsNamingTheFunction() throws Exception {
        WriteMapP<Integer, Integer, Integer> p = new WriteMapP<>("nulls", i -> null, i -> i);
        p.init(new TestOutbox(1), new TestProcessorContext().setHazelcastInstance(MEMBER.hz()));
        assertThatThrownBy(() -> p.process(0, new TestInbox().add(1)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("keyFn returned null");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SinkProcessors.writeMap(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("map name must be a non-blank name");
        assertThatThrownBy(() -> SinkProcessors.writeMap("m", null, i -> i))
                .isInstanceOf(NullPointerException.class).hasMessage("keyFn is null");
    }
}
