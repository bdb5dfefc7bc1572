package io.contrail.jet.impl.execution;

import io.contrail.jet.core.Watermark;
import org.jctools.queues.SpscArrayQueue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxImplTest {

    @Test
    void fullQueue_refusesOffer_untilDrained() {
        SpscArrayQueue<Object> queue = new SpscArrayQueue<>(4);
        OutboxImpl outbox = new OutboxImpl(new OutboundCollector[]{new OutboundCollector.Single(queue)}, 100);

        int accepted = 0;
        while (outbox.offer(0, accepted)) {
            accepted++;
        }
        assertThat(accepted).isEqualTo(queue.capacity());
        assertThat(outbox.offer(0, "refused")).isFalse();

        queue.poll();
        assertThat(outbox.offer(0, "now fits")).isTrue();
        assertThat(outbox.itemsOut()).isEqualTo(accepted + 1);
    }

    @Test
    void batchLimit_refusesDataItems_butNotWatermarks() {
        SpscArrayQueue<Object> queue = new SpscArrayQueue<>(64);
        OutboxImpl outbox = new OutboxImpl(new OutboundCollector[]{new OutboundCollector.Single(queue)}, 2);

        assertThat(outbox.offer(0, "a")).isTrue();
        assertThat(outbox.offer(0, "b")).isTrue();
        assertThat(outbox.offer(0, "c")).isFalse();
        assertThat(outbox.offer(0, new Watermark(5))).isTrue();

        outbox.resetBatch();
        assertThat(outbox.offer(0, "c")).isTrue();
    }

    @Test
    void broadcastToSeveralOrdinals_remembersWhichTookTheItem() {
        SpscArrayQueue<Object> roomy = new SpscArrayQueue<>(64);
        SpscArrayQueue<Object> tight = new SpscArrayQueue<>(4);
        OutboxImpl outbox = new OutboxImpl(new OutboundCollector[]{
                new OutboundCollector.Single(roomy), new OutboundCollector.Single(tight)}, 1_000);
        for (int i = 0; i < tight.capacity(); i++) {
            assertThat(outbox.offer(1, "fill")).isTrue();
        }

        assertThat(outbox.offer(-1, "x")).isFalse();
        assertThat(outbox.hasUnfinishedItem()).isTrue();
        assertThat(outbox.offer(-1, "x")).isFalse();
        assertThat(roomy).hasSize(1);

        tight.poll();
        assertThat(outbox.offer(-1, "x")).isTrue();
        assertThat(outbox.hasUnfinishedItem()).isFalse();
        assertThat(drain(roomy)).containsExactly("x");
        assertThat(drain(tight)).endsWith("x");
    }

    @Test
    void halfOfferedWatermark_isUnfinished_butAPlainlyRefusedItemIsNot() {
        SpscArrayQueue<Object> roomy = new SpscArrayQueue<>(64);
        SpscArrayQueue<Object> tight = new SpscArrayQueue<>(4);
        @SuppressWarnings("unchecked")
        SpscArrayQueue<Object>[] queues = new SpscArrayQueue[]{roomy, tight};
        OutboxImpl outbox = new OutboxImpl(new OutboundCollector[]{new OutboundCollector.Unicast(queues, 0)}, 1_000);
        while (roomy.offer("fill") | tight.offer("fill")) {
            // both full
        }
        assertThat(outbox.offer(0, "refused")).isFalse();
        assertThat(outbox.hasUnfinishedItem()).as("nothing went out").isFalse();

        drain(roomy);
        Watermark watermark = new Watermark(1);
        assertThat(outbox.offer(0, watermark)).isFalse();
        assertThat(outbox.hasUnfinishedItem()).as("in one queue, not the other").isTrue();

        outbox.block();
        assertThat(outbox.offer(0, "new")).isFalse();
        drain(tight);
        assertThat(outbox.offer(0, watermark)).isTrue();
        assertThat(outbox.hasUnfinishedItem()).isFalse();
        assertThat(outbox.offer(0, "new")).as("blocked until the next call").isFalse();
        outbox.resetBatch();
        assertThat(outbox.offer(0, "new")).isTrue();
        assertThat(drain(roomy)).containsExactly(watermark, "new");
        assertThat(drain(tight)).containsExactly(watermark);
    }

    @Test
    void watermark_goesToEveryQueueOfTheEdge_evenOnUnicast() {
        @SuppressWarnings("unchecked")
        SpscArrayQueue<Object>[] queues = new SpscArrayQueue[]{new SpscArrayQueue<>(4), new SpscArrayQueue<>(4), new SpscArrayQueue<>(4)};
        OutboxImpl outbox = new OutboxImpl(new OutboundCollector[]{new OutboundCollector.Unicast(queues, 0)}, 100);

        assertThat(outbox.offer(0, new Watermark(7))).isTrue();
        for (SpscArrayQueue<Object> queue : queues) {
            assertThat(drain(queue)).containsExactly(new Watermark(7));
        }
    }

    @Test
    void unicast_skipsFullQueues() {
        @SuppressWarnings("unchecked")
        SpscArrayQueue<Object>[] queues = new SpscArrayQueue[]{new SpscArrayQueue<>(4), new SpscArrayQueue<>(4)};
        OutboundCollector.Unicast unicast = new OutboundCollector.Unicast(queues, 0);
        int total = queues[0].capacity() + queues[1].capacity();
        for (int i = 0; i < total; i++) {
            assertThat(unicast.offer(i)).isTrue();
        }
        assertThat(unicast.offer("overflow")).isFalse();
        queues[1].poll();
        assertThat(unicast.offer("fits in queue 1")).isTrue();
    }

    @Test
    void unknownOrdinal_isAClearError() {
        OutboxImpl outbox = new OutboxImpl(new OutboundCollector[0], 10);
        assertThatThrownBy(() -> outbox.offer(0, "x")).hasMessageContaining("Output ordinal 0 does not exist: the vertex has 0 output edge(s)");
        assertThat(outbox.offer(-1, "dropped by a sink with no outputs")).isTrue();
    }

    private static List<Object> drain(SpscArrayQueue<Object> queue) {
        List<Object> items = new ArrayList<>();
        queue.drain(items::add);
        return items;
    }
}
