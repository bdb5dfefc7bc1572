package io.contrail.jet.processor;

import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestInbox;
import io.contrail.jet.core.test.TestOutbox;
import io.contrail.jet.core.test.TestProcessorContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** Helpers for testing window processors. */
final class WindowTestSupport {

    /** A test item: an event time, a key and a value. */
    record Event(long ts, long key, long value) {
        Long boxedKey() {
            return key;
        }
    }

    private WindowTestSupport() {
    }

    /**
     * Compares outputs whose items between two watermarks may come in any order: the watermarks
     * must match one for one, and the items between each pair must be equal as multisets.
     */
    static BiPredicate<List<?>, List<?>> segmentsInAnyOrder() {
        return (expected, actual) -> segments(expected).equals(segments(actual));
    }

    private static List<Object> segments(List<?> items) {
        List<Object> result = new ArrayList<>();
        Map<Object, Integer> segment = new HashMap<>();
        for (Object item : items) {
            if (item instanceof Watermark) {
                result.add(segment);
                result.add(item);
                segment = new HashMap<>();
            } else {
                segment.merge(item, 1, Integer::sum);
            }
        }
        result.add(segment);
        return result;
    }

    /** Drives a processor by hand with a roomy outbox; returns everything it emitted (watermarks included). */
    static final class Driver {
        final Processor processor;
        final TestOutbox outbox = new TestOutbox(new int[]{Integer.MAX_VALUE}, Integer.MAX_VALUE);
        final List<Object> output = new ArrayList<>();

        Driver(Processor processor) {
            this.processor = processor;
            try {
                processor.init(outbox, new TestProcessorContext());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        Driver feed(List<?> items) {
            for (Object item : items) {
                if (item instanceof Watermark wm) {
                    while (!processor.tryProcessWatermark(wm)) {
                        drain();
                    }
                } else {
                    TestInbox inbox = new TestInbox().add(item);
                    while (!inbox.isEmpty()) {
                        processor.process(0, inbox);
                        drain();
                    }
                }
                drain();
            }
            return this;
        }

        Driver complete() {
            while (!processor.complete()) {
                drain();
            }
            drain();
            return this;
        }

        List<Map.Entry<Object, Object>> snapshot() {
            List<Map.Entry<Object, Object>> entries = new ArrayList<>();
            while (!processor.saveToSnapshot()) {
                outbox.drainSnapshotBucket(entries);
            }
            outbox.drainSnapshotBucket(entries);
            drain();
            return entries;
        }

        Driver restore(List<Map.Entry<Object, Object>> entries) {
            processor.restoreFromSnapshot(new TestInbox().addAll(entries));
            while (!processor.finishSnapshotRestore()) {
                drain();
            }
            return this;
        }

        private void drain() {
            outbox.drainBucket(0, output);
        }
    }
}
