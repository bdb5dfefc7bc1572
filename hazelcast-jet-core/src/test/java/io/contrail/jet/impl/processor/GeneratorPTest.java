package io.contrail.jet.impl.processor;

import io.contrail.jet.core.Outbox;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestInbox;
import io.contrail.jet.core.test.TestOutbox;
import io.contrail.jet.core.test.TestProcessorContext;
import io.contrail.jet.processor.EventTimeMode;
import io.contrail.jet.processor.SourceProcessors;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.LongStream;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GeneratorPTest {

    /** The generated item. */
    record Event(long sequence, long timestamp) {
    }

    @Test
    void boundedScheduledEmitsSequenceOnScheduleWithWatermarks() {
        long rate = 20_000;
        verifyProcessor(SourceProcessors.boundedGenerator(Event::new, rate, EventTimeMode.SCHEDULED, 300))
                .outputChecker(sequencesAre(true, rate))
                .expectOutput(sequences(0, 300, 1));
    }

    @Test
    void modeNone_emitsNoWatermarks() {
        verifyProcessor(SourceProcessors.boundedGenerator(Event::new, SourceProcessors.UNLIMITED_RATE, EventTimeMode.NONE, 50))
                .outputChecker((expected, actual) -> actual.stream().noneMatch(item -> item instanceof Watermark)
                        && items(actual).stream().map(Event::sequence).toList().equals(expected))
                .expectOutput(sequences(0, 50, 1));
    }

    @Test
    void splitsSequenceOverProcessors() {
        verifyProcessor(SourceProcessors.boundedGenerator(Event::new, SourceProcessors.UNLIMITED_RATE, EventTimeMode.WALL, 10))
                .contextSetup(c -> c.setProcessorIndex(1, 3))
                .outputChecker(sequencesAre(false, 0))
                .expectOutput(List.of(1L, 4L, 7L));
    }

    @Test
    void unboundedNeverCompletes() {
        verifyProcessor(SourceProcessors.generator(Event::new, 0, EventTimeMode.SCHEDULED))
                .runUntilOutputMatches(10_000)
                .outputChecker((expected, actual) -> items(actual).size() >= expected.size()
                        && sequencesAre(false, 0).test(expected, actual.subList(0, indexAfterItems(actual, expected.size()))))
                .expectOutput(sequences(0, 3000, 1));
    }

    @Test
    void scheduledTimestampsSurviveRestoreAfterAPause() throws Exception {
        long rate = 1000;
        GeneratorP first = new GeneratorP(Event::new, rate, EventTimeMode.SCHEDULED, -1);
        TestOutbox outbox = new TestOutbox(new int[]{100_000}, 10);
        first.init(outbox, new TestProcessorContext());
        Thread.sleep(20);
        first.complete();
        assertThat(first.saveToSnapshot()).isTrue();
        List<Map.Entry<Object, Object>> snapshot = new ArrayList<>();
        outbox.drainSnapshotBucket(snapshot);
        List<Object> output = new ArrayList<>();
        outbox.drainBucket(0, output);

        Thread.sleep(30);
        GeneratorP second = new GeneratorP(Event::new, rate, EventTimeMode.SCHEDULED, -1);
        second.init(outbox, new TestProcessorContext());
        second.restoreFromSnapshot(new TestInbox().addAll(snapshot));
        second.complete();
        outbox.drainBucket(0, output);

        // Catching up on the original schedule: one item per millisecond, no gap, no repeat.
        List<Event> events = items(output);
        assertThat(events.size()).isGreaterThanOrEqualTo(50);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).sequence()).isEqualTo(i);
            assertThat(events.get(i).timestamp()).isEqualTo(events.get(0).timestamp() + i);
        }
        assertThat(sequencesAre(true, rate).test(sequences(0, events.size(), 1), output)).isTrue();
    }

    @Test
    void emitsAtRoughlyTheTargetRate() throws Exception {
        GeneratorP p = new GeneratorP((seq, ts) -> seq, 10_000, EventTimeMode.SCHEDULED, -1);
        CountingOutbox outbox = new CountingOutbox();
        p.init(outbox, new TestProcessorContext());
        long end = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < end) {
            assertThat(p.complete()).isFalse();
            Thread.sleep(1);
        }
        assertThat(outbox.items).isBetween(1_000L, 6_000L);
    }

    @Test
    void boundsItemsPerCall() throws Exception {
        GeneratorP p = new GeneratorP((seq, ts) -> seq, SourceProcessors.UNLIMITED_RATE, EventTimeMode.WALL, -1);
        CountingOutbox outbox = new CountingOutbox();
        p.init(outbox, new TestProcessorContext());
        assertThat(p.complete()).isFalse();
        assertThat(outbox.items).isEqualTo(GeneratorP.MAX_ITEMS_PER_CALL);
    }

    @Test
    void allocatesNothingButItemsAndWatermarks() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Object item = "item";
        for (EventTimeMode mode : EventTimeMode.values()) {
            GeneratorP p = new GeneratorP((seq, ts) -> item, GeneratorP.MAX_FINITE_RATE, mode, -1);
            CountingOutbox outbox = new CountingOutbox();
            p.init(outbox, new TestProcessorContext());
            emit(p, outbox, 200_000); // warm up
            long before = threads.getCurrentThreadAllocatedBytes();
            emit(p, outbox, 1_000_000);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            // A Watermark per millisecond is allowed; a few hundred bytes per million items means nothing per item.
            assertThat(allocated).as("bytes allocated for 1M items in %s mode", mode).isLessThan(100_000);
        }
    }

    private static void emit(GeneratorP p, CountingOutbox outbox, long count) {
        long target = outbox.items + count;
        while (outbox.items < target) {
            p.complete();
        }
    }

    @Test
    void refusesRestoreWithOtherParallelism() throws Exception {
        GeneratorP p = new GeneratorP(Event::new, 100, EventTimeMode.WALL, -1);
        p.init(new TestOutbox(1), new TestProcessorContext().setProcessorIndex(0, 2));
        TestInbox inbox = new TestInbox().add(Map.entry(new ProcessorIndexKey(0), new GeneratorP.State(6, 0, 0, 3)));
        assertThatThrownBy(() -> p.restoreFromSnapshot(inbox))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parallelism 3 into parallelism 2");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SourceProcessors.generator(Event::new, 2_000_000_000L, EventTimeMode.WALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above 1000000000 items/s");
        assertThatThrownBy(() -> SourceProcessors.boundedGenerator(Event::new, 10, EventTimeMode.WALL, -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative, got -5");
        assertThatThrownBy(() -> SourceProcessors.generator(null, 10, EventTimeMode.WALL))
                .isInstanceOf(NullPointerException.class).hasMessage("factory is null");
        assertThatThrownBy(() -> SourceProcessors.generator(Event::new, 10, null))
                .isInstanceOf(NullPointerException.class).hasMessage("mode is null");
    }

    @Test
    void nullFromFactoryFails() throws Exception {
        GeneratorP p = new GeneratorP((seq, ts) -> null, 0, EventTimeMode.WALL, 5);
        p.init(new TestOutbox(10), new TestProcessorContext());
        assertThatThrownBy(p::complete).isInstanceOf(NullPointerException.class).hasMessageContaining("sequence 0");
    }

    private static List<Long> sequences(long from, long to, long step) {
        return LongStream.iterate(from, s -> s < to, s -> s + step).boxed().toList();
    }

    private static List<Event> items(List<?> output) {
        return output.stream().filter(Event.class::isInstance).map(Event.class::cast).toList();
    }

    private static int indexAfterItems(List<?> output, int itemCount) {
        int seen = 0;
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i) instanceof Event && ++seen == itemCount) {
                return i + 1;
            }
        }
        return output.size();
    }

    /**
     * Checks that the items carry the expected sequences and that each item's timestamp equals the
     * last watermark before it (lag 0, a watermark only when time advances); when {@code scheduled},
     * also that timestamps follow {@code start + sequence / rate}.
     */
    private static BiPredicate<List<?>, List<?>> sequencesAre(boolean scheduled, long rate) {
        return (expected, actual) -> {
            List<Event> events = items(actual);
            if (!events.stream().map(Event::sequence).toList().equals(expected)) {
                return false;
            }
            long lastWatermark = Long.MIN_VALUE;
            for (Object o : actual) {
                if (o instanceof Watermark wm) {
                    if (wm.timestamp() <= lastWatermark) {
                        return false;
                    }
                    lastWatermark = wm.timestamp();
                } else if (((Event) o).timestamp() != lastWatermark) {
                    return false;
                }
            }
            if (scheduled && !events.isEmpty()) {
                long start = events.get(0).timestamp() - events.get(0).sequence() * 1000 / rate;
                return events.stream().allMatch(e -> e.timestamp() == start + e.sequence() * 1000 / rate);
            }
            return true;
        };
    }

    /** Takes every item and counts it, storing nothing. */
    private static final class CountingOutbox implements Outbox {
        long items;

        @Override
        public int bucketCount() {
            return 1;
        }

        @Override
        public boolean offer(int ordinal, Object item) {
            if (!(item instanceof Watermark)) {
                items++;
            }
            return true;
        }

        @Override
        public boolean offer(int[] ordinals, Object item) {
            return offer(-1, item);
        }

        @Override
        public boolean offerToSnapshot(Object key, Object value) {
            return true;
        }

        @Override
        public boolean hasUnfinishedItem() {
            return false;
        }
    }
}
