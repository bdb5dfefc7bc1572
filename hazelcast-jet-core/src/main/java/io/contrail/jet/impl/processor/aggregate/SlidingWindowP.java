package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.core.AbstractProcessor;
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
public final class SlidingWindowP<T, K, A, R, OUT> extends AbstractProcessor implements DropsLateItems {

    private static final int IDLE = 0;
    private static final int EMITTING = 1;
    private static final int FORWARDING = 2;

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
    private final long slide;
    private final long framesPerWindow;
    private final long allowedLateness;
    private final RecordLimit records;
    private final LateItems lateItems = new LateItems();

    private final FrameRing<HashMap<K, A>> frames;
    /** Deduct mode: each key's accumulator over the frames of window {@link #lastWindow}; else {@code null}. */
    private final HashMap<K, Running<A>> running;
    /** Emitted windows (by number) to emit again, with the keys whose late items changed them. */
    private final TreeMap<Long, Set<K>> dirtyWindows = new TreeMap<>();
    private long watermark = NONE;
    /** The last window emitted (all windows up to it are emitted), or NONE. */
    private long lastWindow = NONE;
    /** Items with a timestamp below this are dropped. */
    private long dropLimit = Long.MIN_VALUE;
    /** Frame partials of frames at or below this are dropped. */
    private long lateFrameLimit = Long.MIN_VALUE;
    private long restoredWatermark = Long.MAX_VALUE;

    private HashMap<K, A> cachedFrame;
    private long cachedFrameNo;
    private long cachedFrameStart;
    private boolean cachedFrameLate;

    private final WindowEmitter emitter = new WindowEmitter();
    private int phase = IDLE;
    private boolean completing;
    private boolean watermarkSaved;
    private Traverser<Map.Entry<K, KeyFramesState>> snapshotTraverser;

    @SuppressWarnings("unchecked")
    private SlidingWindowP(boolean frameInput, Function<? super T, ? extends K> keyFn, ToLongFunction<? super T> timestampFn,
                           SlidingWindowDefinition windowDefinition, AggregateOperation<? super T, A, ? extends R> op,
                           KeyedWindowResultFunction<? super K, ? super R, ? extends OUT> mapToOutputFn,
                           long allowedLateness, long maxAccumulatedRecords) {
        requireNonNull(windowDefinition, "windowDefinition is null");
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
        this.slide = windowDefinition.slideBy();
        this.framesPerWindow = windowDefinition.framesPerWindow();
        this.allowedLateness = AccumulateByFrameP.checkLateness(allowedLateness);
        this.records = new RecordLimit(maxAccumulatedRecords);
        this.frames = new FrameRing<>(FrameRing.capacityFor(framesPerWindow + allowedLateness / slide + 2),
                HashMap::new, HashMap::clear);
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
                lateItems.drop(getContext(), "items", ts, watermark, allowedLateness);
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
                lateItems.drop(getContext(), "frame partials", partial.end() - 1, watermark, allowedLateness);
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
        cachedFrameLate = lastWindow != NONE && f <= lastWindow;
    }

    private A newFrameAccumulator(K key) {
        requireNonNull(key, "the key function returned null");
        records.increment(getContext(), this);
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
    public boolean tryProcessWatermark(Watermark wm) {
        if (wm.isIdle()) {
            return tryEmit(wm);
        }
        if (phase == IDLE) {
            cachedFrame = null;
            long target = WindowMath.lastClosedWindow(wm.timestamp(), slide);
            emitter.start(lastWindow == NONE ? target : Math.max(lastWindow, target));
            phase = EMITTING;
        }
        if (phase == EMITTING) {
            if (!emitFromTraverser(emitter)) {
                return false;
            }
            watermark = Math.max(watermark, wm.timestamp());
            updateLimitsAndPurge();
            phase = FORWARDING;
        }
        if (!tryEmit(wm)) {
            return false;
        }
        phase = IDLE;
        return true;
    }

    private void updateLimitsAndPurge() {
        dropLimit = WindowMath.subtractSaturated(watermark, allowedLateness);
        lateFrameLimit = WindowMath.lastClosedWindow(dropLimit, slide);
        if (lastWindow == NONE) {
            return;
        }
        // Keep the frames of the running window (> lastWindow - F) and of every window a late item
        // may still change (windows after lateFrameLimit need frames > lateFrameLimit + 1 - F).
        long purgeLimit = Math.min(WindowMath.subtractSaturated(lastWindow, framesPerWindow),
                WindowMath.subtractSaturated(lateFrameLimit, framesPerWindow - 1));
        for (long f = frames.next(Long.MIN_VALUE); f != FrameRing.NO_FRAME && f <= purgeLimit; f = frames.next(f + 1)) {
            records.decrement(frames.get(f).size());
            frames.remove(f);
        }
    }

    @Override
    public boolean complete() {
        if (!completing) {
            completing = true;
            cachedFrame = null;
            long last = frames.last();
            long target = last == FrameRing.NO_FRAME ? lastWindow : last + framesPerWindow - 1;
            emitter.start(lastWindow == NONE ? target : Math.max(lastWindow, target));
        }
        return emitFromTraverser(emitter);
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
            long r = lastWindow;
            if (r != NONE && r >= targetWindow) {
                return false;
            }
            if (running.isEmpty()) {
                // The window ending at r is empty: skip to the window before the next frame.
                long f = frames.next(r == NONE ? Long.MIN_VALUE : r + 1);
                if (f == FrameRing.NO_FRAME || f > targetWindow) {
                    lastWindow = targetWindow;
                    return false;
                }
                r = f - 1;
            }
            long g = r + 1;
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
            windowStart = WindowMath.frameStart(g - framesPerWindow + 1, slide);
            windowEnd = WindowMath.frameEnd(g, slide);
        }
    }

