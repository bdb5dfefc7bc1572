package io.contrail.jet.impl.processor;

import io.contrail.jet.core.Watermark;
import io.contrail.jet.processor.Processors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterPTest {

    @Test
    void keepsPassingItemsAndForwardsWatermarks() {
        verifyProcessor(Processors.<Integer>filter(i -> i % 2 == 0))
                .input(List.of(1, 2, new Watermark(5), 3, 4, 6))
                .expectOutput(List.of(2, new Watermark(5), 4, 6));
    }

    @Test
    void emitsToEveryOrdinal() {
        verifyProcessor(Processors.<Integer>filter(i -> i > 1))
                .input(List.of(1, 2, 3))
                .expectOutputs(List.of(List.of(2, 3), List.of(2, 3)));
    }

    @Test
    void rejectsNullFunction() {
        assertThatThrownBy(() -> Processors.filter(null)).isInstanceOf(NullPointerException.class).hasMessage("filterFn is null");
    }
}
