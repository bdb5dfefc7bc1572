package io.contrail.jet.impl.processor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.contrail.jet.core.test.TestOutbox;
import io.contrail.jet.core.test.TestProcessorContext;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.processor.SourceProcessors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadMapPTest {

    private static final int ENTRY_COUNT = 400;

    @RegisterExtension
    static final TestMember MEMBER = new TestMember();

    @BeforeAll
    static void fillMap() {
        IMap<Integer, String> map = MEMBER.hz().getMap("source");
        for (int i = 0; i < ENTRY_COUNT; i++) {
            map.put(i, "v" + i);
        }
    }

    @Test
    void readsAllEntries() {
        verifyProcessor(SourceProcessors.readMap("source"))
                .contextSetup(c -> c.setHazelcastInstance(MEMBER.hz()))
                .outputChecker(sameEntries())
                .expectOutput(new ArrayList<>(MEMBER.hz().<Integer, String>getMap("source").entrySet()));
    }

    @Test
    void processorsReadDisjointPartitionsCoveringTheMap() {
        int parallelism = 3;
        for (int index = 0; index < parallelism; index++) {
            int i = index;
            List<Map.Entry<Integer, String>> expected = MEMBER.hz().<Integer, String>getMap("source").entrySet().stream()
                    .filter(e -> MEMBER.hz().getPartitionService().getPartition(e.getKey()).getPartitionId() % parallelism == i)
                    .toList();
            assertThat(expected).isNotEmpty();
            verifyProcessor(SourceProcessors.readMap("source"))
                    .contextSetup(c -> c.setHazelcastInstance(MEMBER.hz()).setProcessorIndex(i, parallelism))
                    .outputChecker(sameEntries())
                    .expectOutput(expected);
        }
    }

    @Test
    void appliesPredicateAndProjectionDroppingNulls() {
        FunctionEx<Map.Entry<Integer, String>, String> projection = e -> e.getKey() % 10 == 0 ? null : e.getValue();
        verifyProcessor(SourceProcessors.readMap("source", Predicates.<Integer, String>sql("__key >= 350"), projection))
                .contextSetup(c -> c.setHazelcastInstance(MEMBER.hz()))
                .outputChecker((expected, actual) -> new HashMap<>(counts(expected)).equals(counts(actual)))
                .expectOutput(java.util.stream.IntStream.range(350, ENTRY_COUNT).filter(k -> k % 10 != 0).mapToObj(k -> "v" + k).toList());
    }

    @Test
    void emptyMapCompletesWithoutOutput() {
        verifyProcessor(SourceProcessors.readMap("empty"))
                .contextSetup(c -> c.setHazelcastInstance(MEMBER.hz()))
                .expectOutput(List.of());
    }

    @Test
    void moreProcessorsThanPartitionsLeavesSomeIdle() throws Exception {
        int partitions = MEMBER.hz().getPartitionService().getPartitions().size();
        ReadMapP<Integer, String, Map.Entry<Integer, String>> p = new ReadMapP<>("source", Predicates.alwaysTrue(), FunctionEx.identity());
        TestOutbox outbox = new TestOutbox(10);
        p.init(outbox, new TestProcessorContext().setHazelcastInstance(MEMBER.hz()).setProcessorIndex(partitions + 1, partitions + 5));
        assertThat(p.complete()).isTrue();
        assertThat(outbox.bucket(0)).isEmpty();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SourceProcessors.readMap(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The map name must be a non-blank name, got null");
        assertThatThrownBy(() -> SourceProcessors.readMap(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The map name must be a non-blank name, got ' '");
    }

    /** Compares entries as key-value pairs regardless of order and entry class. */
    private static BiPredicate<List<?>, List<?>> sameEntries() {
        return (expected, actual) -> expected.size() == actual.size() && counts(pairs(expected)).equals(counts(pairs(actual)));
    }

    private static List<Map.Entry<?, ?>> pairs(List<?> entries) {
        return entries.stream().map(o -> (Map.Entry<?, ?>) o)
                .<Map.Entry<?, ?>>map(e -> new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue())).toList();
    }

    private static Map<Object, Integer> counts(List<?> items) {
        Map<Object, Integer> counts = new HashMap<>();
        items.forEach(item -> counts.merge(item, 1, Integer::sum));
        return counts;
    }
}
