package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.window.KeyedFrame;
import io.contrail.jet.window.KeyedWindowResultFunction;
import io.contrail.jet.window.SlidingWindowDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import static io.contrail.jet.impl.processor.aggregate.WindowMath.NONE;
import static java.util.Objects.requireNonNull;

/**
 * Sliding (and tumbling) window aggregation by key, driven by watermarks: either the second stage
 * of a two-stage aggregation, consuming {@link KeyedFrame KeyedFrame&lt;K, A&gt;} partials from
 * {@link AccumulateByFrameP}, or a single stage consuming items. It emits
 * {@code mapToOutputFn(start, end, key, result)} for every key with items in a window, for each
 * window a watermark closes, then forwards the watermark.
 *
 * <h2>Frames and sliding</h2>
 * State is a ring of frames ({@link FrameRing}), each a map of key to accumulator. Windows are
 * numbered by their last frame: window {@code g} covers frames {@code g - F + 1 .. g}
 * ({@code F = windowSize / slideBy}) and ends at {@code (g + 1) * slideBy}. When the operation
 * has a {@code deductFn}, the processor keeps each key's <em>running</em> accumulator for the last
 * emitted window and slides it by combining the newest frame and deducting the oldest: a window
 * costs work proportional to its keys, not to {@code F} times that. Without {@code deductFn} it
 * merges the window's frames for each window. Windows without any frame are skipped in one step.
 *
 * <h2>Lateness</h2>
 * An item (or frame partial) entirely below {@code watermark - allowedLateness} is dropped and
 * counted ({@link #droppedLateItems()}, logged rarely). One that is late but within the lateness
 * updates its frame (and the running window) and marks each emitted window it falls in; the next
 * watermark (or {@code complete()}) emits those windows again, with the updated result, before the
 * windows it closes. Frames are kept until no window that may still change needs them.
 *
 * <h2>Watermarks and completion</h2>
 * {@link Watermark#IDLE} is only forwarded. {@code complete()} (end of a bounded input) emits
 * every remaining window. A snapshot taken during {@code complete()} finishes emitting first and
 * saves nothing.
 *
 * <h2>Snapshot</h2>
 * One {@link KeyFramesState} per key (frames, windows to re-emit, and the watermark), so any
 * processor can restore any key: with a partitioned edge every key of a partition lands in one
 * processor. The running accumulators are rebuilt on restore.
 *
 * @param <T>   the item type (for frame input, {@code KeyedFrame<K, A>})
 * @param <K>   the key type
 * @param <A>   the accumulator type
 * @param <R>   the result type
 * @param <OUT> the output type
 */
public final class SlidingWindowP<T, K, A, R, OUT> extends AbstractSlidingWindowP<K, KeyFramesState, HashMap<K, A>> {

    private final boolean frameInput;
    private final Function<? super T, ? extends K> keyFn;
    private final ToLongFunction<? super T> timestampFn;
    private final Supplier<A> createFn;
    private final BiConsumer<? super A, ? super T> accumulateFn;
    private final BiConsumer<? super A, ? super A> combineFn;
    private final BiConsumer<? super A, ? super A> deductFn;
    private final Function<? super A, ? extends R> exportFn;
    private final Function<? super A, ? extends R> finishFn;
    private final KeyedWindowResultFunction<? super K, ? super R, ? extends OUT> mapToOutputFn;

    /** Deduct mode: each key's accumulator over the frames of window {@link #lastWindow}; else {@code null}. */
    private final HashMap<K, Running<A>> running;
    /** Emitted windows (by number) to emit again, with the keys whose late items changed them. */
    private final TreeMap<Long, Set<K>> dirtyWindows = new TreeMap<>();

    private HashMap<K, A> cachedFrame;
    private long cachedFrameNo;
    private long cachedFrameStart;
    private boolean cachedFrameLate;

    private final WindowEmitter emitter = new WindowEmitter();

