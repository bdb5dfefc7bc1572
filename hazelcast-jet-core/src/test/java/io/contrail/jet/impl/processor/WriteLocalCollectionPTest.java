package io.contrail.jet.impl.processor;

import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestOutbox;
import io.contrail.jet.core.test.TestProcessorContext;
import io.contrail.jet.processor.SinkProcessors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteLocalCollectionPTest {

    @Test
    void addsTheVeryItemsAndDropsWatermarks() {
        Queue<Object> results = new ConcurrentLinkedQueue<>();
        SinkProcessors.registerLocalCollection("addsTheVeryItems", results);
        try {
            Object item = new Object();
            verifyProcessor(SinkProcessors.writeLocalCollection("addsTheVeryItems"))
                    .input(List.of(item, new Watermark(1)))
                    .expectOutput(List.of());
            // TestSupport runs the processor four times (back-pressure x snapshots), each adding.
            assertThat(results).hasSize(4).allSatisfy(o -> assertThat(o).isSameAs(item));
        } finally {
            SinkProcessors.unregisterLocalCollection("addsTheVeryItems");
        }
    }

    @Test
    void unregisteredNameFailsAtInit() {
        WriteLocalCollectionP p = new WriteLocalCollectionP("nobody-registered-this");
        assertThatThrownBy(() -> p.init(new TestOutbox(1), new TestProcessorContext()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No local collection named 'nobody-registered-this'");
    }

    @Test
    void nameCanBeRegisteredOnlyOnce() {
        SinkProcessors.registerLocalCollection("once", new ConcurrentLinkedQueue<>());
        try {
            assertThatThrownBy(() -> SinkProcessors.registerLocalCollection("once", new ConcurrentLinkedQueue<>()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already registered");
        } finally {
            assertThat(SinkProcessors.unregisterLocalCollection("once")).isNotNull();
        }
        assertThat(SinkProcessors.unregisterLocalCollection("once")).isNull();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SinkProcessors.writeLocalCollection(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The collection name must be a non-blank name, got null");
        assertThatThrownBy(() -> SinkProcessors.registerLocalCollection("x", null))
                .isInstanceOf(NullPointerException.class).hasMessage("collection is null");
    }
}
