package io.contrail.jet.processor;

import io.contrail.jet.aggregate.AggregateOperations;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class AggregateProcessors_RollingTest {

    @Test
    void runningCountPerKey_emitsAfterEveryItem_andForwardsWatermarks() {
        TestSupport.verifyProcessor(AggregateProcessors.rollingAggregateByKey((String s) -> s.charAt(0), AggregateOperations.counting()))
                .input(List.of("a1", "b1", "a2", new Watermark(5), "a3", "b2"))
                .expectOutput(List.of(Map.entry('a', 1L), Map.entry('b', 1L), Map.entry('a', 2L), new Watermark(5),
                        Map.entry('a', 3L), Map.entry('b', 2L)));
    }
}
