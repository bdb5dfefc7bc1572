package io.contrail.jet.processor;

import io.contrail.jet.aggregate.AccumulationLimitExceededException;
import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.aggregate.AggregateOperations;
import io.contrail.jet.aggregate.LongAccumulator;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestSupport;
import io.contrail.jet.impl.processor.aggregate.DropsLateItems;
import io.contrail.jet.processor.WindowTestSupport.Event;
import io.contrail.jet.window.KeyedFrame;
import io.contrail.jet.window.KeyedWindowResult;
import io.contrail.jet.window.LongKeyedFrame;
import io.contrail.jet.window.SlidingWindowDefinition;
import io.contrail.jet.window.WindowDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.contrail.jet.processor.WindowTestSupport.segmentsInAnyOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateProcessors_SlidingWindowTest {

    private static final SlidingWindowDefinition SLIDING = WindowDefinition.sliding(10, 5);
    private static final SlidingWindowDefinition TUMBLING = WindowDefinition.tumbling(10);

    private static final List<Object> INPUT = List.of(
            new Event(1, 1, 1), new Event(3, 1, 1), new Event(7, 2, 1), new Watermark(10),
            new Event(12, 1, 1), new Watermark(20));

    private static final List<Object> EXPECTED_SLIDING_COUNTS = List.of(
            result(-5, 5, 1, 2), result(0, 10, 1, 2), result(0, 10, 2, 1), new Watermark(10),
            result(5, 15, 1, 1), result(5, 15, 2, 1), result(10, 20, 1, 1), new Watermark(20));

    private static KeyedWindowResult<Long, Long> result(long start, long end, long key, long value) {
        return new KeyedWindowResult<>(start, end, key, value);
    }

    private static void verify(ProcessorSupplier supplier, List<?> input, List<?> expected) {
        TestSupport.verifyProcessor(supplier).input(input).outputChecker(segmentsInAnyOrder()).expectOutput(expected);
    }

    private static ProcessorSupplier single(SlidingWindowDefinition def, AggregateOperation<Event, ?, Long> op, long lateness) {
        return AggregateProcessors.aggregateToSlidingWindow(Event::boxedKey, Event::ts, def, op, KeyedWindowResult::new,
                lateness, Long.MAX_VALUE);
    }

    private static ProcessorSupplier singleLong(SlidingWindowDefinition def, long lateness) {
        return AggregateProcessors.aggregateToSlidingWindowLongKey(Event::key, Event::ts, def, AggregateOperations.counting(),
                KeyedWindowResult::new, lateness, Long.MAX_VALUE);
    }

    @Test
    void slidingCountInEveryVariant() {
        verify(AggregateProcessors.aggregateToSlidingWindow(Event::boxedKey, Event::ts, SLIDING, AggregateOperations.counting()),
                INPUT, EXPECTED_SLIDING_COUNTS);
        verify(single(SLIDING, AggregateOperations.<Event>counting().withoutDeduct(), 0), INPUT, EXPECTED_SLIDING_COUNTS);
        verify(AggregateProcessors.aggregateToSlidingWindowLongKey(Event::key, Event::ts, SLIDING, AggregateOperations.counting()),
                INPUT, EXPECTED_SLIDING_COUNTS);
        verify(AggregateProcessors.aggregateToSlidingWindowLongKey(Event::key, Event::ts, SLIDING,
                AggregateOperations.summingLong(Event::value)), INPUT, EXPECTED_SLIDING_COUNTS);
    }

    @Test
    void firstStageEmitsOnePartialPerKeyAndFrame() {
        List<Object> expectedFrames = List.of(
                new KeyedFrame<>(5, 1L, new LongAccumulator(2)), new KeyedFrame<>(10, 2L, new LongAccumulator(1)), new Watermark(10),
                new KeyedFrame<>(15, 1L, new LongAccumulator(1)), new Watermark(20));
        verify(AggregateProcessors.accumulateByFrame(Event::boxedKey, Event::ts, SLIDING, AggregateOperations.counting()),
                INPUT, expectedFrames);
        verify(AggregateProcessors.combineToSlidingWindow(SLIDING, AggregateOperations.counting()),
                expectedFrames, EXPECTED_SLIDING_COUNTS);

        List<Object> expectedLongFrames = List.of(
                new LongKeyedFrame(5, 1, 2), new LongKeyedFrame(10, 2, 1), new Watermark(10),
                new LongKeyedFrame(15, 1, 1), new Watermark(20));
        verify(AggregateProcessors.countByFrameLongKey(Event::key, Event::ts, SLIDING), INPUT, expectedLongFrames);
        verify(AggregateProcessors.combineLongCountsToSlidingWindow(SLIDING), expectedLongFrames, EXPECTED_SLIDING_COUNTS);
    }

    @Test
    void sumOfZeroStillEmitsTheWindow() {
        List<Object> input = List.of(new Event(1, 7, 5), new Event(2, 7, -5), new Watermark(10));
        List<Object> expected = List.of(result(0, 10, 7, 0), new Watermark(10));
        verify(AggregateProcessors.aggregateToSlidingWindowLongKey(Event::key, Event::ts, TUMBLING,
                AggregateOperations.summingLong(Event::value)), input, expected);
        verify(single(TUMBLING, AggregateOperations.summingLong(Event::value), 0), input, expected);
        verify(AggregateProcessors.combineToSlidingWindowLongKey(TUMBLING, AggregateOperations.summingLong((Event e) -> e.value()),
                        KeyedWindowResult::new, 0, Long.MAX_VALUE),
                List.of(new LongKeyedFrame(10, 7, 0), new Watermark(10)), expected);
    }

    @Test
    void lateItemWithinLatenessUpdatesTheWindowAndOneBeyondIsDropped() {
        List<Object> input = List.of(new Event(2, 1, 1), new Watermark(10), new Event(6, 1, 1), new Event(3, 1, 1),
                new Watermark(11), new Event(4, 1, 1));
        List<Object> expected = List.of(result(0, 10, 1, 1), new Watermark(10), result(0, 10, 1, 2), new Watermark(11));
        verify(single(TUMBLING, AggregateOperations.counting(), 5), input, expected);
        verify(single(TUMBLING, AggregateOperations.<Event>counting().withoutDeduct(), 5), input, expected);
        verify(singleLong(TUMBLING, 5), input, expected);

        for (ProcessorSupplier supplier : List.of(single(TUMBLING, AggregateOperations.counting(), 5), singleLong(TUMBLING, 5))) {
            Processor p = supplier.get();
            new WindowTestSupport.Driver(p).feed(input);
            assertThat(((DropsLateItems) p).droppedLateItems()).isEqualTo(2);
        }
    }

    @Test
    void lateItemInTheRunningWindowSlidesCorrectly() {
        // The late item at 7 falls in emitted windows [0, 10) and [5, 15); the running window
        // (deduct path) must include it when sliding on to [10, 20).
        List<Object> input = List.of(new Event(6, 1, 1), new Event(12, 1, 1), new Watermark(15), new Event(7, 1, 1),
                new Watermark(20));
        List<Object> expected = List.of(result(0, 10, 1, 1), result(5, 15, 1, 2), new Watermark(15),
                result(0, 10, 1, 2), result(5, 15, 1, 3), result(10, 20, 1, 1), new Watermark(20));
        verify(single(SLIDING, AggregateOperations.counting(), 10), input, expected);
        verify(single(SLIDING, AggregateOperations.<Event>counting().withoutDeduct(), 10), input, expected);
        verify(singleLong(SLIDING, 10), input, expected);
    }

    @Test
    void idleWatermarkIsOnlyForwardedAndCompleteFlushes() {
        List<Object> input = List.of(new Event(1, 1, 1), Watermark.IDLE, new Event(25, 1, 1));
        List<Object> expected = List.of(Watermark.IDLE, result(0, 10, 1, 1), result(20, 30, 1, 1));
        verify(single(TUMBLING, AggregateOperations.counting(), 0), input, expected);
        verify(singleLong(TUMBLING, 0), input, expected);
        List<Object> frames = List.of(Watermark.IDLE, new KeyedFrame<>(10, 1L, new LongAccumulator(1)),
                new KeyedFrame<>(30, 1L, new LongAccumulator(1)));
        verify(AggregateProcessors.accumulateByFrame(Event::boxedKey, Event::ts, TUMBLING, AggregateOperations.counting()),
                input, frames);
        verify(AggregateProcessors.combineToSlidingWindow(TUMBLING, AggregateOperations.counting()), frames, expected);
    }

    @Test
    void watermarkJumpSkipsEmptyWindows() {
        List<Object> input = List.of(new Event(-3, 1, 1), new Event(1_000_000, 1, 1), new Watermark(2_000_000));
        List<Object> expected = List.of(result(-10, 0, 1, 1), result(-5, 5, 1, 1),
                result(999_995, 1_000_005, 1, 1), result(1_000_000, 1_000_010, 1, 1), new Watermark(2_000_000));
        verify(single(SLIDING, AggregateOperations.counting(), 0), input, expected);
        verify(single(SLIDING, AggregateOperations.<Event>counting().withoutDeduct(), 0), input, expected);
        verify(singleLong(SLIDING, 0), input, expected);
    }

    @Test
    void frameOfAnotherWindowDefinitionIsRejected() {
        assertThatThrownBy(() -> verify(AggregateProcessors.combineLongCountsToSlidingWindow(SLIDING),
                List.of(new LongKeyedFrame(7, 1, 1)), List.of()))
                .hasMessageContaining("Frame end 7 is not a multiple of slideBy 5");
    }

    @Test
    void restoringFirstStagesOfTwoProcessorsCombinesFrames() {
        ProcessorSupplier supplier = AggregateProcessors.countByFrameLongKey(Event::key, Event::ts, TUMBLING);
        var a = new WindowTestSupport.Driver(supplier.get()).feed(List.of(new Event(1, 1, 1), new Event(2, 2, 1)));
        var b = new WindowTestSupport.Driver(supplier.get()).feed(List.of(new Event(3, 1, 1)));
        List<Map.Entry<Object, Object>> state = a.snapshot();
        state.addAll(b.snapshot());
        var restored = new WindowTestSupport.Driver(supplier.get()).restore(state).complete();
        assertThat(restored.output).containsExactlyInAnyOrder(new LongKeyedFrame(10, 1, 2), new LongKeyedFrame(10, 2, 1));
    }

    @Test
    void windowProcessorsFailWhenTheCapIsExceeded() {
        List<Object> input = List.of(new Event(1, 1, 1), new Event(2, 2, 1), new Event(3, 3, 1));
        for (ProcessorSupplier supplier : List.of(
                AggregateProcessors.accumulateByFrameLongKey(Event::key, Event::ts, TUMBLING, AggregateOperations.counting(), 0, 2),
                AggregateProcessors.aggregateToSlidingWindowLongKey(Event::key, Event::ts, TUMBLING, AggregateOperations.counting(),
                        KeyedWindowResult::new, 0, 2),
                AggregateProcessors.accumulateByFrame(Event::boxedKey, Event::ts, TUMBLING, AggregateOperations.counting(), 0, 2),
                AggregateProcessors.aggregateToSlidingWindow(Event::boxedKey, Event::ts, TUMBLING, AggregateOperations.counting(),
                        KeyedWindowResult::new, 0, 2),
                AggregateProcessors.aggregateToSessionWindow(10, Event::boxedKey, Event::ts, AggregateOperations.counting(),
                        KeyedWindowResult::new, 0, 2))) {
            assertThatThrownBy(() -> verify(supplier, input, List.of()))
                    .isInstanceOf(AccumulationLimitExceededException.class)
                    .hasMessageContaining("maxProcessorAccumulatedRecords=2");
        }
        assertThatThrownBy(() -> AggregateProcessors.accumulateByFrame(Event::boxedKey, Event::ts, TUMBLING,
                AggregateOperations.counting(), -1, 2)).hasMessage("allowedLateness must not be negative, got -1");
    }
}
