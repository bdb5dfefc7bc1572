package io.contrail.jet.processor;

import io.contrail.jet.aggregate.AggregateOperations;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestSupport;
import io.contrail.jet.impl.processor.aggregate.DropsLateItems;
import io.contrail.jet.processor.WindowTestSupport.Event;
import io.contrail.jet.window.KeyedWindowResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.contrail.jet.processor.WindowTestSupport.segmentsInAnyOrder;
import static org.assertj.core.api.Assertions.assertThat;

class AggregateProcessors_SessionWindowTest {

    private static KeyedWindowResult<Long, Long> session(long start, long end, long key, long count) {
        return new KeyedWindowResult<>(start, end, key, count);
    }

    private static ProcessorSupplier sessions(long gap, long lateness) {
        return AggregateProcessors.aggregateToSessionWindow(gap, Event::boxedKey, Event::ts, AggregateOperations.counting(),
                KeyedWindowResult::new, lateness, Long.MAX_VALUE);
    }

    @Test
    void sessionsCloseWhenTheWatermarkPassesTheirEnd() {
        TestSupport.verifyProcessor(AggregateProcessors.aggregateToSessionWindow(10, Event::boxedKey, Event::ts,
                        AggregateOperations.counting()))
                .input(List.of(new Event(1, 1, 1), new Event(5, 1, 1), new Event(30, 1, 1), new Event(8, 2, 1),
                        new Watermark(15), new Watermark(18), new Event(12, 1, 1), new Watermark(41)))
                .outputChecker(segmentsInAnyOrder())
                .expectOutput(List.of(session(1, 15, 1, 2), new Watermark(15), session(8, 18, 2, 1), new Watermark(18),
                        session(30, 40, 1, 1), new Watermark(41)));
    }

    @Test
    void anItemBridgingTwoSessionsMergesThem() {
        TestSupport.verifyProcessor(sessions(10, 0))
                .input(List.of(new Event(1, 1, 1), new Event(15, 1, 1), new Event(10, 1, 1), Watermark.IDLE,
                        new Event(40, 1, 1)))
                .outputChecker(segmentsInAnyOrder())
                .expectOutput(List.of(Watermark.IDLE, session(1, 25, 1, 3), session(40, 50, 1, 1)));
    }

    @Test
    void lateItemsWithinLatenessStillJoinTheirSession() {
        // After watermark 12 the drop limit is 7: item 8 is late but accepted and extends the
        // session to [1, 18); after watermark 16 the limit is 11 and item 6 is dropped.
        List<Object> input = List.of(new Event(1, 1, 1), new Watermark(12), new Event(8, 1, 1), new Watermark(16),
                new Event(6, 1, 1), new Watermark(30));
        TestSupport.verifyProcessor(sessions(10, 5))
                .input(input)
                .outputChecker(segmentsInAnyOrder())
                .expectOutput(List.of(new Watermark(12), new Watermark(16), session(1, 18, 1, 2), new Watermark(30)));
        Processor p = sessions(10, 5).get();
        new WindowTestSupport.Driver(p).feed(input);
        assertThat(((DropsLateItems) p).droppedLateItems()).isEqualTo(1);
    }
}
