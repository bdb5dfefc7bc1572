package io.contrail.jet.processor;

import io.contrail.jet.aggregate.AccumulationLimitExceededException;
import io.contrail.jet.aggregate.AggregateOperations;
import io.contrail.jet.aggregate.LongAccumulator;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.contrail.jet.processor.WindowTestSupport.segmentsInAnyOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateProcessors_BatchTest {

    private static final List<String> WORDS = List.of("a", "bb", "a", "ccc", "bb", "a");

    @Test
    void aggregateByKey() {
        TestSupport.verifyProcessor(AggregateProcessors.aggregateByKey((String s) -> s, AggregateOperations.counting()))
                .input(WORDS)
                .outputChecker(segmentsInAnyOrder())
                .expectOutput(List.of(Map.entry("a", 3L), Map.entry("bb", 2L), Map.entry("ccc", 1L)));
    }

    @Test
    void aggregateByKeyWithOutputFunctionForwardsWatermarks() {
        TestSupport.verifyProcessor(AggregateProcessors.aggregateByKey(String::length,
                        AggregateOperations.summingLong(String::length), (len, sum) -> len + ":" + sum, Long.MAX_VALUE))
                .input(List.of("a", new Watermark(5), "bb", "a"))
                .outputChecker(segmentsInAnyOrder())
                .expectOutput(List.of(new Watermark(5), "1:2", "2:2"));
    }

    @Test
    void accumulateByKeyEmitsPartials() {
        TestSupport.verifyProcessor(AggregateProcessors.accumulateByKey((String s) -> s, AggregateOperations.counting()))
                .input(WORDS)
                .outputChecker(segmentsInAnyOrder())
                .expectOutput(List.of(Map.entry("a", new LongAccumulator(3)), Map.entry("bb", new LongAccumulator(2)),
                        Map.entry("ccc", new LongAccumulator(1))));
    }

    @Test
    void combineByKeyCombinesPartialsOfSeveralProcessors() {
        List<Object> partials = new ArrayList<>();
        partials.add(Map.entry("a", new LongAccumulator(3)));
        partials.add(Map.entry("b", new LongAccumulator(1)));
        partials.add(Map.entry("a", new LongAccumulator(4)));
        TestSupport.verifyProcessor(AggregateProcessors.combineByKey(AggregateOperations.counting()))
                .input(partials)
                .outputChecker(segmentsInAnyOrder())
                .expectOutput(List.of(Map.entry("a", 7L), Map.entry("b", 1L)));
        assertThat(partials.get(0)).as("the input partial must not be modified").isEqualTo(Map.entry("a", new LongAccumulator(3)));
    }

    @Test
    void twoStagesEqualOneStage() {
        var stage1 = new WindowTestSupport.Driver(
                AggregateProcessors.accumulateByKey((String s) -> s.charAt(0), AggregateOperations.counting()).get());
        var stage1b = new WindowTestSupport.Driver(
                AggregateProcessors.accumulateByKey((String s) -> s.charAt(0), AggregateOperations.counting()).get());
        stage1.feed(WORDS).complete();
        stage1b.feed(List.of("a", "dd")).complete();
        List<Object> partials = new ArrayList<>(stage1.output);
        partials.addAll(stage1b.output);
        TestSupport.verifyProcessor(AggregateProcessors.combineByKey(AggregateOperations.counting()))
                .input(partials)
                .outputChecker(segmentsInAnyOrder())
                .expectOutput(List.of(Map.entry('a', 4L), Map.entry('b', 2L), Map.entry('c', 1L), Map.entry('d', 1L)));
    }

    @Test
    void restoringStateOfTwoProcessorsCombinesIt() {
        var first = new WindowTestSupport.Driver(AggregateProcessors.aggregateByKey((String s) -> s, AggregateOperations.counting()).get());
        var second = new WindowTestSupport.Driver(AggregateProcessors.aggregateByKey((String s) -> s, AggregateOperations.counting()).get());
        first.feed(List.of("a", "b"));
        second.feed(List.of("a"));
        var restored = new WindowTestSupport.Driver(AggregateProcessors.aggregateByKey((String s) -> s, AggregateOperations.counting()).get());
        restored.restore(first.snapshot()).restore(second.snapshot()).complete();
        assertThat(restored.output).containsExactlyInAnyOrder(Map.entry("a", 2L), Map.entry("b", 1L));
    }

    @Test
    void failsWhenTheCapIsExceeded() {
        assertThatThrownBy(() -> TestSupport.verifyProcessor(AggregateProcessors.aggregateByKey((String s) -> s,
                        AggregateOperations.counting(), (k, v) -> v, 2))
                .input(WORDS)
                .expectOutput(List.of()))
                .isInstanceOf(AccumulationLimitExceededException.class)
                .hasMessageContaining("maxProcessorAccumulatedRecords=2");
        assertThatThrownBy(() -> AggregateProcessors.accumulateByKey((String s) -> s, AggregateOperations.counting(), 0))
                .hasMessageContaining("maxAccumulatedRecords must be positive");
    }
}
