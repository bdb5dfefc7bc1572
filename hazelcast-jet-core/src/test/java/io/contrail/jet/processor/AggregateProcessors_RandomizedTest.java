package io.contrail.jet.processor;

import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.aggregate.AggregateOperations;
import io.contrail.jet.function.ComparatorEx;
import io.contrail.jet.aggregate.LongAggregateOperation;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestSupport;
import io.contrail.jet.processor.WindowTestSupport.Event;
import io.contrail.jet.window.KeyedFrame;
import io.contrail.jet.window.KeyedWindowResult;
import io.contrail.jet.window.LongKeyedFrame;
import io.contrail.jet.window.SlidingWindowDefinition;
import io.contrail.jet.window.WindowDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.contrail.jet.processor.WindowTestSupport.segmentsInAnyOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Window processors against a brute-force model, on random input: random keys, timestamps out of
 * order (some within the allowed lateness, some beyond it), watermarks and idle markers
 * interleaved. Every processor runs through {@link TestSupport} (1-item outbox, snapshot and
 * restore after every item); two stages, fed with the first stage's output, must equal one stage.
 */
class AggregateProcessors_RandomizedTest {

    private static final int EVENTS = 1500;
    private static final int KEYS = 8;

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of(WindowDefinition.tumbling(20), 0L, 1L),
                Arguments.of(WindowDefinition.tumbling(20), 15L, 2L),
                Arguments.of(WindowDefinition.sliding(40, 5), 0L, 3L),
                Arguments.of(WindowDefinition.sliding(40, 5), 15L, 4L),
                Arguments.of(WindowDefinition.sliding(12, 4), 30L, 5L));
    }

    @ParameterizedTest(name = "{0} lateness {1}")
    @MethodSource("windows")
    void genericSlidingWindowsWithDeduct(SlidingWindowDefinition def, long lateness, long seed) {
        List<Object> input = randomInput(seed, lateness);
        checkGeneric(input, def, lateness, AggregateOperations.counting());
        checkGeneric(input, def, lateness, AggregateOperations.allOf(AggregateOperations.summingLong(Event::value),
                AggregateOperations.averagingDouble(Event::value)));
    }

    @ParameterizedTest(name = "{0} lateness {1}")
    @MethodSource("windows")
    void genericSlidingWindowsByMergingFrames(SlidingWindowDefinition def, long lateness, long seed) {
        List<Object> input = randomInput(seed, lateness);
        checkGeneric(input, def, lateness, AggregateOperations.<Event>counting().withoutDeduct());
        checkGeneric(input, def, lateness, AggregateOperations.maxBy(ComparatorEx.comparingLong(Event::value)).andThen(Event::value));
    }

    @ParameterizedTest(name = "{0} lateness {1}")
    @MethodSource("windows")
    void longKeyFastPath(SlidingWindowDefinition def, long lateness, long seed) {
        List<Object> input = randomInput(seed, lateness);
        checkLong(input, def, lateness, AggregateOperations.counting());
        checkLong(input, def, lateness, AggregateOperations.summingLong(Event::value));
    }

    @ParameterizedTest(name = "{0} lateness {1}")
    @MethodSource("windows")
    void sessionWindows(SlidingWindowDefinition def, long lateness, long seed) {
        List<Object> input = randomInput(seed, lateness);
        long gap = def.windowSize() / 4;
        AggregateOperation<Event, ?, List<Object>> op = AggregateOperations.allOf(AggregateOperations.counting(),
                AggregateOperations.summingLong(Event::value));
        List<Object> expected = expectedSessions(input, gap, lateness, op);
        assertThat(expected).hasSizeGreaterThan(100);
        TestSupport.verifyProcessor(AggregateProcessors.aggregateToSessionWindow(gap, Event::boxedKey, Event::ts, op,
                        KeyedWindowResult::new, lateness, Long.MAX_VALUE))
                .input(input).outputChecker(segmentsInAnyOrder()).expectOutput(expected);
    }

    private static <A, R> void checkGeneric(List<Object> input, SlidingWindowDefinition def, long lateness,
                                            AggregateOperation<Event, A, R> op) {
        List<Object> expectedWindows = expectedWindows(input, def, lateness, op);
        assertThat(expectedWindows).hasSizeGreaterThan(200);
        verify(AggregateProcessors.aggregateToSlidingWindow(Event::boxedKey, Event::ts, def, op, KeyedWindowResult::new,
                lateness, Long.MAX_VALUE), input, expectedWindows);

        List<Object> expectedFrames = expectedFrames(input, def, lateness, op, (end, key, acc) -> new KeyedFrame<>(end, key, acc));
        verify(AggregateProcessors.accumulateByFrame(Event::boxedKey, Event::ts, def, op, lateness, Long.MAX_VALUE),
                input, expectedFrames);
        verify(AggregateProcessors.combineToSlidingWindow(def, op, KeyedWindowResult::new, lateness, Long.MAX_VALUE),
                expectedFrames, expectedWindows);
    }

    private static void checkLong(List<Object> input, SlidingWindowDefinition def, long lateness,
                                  LongAggregateOperation<Event> op) {
        List<Object> expectedWindows = expectedWindows(input, def, lateness, op);
        verify(AggregateProcessors.aggregateToSlidingWindowLongKey(Event::key, Event::ts, def, op, KeyedWindowResult::new,
                lateness, Long.MAX_VALUE), input, expectedWindows);

        List<Object> expectedFrames = expectedFrames(input, def, lateness, op,
                (end, key, acc) -> new LongKeyedFrame(end, key, acc.get()));
        verify(AggregateProcessors.accumulateByFrameLongKey(Event::key, Event::ts, def, op, lateness, Long.MAX_VALUE),
                input, expectedFrames);
        verify(AggregateProcessors.combineToSlidingWindowLongKey(def, op, KeyedWindowResult::new, lateness, Long.MAX_VALUE),
                expectedFrames, expectedWindows);
    }

    private static void verify(ProcessorSupplier supplier, List<?> input, List<?> expected) {
        TestSupport.verifyProcessor(supplier).input(input).outputChecker(segmentsInAnyOrder()).expectOutput(expected);
    }

    /**
     * Events at a clock advancing about one unit per event, most a little out of order and one in
     * ten far behind (some beyond the lateness); a watermark near the clock every ~30 events and
     * an idle marker now and then.
     */
    static List<Object> randomInput(long seed, long lateness) {
        Random random = new Random(seed);
        List<Object> input = new ArrayList<>();
        long now = -300;
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < EVENTS; i++) {
            now += random.nextInt(3);
            long disorder = random.nextInt(10) == 0 ? random.nextInt((int) (2 * lateness) + 20) : random.nextInt(4);
            input.add(new Event(now - disorder, random.nextInt(KEYS), random.nextInt(21) - 10));
            if (random.nextInt(30) == 0) {
                long wm = now - random.nextInt(5);
                if (wm > watermark) {
                    watermark = wm;
                    input.add(new Watermark(wm));
                }
            }
            if (random.nextInt(400) == 0) {
                input.add(Watermark.IDLE);
            }
        }
        return input;
    }

    // ------------------------------------------------------------------------------ models

    private record WindowKey(long window, long key) {
    }

    /** Whether every model drops {@code e}: below the watermark minus the lateness. */
    private static boolean isLate(Event e, long watermark, long lateness) {
        return watermark != Long.MIN_VALUE && e.ts() < watermark - lateness;
    }

    /** What a single-stage sliding window processor must emit. */
    static <A, R> List<Object> expectedWindows(List<Object> input, SlidingWindowDefinition def, long lateness,
                                               AggregateOperation<Event, A, R> op) {
        long slide = def.slideBy();
        long framesPerWindow = def.framesPerWindow();
        TreeMap<Long, List<Event>> byFrame = new TreeMap<>();
        List<Object> out = new ArrayList<>();
        Set<WindowKey> dirty = new LinkedHashSet<>();
        long watermark = Long.MIN_VALUE;
        Long lastWindow = null;
        for (Object item : input) {
            if (item instanceof Watermark wm) {
                if (wm.isIdle()) {
                    out.add(wm);
                    continue;
                }
                dirty.forEach(d -> out.addAll(windowResults(byFrame, d.window(), d.key(), def, op)));
                dirty.clear();
                long closes = Math.floorDiv(wm.timestamp(), slide) - 1;
                long target = lastWindow == null ? closes : Math.max(lastWindow, closes);
                long from = lastWindow != null ? lastWindow + 1 : byFrame.isEmpty() ? target + 1 : byFrame.firstKey();
                for (long g = from; g <= target; g++) {
                    out.addAll(windowResults(byFrame, g, null, def, op));
                }
                lastWindow = target;
                watermark = Math.max(watermark, wm.timestamp());
                out.add(wm);
            } else {
                Event e = (Event) item;
                if (isLate(e, watermark, lateness)) {
                    continue;
                }
                long f = Math.floorDiv(e.ts(), slide);
                byFrame.computeIfAbsent(f, x -> new ArrayList<>()).add(e);
                if (lastWindow != null) {
                    for (long g = f; g <= Math.min(f + framesPerWindow - 1, lastWindow); g++) {
                        dirty.add(new WindowKey(g, e.key()));
                    }
                }
            }
        }
        dirty.forEach(d -> out.addAll(windowResults(byFrame, d.window(), d.key(), def, op)));
        if (!byFrame.isEmpty()) {
            long from = lastWindow != null ? lastWindow + 1 : byFrame.firstKey();
            for (long g = from; g <= byFrame.lastKey() + framesPerWindow - 1; g++) {
                out.addAll(windowResults(byFrame, g, null, def, op));
            }
        }
        return out;
    }

    /** The results of window {@code g} for one key, or for every key when {@code onlyKey} is null. */
    private static <A, R> List<Object> windowResults(TreeMap<Long, List<Event>> byFrame, long g, Long onlyKey,
                                                     SlidingWindowDefinition def, AggregateOperation<Event, A, R> op) {
        long slide = def.slideBy();
        Map<Long, A> accs = new LinkedHashMap<>();
        for (List<Event> events : byFrame.subMap(g - def.framesPerWindow() + 1, true, g, true).values()) {
            for (Event e : events) {
                if (onlyKey == null || onlyKey == e.key()) {
                    op.accumulateFn().accept(accs.computeIfAbsent(e.key(), k -> op.createFn().get()), e);
                }
            }
        }
        List<Object> results = new ArrayList<>();
        accs.forEach((key, acc) -> results.add(new KeyedWindowResult<>((g - def.framesPerWindow() + 1) * slide,
                (g + 1) * slide, key, op.exportFn().apply(acc))));
        return results;
    }

    /** Builds a first-stage output item from a frame end, key and accumulator. */
    @FunctionalInterface
    interface FrameFactory<A> {
        Object create(long end, long key, A acc);
    }

    /** What a first stage must emit: each frame's partials once the watermark passes the frame's end. */
    static <A> List<Object> expectedFrames(List<Object> input, SlidingWindowDefinition def, long lateness,
                                           AggregateOperation<Event, A, ?> op, FrameFactory<? super A> frameFactory) {
        long slide = def.slideBy();
        TreeMap<Long, Map<Long, A>> pending = new TreeMap<>();
        List<Object> out = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (Object item : input) {
            if (item instanceof Watermark wm) {
                if (!wm.isIdle()) {
                    flushFrames(pending.headMap(Math.floorDiv(wm.timestamp(), slide), false), slide, frameFactory, out);
                    watermark = Math.max(watermark, wm.timestamp());
                }
                out.add(wm);
            } else {
                Event e = (Event) item;
                if (isLate(e, watermark, lateness)) {
                    continue;
                }
                A acc = pending.computeIfAbsent(Math.floorDiv(e.ts(), slide), f -> new LinkedHashMap<>())
                        .computeIfAbsent(e.key(), k -> op.createFn().get());
                op.accumulateFn().accept(acc, e);
            }
        }
        flushFrames(pending, slide, frameFactory, out);
        return out;
    }

    private static <A> void flushFrames(Map<Long, Map<Long, A>> frames, long slide, FrameFactory<? super A> frameFactory,
                                        List<Object> out) {
        frames.forEach((f, accs) -> accs.forEach((key, acc) -> out.add(frameFactory.create((f + 1) * slide, key, acc))));
        frames.clear();
    }

    /** What the session window processor must emit. */
    static <A, R> List<Object> expectedSessions(List<Object> input, long gap, long lateness, AggregateOperation<Event, A, R> op) {
        // Which events are accepted depends only on the watermarks before them.
        List<Event> accepted = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (Object item : input) {
            if (item instanceof Watermark wm) {
                if (!wm.isIdle()) {
                    watermark = Math.max(watermark, wm.timestamp());
                }
            } else if (!isLate((Event) item, watermark, lateness)) {
                accepted.add((Event) item);
            }
        }
        // Final sessions: per key, events sorted by time, split where the gap is reached.
        List<KeyedWindowResult<Long, R>> sessions = new ArrayList<>();
        Map<Long, List<Event>> byKey = new TreeMap<>();
        accepted.forEach(e -> byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
        byKey.forEach((key, events) -> {
            events.sort(Comparator.comparingLong(Event::ts));
            A acc = null;
            long start = 0;
            long end = 0;
            for (Event e : events) {
                if (acc != null && e.ts() >= end) {
                    sessions.add(new KeyedWindowResult<>(start, end, key, op.exportFn().apply(acc)));
                    acc = null;
                }
                if (acc == null) {
                    acc = op.createFn().get();
                    start = e.ts();
                    end = e.ts() + gap;
                }
                op.accumulateFn().accept(acc, e);
                end = Math.max(end, e.ts() + gap);
            }
            sessions.add(new KeyedWindowResult<>(start, end, key, op.exportFn().apply(acc)));
        });
        // Each is emitted before the first watermark w with w - lateness >= its end, else on completion.
        List<Object> out = new ArrayList<>();
        watermark = Long.MIN_VALUE;
        for (Object item : input) {
            if (item instanceof Watermark wm) {
                if (!wm.isIdle()) {
                    watermark = Math.max(watermark, wm.timestamp());
                    long limit = watermark - lateness;
                    sessions.removeIf(s -> {
                        if (s.end() <= limit) {
                            out.add(s);
                            return true;
                        }
                        return false;
                    });
                }
                out.add(wm);
            }
        }
        out.addAll(sessions);
        return out;
    }
}