    @SuppressWarnings("unchecked")
    private SlidingWindowP(boolean frameInput, Function<? super T, ? extends K> keyFn, ToLongFunction<? super T> timestampFn,
                           SlidingWindowDefinition windowDefinition, AggregateOperation<? super T, A, ? extends R> op,
                           KeyedWindowResultFunction<? super K, ? super R, ? extends OUT> mapToOutputFn,
                           long allowedLateness, long maxAccumulatedRecords) {
        super(windowDefinition, allowedLateness, maxAccumulatedRecords, HashMap::new, HashMap::clear);
        requireNonNull(op, "op is null");
        this.frameInput = frameInput;
        this.keyFn = keyFn;
        this.timestampFn = timestampFn;
        this.createFn = op.createFn();
        this.accumulateFn = (BiConsumer<? super A, ? super T>) op.accumulateFn();
        this.combineFn = op.combineFn();
        this.deductFn = op.deductFn();
        this.exportFn = op.exportFn();
        this.finishFn = op.finishFn();
        this.mapToOutputFn = requireNonNull(mapToOutputFn, "mapToOutputFn is null");
        this.running = deductFn != null ? new HashMap<>() : null;
    }

    /** Single stage: consumes items. */
    public static <T, K, A, R, OUT> SlidingWindowP<T, K, A, R, OUT> aggregate(
            Function<? super T, ? extends K> keyFn, ToLongFunction<? super T> timestampFn,
            SlidingWindowDefinition windowDefinition, AggregateOperation<? super T, A, ? extends R> op,
            KeyedWindowResultFunction<? super K, ? super R, ? extends OUT> mapToOutputFn,
            long allowedLateness, long maxAccumulatedRecords) {
        return new SlidingWindowP<>(false, requireNonNull(keyFn, "keyFn is null"),
                requireNonNull(timestampFn, "timestampFn is null"), windowDefinition, op, mapToOutputFn,
                allowedLateness, maxAccumulatedRecords);
    }

    /** Second stage: consumes {@code KeyedFrame<K, A>}. */
    public static <K, A, R, OUT> SlidingWindowP<KeyedFrame<K, A>, K, A, R, OUT> combine(
            SlidingWindowDefinition windowDefinition, AggregateOperation<?, A, ? extends R> op,
            KeyedWindowResultFunction<? super K, ? super R, ? extends OUT> mapToOutputFn,
            long allowedLateness, long maxAccumulatedRecords) {
        @SuppressWarnings("unchecked")
        AggregateOperation<Object, A, ? extends R> anyOp = (AggregateOperation<Object, A, ? extends R>) op;
        return new SlidingWindowP<>(true, null, null, windowDefinition, anyOp, mapToOutputFn,
                allowedLateness, maxAccumulatedRecords);
    }

    @Override
    public void process(int ordinal, Inbox inbox) {
        if (frameInput) {
            processFrames(inbox);
        } else {
            processItems(inbox);
        }
    }

