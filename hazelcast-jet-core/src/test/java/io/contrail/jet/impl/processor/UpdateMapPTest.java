package io.contrail.jet.impl.processor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.contrail.jet.core.test.TestInbox;
import io.contrail.jet.core.test.TestOutbox;
import io.contrail.jet.core.test.TestProcessorContext;
import io.contrail.jet.function.BiFunctionEx;
import io.contrail.jet.processor.SinkProcessors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateMapPTest {

    private static final BiFunctionEx<Long, String, Long> COUNT = (n, item) -> n == null ? 1L : n + 1;

    @RegisterExtension
    static final TestMember MEMBER = new TestMember();

    @Test
    void countsPerKey() {
        verifyProcessor(SinkProcessors.<String, String, Long>updateMap("counts", word -> word, COUNT))
                .contextSetup(c -> c.setHazelcastInstance(MEMBER.hz()))
                .input(List.of("a", "b", "a", "c", "a"))
                .expectOutput(List.of());
        // TestSupport runs the processor four times (back-pressure x snapshots), each adding its counts.
        assertThat(Map.copyOf(MEMBER.hz().<String, Long>getMap("counts"))).containsExactlyInAnyOrderEntriesOf(Map.of("a", 12L, "b", 4L, "c", 4L));
    }

    @Test
    void nullResultRemovesTheEntry() throws Exception {
        IMap<String, Integer> map = MEMBER.hz().getMap("removals");
        map.put("gone", 1);
        map.put("kept", 1);
        UpdateMapP<String, String, Integer> p = new UpdateMapP<>("removals", key -> key, (old, key) -> key.equals("gone") ? null : old + 1);
        p.init(new TestOutbox(1), new TestProcessorContext().setHazelcastInstance(MEMBER.hz()));
        p.process(0, new TestInbox().add("gone").add("kept"));
        assertThat(p.complete()).isTrue();
        assertThat(Map.copyOf(map)).containsExactlyInAnyOrderEntriesOf(Map.of("kept", 2));
    }

    @Test
    void keepsItemOrderPerKeyAcrossBatches() throws Exception {
        // Each value must be the previous one plus 1, else the key is poisoned with -1.
        int perKey = UpdateMapP.BATCH_SIZE * 2;
        UpdateMapP<Integer, Integer, Integer> p = new UpdateMapP<>("order", i -> i % 7,
                (old, i) -> (old == null ? i / 7 == 0 : old == i / 7 - 1) ? i / 7 : -1);
        p.init(new TestOutbox(1), new TestProcessorContext().setHazelcastInstance(MEMBER.hz()));
        TestInbox inbox = new TestInbox();
        IntStream.range(0, perKey * 7).forEach(inbox::add);
        p.process(0, inbox);
        assertThat(p.complete()).isTrue();
        Map<Integer, Integer> expected = new HashMap<>();
        IntStream.range(0, 7).forEach(k -> expected.put(k, perKey - 1));
        assertThat(Map.copyOf(MEMBER.hz().<Integer, Integer>getMap("order"))).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void concurrentProcessorsDoNotLoseUpdates() throws Exception {
        int processors = 4;
        int itemsPerProcessor = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(processors);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int index = 0; index < processors; index++) {
                int i = index;
                done.add(pool.submit(() -> {
                    UpdateMapP<String, String, Long> p = new UpdateMapP<>("shared", word -> word, COUNT);
                    p.init(new TestOutbox(1), new TestProcessorContext().setHazelcastInstance(MEMBER.hz()).setProcessorIndex(i, processors));
                    for (int n = 0; n < itemsPerProcessor; n += 100) {
                        TestInbox inbox = new TestInbox();
                        // Keys "k0".."k9" are shared by all processors, "own-i" is this processor's only.
                        IntStream.range(n, n + 100).forEach(j -> inbox.add(j % 2 == 0 ? "k" + j % 10 : "own-" + i));
                        p.process(0, inbox);
                    }
                    return p.complete();
                }));
            }
            for (Future<?> f : done) {
                assertThat(f.get()).isEqualTo(true);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> expected = new HashMap<>();
        for (int k = 0; k < 10; k += 2) {
            expected.put("k" + k, (long) processors * itemsPerProcessor / 10);
        }
        for (int i = 0; i < processors; i++) {
            expected.put("own-" + i, (long) itemsPerProcessor / 2);
        }
        assertThat(Map.copyOf(MEMBER.hz().<String, Long>getMap("shared"))).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SinkProcessors.updateMap(null, x -> x, (a, b) -> a))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The map name must be a non-blank name, got null");
        assertThatThrownBy(() -> SinkProcessors.updateMap("m", x -> x, null))
                .isInstanceOf(NullPointerException.class).hasMessage("updateFn is null");
    }
}
