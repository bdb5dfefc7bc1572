package io.contrail.jet.impl.processor;

import io.contrail.jet.core.Watermark;
import io.contrail.jet.processor.SinkProcessors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteLoggerPTest {

    private static final Queue<Object> FORMATTED = new ConcurrentLinkedQueue<>();

    @Test
    void formatsEachItemOnceAndForwardsNothing() {
        FORMATTED.clear();
        verifyProcessor(SinkProcessors.<Integer>writeLogger(i -> {
                    FORMATTED.add(i);
                    return "item " + i;
                }))
                .input(List.of(1, new Watermark(2), 3))
                .expectOutput(List.of());
        // TestSupport runs the processor four times (back-pressure x snapshots).
        assertThat(FORMATTED).containsExactly(1, 3, 1, 3, 1, 3, 1, 3);
    }

    @Test
    void defaultFormatIsToString() {
        verifyProcessor(SinkProcessors.writeLogger())
                .input(List.of("x", 2))
                .expectOutput(List.of());
    }

    @Test
    void rejectsNullFunction() {
        assertThatThrownBy(() -> SinkProcessors.writeLogger(null))
                .isInstanceOf(NullPointerException.class).hasMessage("toStringFn is null");
    }
}