    @SuppressWarnings("unchecked")
    private void processItems(Inbox inbox) {
        final long slide = this.slide;
        final long dropLimit = this.dropLimit;
        for (Object item; (item = inbox.poll()) != null; ) {
            T t = (T) item;
            long ts = timestampFn.applyAsLong(t);
            if (ts < dropLimit) {
                dropLate("items", ts);
                continue;
            }
            long sinceFrameStart = ts - cachedFrameStart;
            if (cachedFrame == null || sinceFrameStart < 0 || sinceFrameStart >= slide) {
                selectFrame(WindowMath.frameOf(ts, slide));
            }
            K key = keyFn.apply(t);
            A acc = cachedFrame.get(key);
            boolean inserted = acc == null;
            if (inserted) {
                acc = newFrameAccumulator(key);
            }
            accumulateFn.accept(acc, t);
            if (cachedFrameLate) {
                onLateUpdate(key, inserted, t, null);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void processFrames(Inbox inbox) {
        for (Object item; (item = inbox.poll()) != null; ) {
            KeyedFrame<K, A> partial = (KeyedFrame<K, A>) item;
            long f = WindowMath.frameOfEnd(partial.end(), slide);
            if (f <= lateFrameLimit) {
                dropLate("frame partials", partial.end() - 1);
                continue;
            }
            if (cachedFrame == null || f != cachedFrameNo) {
                selectFrame(f);
            }
            K key = partial.key();
            A acc = cachedFrame.get(key);
            boolean inserted = acc == null;
            if (inserted) {
                acc = newFrameAccumulator(key);
            }
            combineFn.accept(acc, partial.accumulator());
            if (cachedFrameLate) {
                onLateUpdate(key, inserted, null, partial.accumulator());
            }
        }
    }

    private void selectFrame(long f) {
        cachedFrame = frames.getOrCreate(f);
        cachedFrameNo = f;
        cachedFrameStart = WindowMath.frameStart(f, slide);
        cachedFrameLate = isEmitted(f);
    }

    private A newFrameAccumulator(K key) {
        requireNonNull(key, "the key function returned null");
        addRecord();
        A acc = createFn.get();
        cachedFrame.put(key, acc);
        return acc;
    }

    /**
     * A late item or partial went into frame {@link #cachedFrameNo}, which emitted windows cover:
     * updates the running window when it covers the frame and marks the emitted windows dirty.
     */
    private void onLateUpdate(K key, boolean newInFrame, T item, A partial) {
        long f = cachedFrameNo;
        long r = lastWindow;
        if (running != null && f > r - framesPerWindow) {
            Running<A> run = running.get(key);
            if (run == null) {
                run = new Running<>(createFn.get());
                running.put(key, run);
            }
            if (newInFrame) {
                run.frames++;
            }
            if (item != null) {
                accumulateFn.accept(run.acc, item);
            } else {
                combineFn.accept(run.acc, partial);
            }
        }
        for (long g = f, last = Math.min(f + framesPerWindow - 1, r); g <= last; g++) {
            dirtyWindows.computeIfAbsent(g, x -> new HashSet<>()).add(key);
        }
    }

    @Override
    void startEmitting(long targetWindow) {
        cachedFrame = null;
        emitter.start(targetWindow);
    }

    @Override
    boolean continueEmitting() {
        return emitFromTraverser(emitter);
    }

    @Override
    int recordsIn(HashMap<K, A> frame) {
        return frame.size();
    }

    /**
     * Emits the dirty windows again, then every window up to a target window, advancing
     * {@link #lastWindow}. Returns {@code null} when done.
     */
    private final class WindowEmitter implements Traverser<Object> {
        private long targetWindow;
        private Iterator<Object> reemitted;
        private Iterator<? extends Map.Entry<K, ?>> windowIterator;
        private long windowStart;
        private long windowEnd;

        void start(long targetWindow) {
            this.targetWindow = targetWindow;
            this.reemitted = dirtyWindows.isEmpty() ? null : reemitDirtyWindows().iterator();
            this.windowIterator = null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object next() {
            if (reemitted != null) {
                if (reemitted.hasNext()) {
                    return reemitted.next();
                }
                reemitted = null;
            }
            while (true) {
                if (windowIterator != null) {
                    while (windowIterator.hasNext()) {
                        Map.Entry<K, ?> e = windowIterator.next();
                        R result = running != null
                                ? exportFn.apply(((Running<A>) e.getValue()).acc)
                                : finishFn.apply((A) e.getValue());
                        OUT out = mapToOutputFn.apply(windowStart, windowEnd, e.getKey(), result);
                        if (out != null) {
                            return out;
                        }
                    }
                    windowIterator = null;
                }
                if (!(running != null ? slideRunningWindow() : mergeNextWindow())) {
                    return null;
                }
            }
        }

        /** Deduct mode: slides the running window to the next window; {@code false} when past the target. */
        private boolean slideRunningWindow() {
            long g = nextRunningWindow(targetWindow, running.isEmpty());
            if (g == NO_WINDOW) {
                return false;
            }
            HashMap<K, A> newest = frames.get(g);
            if (newest != null) {
                for (Map.Entry<K, A> e : newest.entrySet()) {
                    Running<A> run = running.get(e.getKey());
                    if (run == null) {
                        run = new Running<>(createFn.get());
                        running.put(e.getKey(), run);
                    }
                    combineFn.accept(run.acc, e.getValue());
                    run.frames++;
                }
            }
            HashMap<K, A> oldest = frames.get(g - framesPerWindow);
            if (oldest != null) {
                for (Map.Entry<K, A> e : oldest.entrySet()) {
                    Running<A> run = running.get(e.getKey());
                    deductFn.accept(run.acc, e.getValue());
                    if (--run.frames == 0) {
                        running.remove(e.getKey());
                    }
                }
            }
            lastWindow = g;
            setWindow(g);
            windowIterator = running.entrySet().iterator();
            return true;
        }

        /** Merge mode: builds the next non-empty window from its frames; {@code false} when past the target. */
        private boolean mergeNextWindow() {
            long r = lastWindow;
            if (r != NONE && r >= targetWindow) {
                return false;
            }
            long g = r == NONE ? Long.MIN_VALUE : r + 1;
            long f = frames.next(g == Long.MIN_VALUE ? g : WindowMath.subtractSaturated(g, framesPerWindow - 1));
            if (f == FrameRing.NO_FRAME || f > targetWindow) {
                lastWindow = targetWindow;
                return false;
            }
            if (f > g) {
                g = f;
            }
            HashMap<K, A> merged = new HashMap<>();
            for (long h = f; h <= g; h = frames.next(h + 1)) {
                for (Map.Entry<K, A> e : frames.get(h).entrySet()) {
                    combineFn.accept(merged.computeIfAbsent(e.getKey(), k -> createFn.get()), e.getValue());
                }
            }
            lastWindow = g;
            setWindow(g);
            windowIterator = merged.entrySet().iterator();
            return true;
        }

        private void setWindow(long g) {
            windowStart = startOfWindow(g);
            windowEnd = endOfWindow(g);
        }
    }

    /** Computes the results of the dirty windows from their frames and forgets the marks. */
    private List<Object> reemitDirtyWindows() {
        List<Object> outputs = new ArrayList<>();
        for (Map.Entry<Long, Set<K>> e : dirtyWindows.entrySet()) {
            long g = e.getKey();
            long start = startOfWindow(g);
            long end = endOfWindow(g);
            for (K key : e.getValue()) {
                A acc = null;
                for (long h = frames.next(g - framesPerWindow + 1); h <= g; h = frames.next(h + 1)) {
                    A frameAcc = frames.get(h).get(key);
                    if (frameAcc != null) {
                        if (acc == null) {
                            acc = createFn.get();
                        }
                        combineFn.accept(acc, frameAcc);
                    }
                }
                if (acc != null) {
                    OUT out = mapToOutputFn.apply(start, end, key, finishFn.apply(acc));
                    if (out != null) {
                        outputs.add(out);
                    }
                }
            }
        }
        dirtyWindows.clear();
        return outputs;
    }

    @Override
    Traverser<Map.Entry<K, KeyFramesState>> snapshotEntries() {
        return KeyFramesState.entries(frames, dirtyWindows, slide, watermark);
    }

    @Override
    void restoreKey(K key, KeyFramesState state) {
        state.restoreFrames(key, frames, slide, combineFn, this);
        for (long end : state.dirtyWindowEnds()) {
            dirtyWindows.computeIfAbsent(WindowMath.frameOfEnd(end, slide), x -> new HashSet<>()).add(key);
        }
    }

    /** Also rebuilds the running accumulators, which the snapshot does not hold. */
    @Override
    public boolean finishSnapshotRestore() {
        super.finishSnapshotRestore();
        if (running != null && lastWindow != NONE) {
            running.clear();
            for (long f = frames.next(lastWindow - framesPerWindow + 1); f <= lastWindow; f = frames.next(f + 1)) {
                for (Map.Entry<K, A> e : frames.get(f).entrySet()) {
                    Running<A> run = running.computeIfAbsent(e.getKey(), k -> new Running<>(createFn.get()));
                    combineFn.accept(run.acc, e.getValue());
                    run.frames++;
                }
            }
        }
        return true;
    }

    /** A key's accumulator over the running window and how many of the window's frames hold the key. */
    private static final class Running<A> {
        final A acc;
        int frames;

        Running(A acc) {
            this.acc = acc;
        }
    }
}
