package io.contrail.jet.impl.processor;

import io.contrail.jet.core.Traverser;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestInbox;
import io.contrail.jet.core.test.TestOutbox;
import io.contrail.jet.core.test.TestProcessorContext;
import io.contrail.jet.processor.Processors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlatMapPTest {

    @Test
    void emitsAllItemsOfEachTraverser() {
        verifyProcessor(Processors.<String, String>flatMap(line -> Traverser.of(line.split(" "))))
                .input(List.of("a b", "", "c d e", new Watermark(3), "f"))
                .expectOutput(List.of("a", "b", "", "c", "d", "e", new Watermark(3), "f"));
    }

    @Test
    void emptyTraverserEmitsNothing() {
        verifyProcessor(Processors.<Integer, Integer>flatMap(i -> i % 2 == 0 ? Traverser.empty() : Traverser.of(i, i)))
                .input(List.of(1, 2, 3))
                .expectOutput(List.of(1, 1, 3, 3));
    }

    @Test
    void nullTraverserFailsWithHint() throws Exception {
        FlatMapP<Integer, Integer> p = new FlatMapP<>(i -> null);
        p.init(new TestOutbox(1), new TestProcessorContext());
        assertThatThrownBy(() -> p.process(0, new TestInbox().add(7)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("flatMapFn returned null for 7");
    }
}