    /** Computes the results of the dirty windows from their frames and forgets the marks. */
    private List<Object> reemitDirtyWindows() {
        List<Object> outputs = new ArrayList<>();
        for (Map.Entry<Long, Set<K>> e : dirtyWindows.entrySet()) {
            long g = e.getKey();
            long start = WindowMath.frameStart(g - framesPerWindow + 1, slide);
            long end = WindowMath.frameEnd(g, slide);
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
    public boolean saveToSnapshot() {
        if (completing) {
            return complete();
        }
        if (!watermarkSaved) {
            if (watermark != NONE && !tryEmitToSnapshot(WatermarkSnapshotKey.of(getContext()), watermark)) {
                return false;
            }
            watermarkSaved = true;
        }
        if (snapshotTraverser == null) {
            Map<K, AccumulateByFrameP.StateBuilder> byKey = new HashMap<>();
            frames.forEach((f, content) -> {
                long end = WindowMath.frameEnd(f, slide);
                content.forEach((key, acc) -> byKey.computeIfAbsent(key, k -> new AccumulateByFrameP.StateBuilder()).add(end, acc));
            });
            dirtyWindows.forEach((g, keys) -> {
                long end = WindowMath.frameEnd(g, slide);
                keys.forEach(key -> byKey.computeIfAbsent(key, k -> new AccumulateByFrameP.StateBuilder()).addDirty(end));
            });
            long wm = watermark;
            snapshotTraverser = Traverser.traverseIterable(byKey.entrySet())
                    .map(e -> Map.entry(e.getKey(), e.getValue().build(wm)));
        }
        if (!emitFromTraverserToSnapshot(snapshotTraverser)) {
            return false;
        }
        snapshotTraverser = null;
        watermarkSaved = false;
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restoreFromSnapshot(Inbox inbox) {
        for (Object item; (item = inbox.poll()) != null; ) {
            if (((Map.Entry<?, ?>) item).getKey() instanceof WatermarkSnapshotKey) {
                restoredWatermark = Math.min(restoredWatermark, (Long) ((Map.Entry<?, ?>) item).getValue());
                continue;
            }
            Map.Entry<K, KeyFramesState> entry = (Map.Entry<K, KeyFramesState>) item;
            K key = entry.getKey();
            KeyFramesState state = entry.getValue();
            restoredWatermark = Math.min(restoredWatermark, state.watermark());
            for (int i = 0; i < state.frameEnds().length; i++) {
                HashMap<K, A> frame = frames.getOrCreate(WindowMath.frameOfEnd(state.frameEnds()[i], slide));
                A acc = (A) state.accumulators()[i];
                A existing = frame.get(key);
                if (existing == null) {
                    records.increment(getContext(), this);
                    frame.put(key, acc);
                } else {
                    combineFn.accept(existing, acc);
                }
            }
            for (long end : state.dirtyWindowEnds()) {
                dirtyWindows.computeIfAbsent(WindowMath.frameOfEnd(end, slide), x -> new HashSet<>()).add(key);
            }
        }
    }

    @Override
    public boolean finishSnapshotRestore() {
        if (restoredWatermark != Long.MAX_VALUE) {
            watermark = restoredWatermark;
            restoredWatermark = Long.MAX_VALUE;
            if (watermark != NONE) {
                lastWindow = WindowMath.lastClosedWindow(watermark, slide);
                dropLimit = WindowMath.subtractSaturated(watermark, allowedLateness);
                lateFrameLimit = WindowMath.lastClosedWindow(dropLimit, slide);
            }
        }
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

    @Override
    public long droppedLateItems() {
        return lateItems.dropped();
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
