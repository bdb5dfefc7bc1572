package io.contrail.jet.impl.processor;

import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestInbox;
import io.contrail.jet.core.test.TestOutbox;
import io.contrail.jet.core.test.TestProcessorContext;
import io.contrail.jet.processor.Processors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MapPTest {

    private static final AtomicInteger CALLS = new AtomicInteger();

    @Test
    void mapsItemsAndForwardsWatermarks() {
        verifyProcessor(Processors.<Integer, String>map(i -> "#" + i))
                .input(List.of(1, 2, new Watermark(10), 3))
                .expectOutput(List.of("#1", "#2", new Watermark(10), "#3"));
    }

    @Test
    void dropsNullResults() {
        verifyProcessor(Processors.<Integer, Integer>map(i -> i % 2 == 0 ? null : i * 10))
                .input(List.of(1, 2, 3, 4, 5))
                .expectOutput(List.of(10, 30, 50));
    }

    @Test
    void emitsToEveryOrdinal() {
        verifyProcessor(Processors.<Integer, Integer>map(i -> i + 1))
                .input(List.of(1, 2))
                .expectOutputs(List.of(List.of(2, 3), List.of(2, 3)));
    }

    @Test
    void callsMapFnOncePerItemUnderBackPressure() throws Exception {
        CALLS.set(0);
        MapP<Integer, Integer> p = new MapP<>(i -> {
            CALLS.incrementAndGet();
            return i;
        });
        TestOutbox outbox = new TestOutbox(1);
        p.init(outbox, new TestProcessorContext());
        TestInbox inbox = new TestInbox().add(1).add(2);
        p.process(0, inbox);
        assertThat(inbox.size()).isEqualTo(1);
        p.process(0, inbox);
        p.process(0, inbox);
        assertThat(CALLS.get()).isEqualTo(2);
        assertThat(outbox.bucket(0)).containsExactly(1);
    }

    @Test
    void rejectsNullFunction() {
        assertThatThrownBy(() -> Processors.map(null)).isInstanceOf(NullPointerException.class).hasMessage("mapFn is null");
    }
}
