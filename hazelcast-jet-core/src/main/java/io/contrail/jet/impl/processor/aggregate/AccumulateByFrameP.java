package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.window.KeyedFrame;
import io.contrail.jet.window.SlidingWindowDefinition;
import org.agrona.collections.LongArrayList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import static io.contrail.jet.impl.processor.aggregate.WindowMath.NONE;
import static java.util.Objects.requireNonNull;

/**
 * First stage of a two-stage sliding (or tumbling) window aggregation: adds each item to the
 * accumulator of its key in its <em>frame</em> (the {@code slideBy}-long bucket of event time
 * holding its timestamp) and, when the watermark reaches a frame's end, emits one
 * {@link KeyedFrame KeyedFrame&lt;K, A&gt;} per key of the frame, then forwards the watermark. The
 * second stage ({@link SlidingWindowP} on frames), behind an edge partitioned by
 * {@code KeyedFrame::key}, turns frames into windows. So one item per key and frame crosses the
 * network, not one per event, and each event touches one accumulator, not one per window.
 *
 * <p>Late items: an item below {@code watermark - allowedLateness} is dropped and counted
 * ({@link #droppedLateItems()}); a later one, even if its frame was emitted already, is
 * accumulated into a new partial of that frame, emitted at the next watermark.
 * {@link Watermark#IDLE} is only forwarded. {@code complete()} emits every frame (end of a
 * bounded input), without a watermark.
 *
 * <p>Snapshot: one {@link KeyFramesState} per key; any processor can restore any key, and
 * entries for a key from several processors combine.
 *
 * @param <T> the item type
 * @param <K> the key type
 * @param <A> the accumulator type
 */
public final class AccumulateByFrameP<T, K, A> extends AbstractProcessor implements DropsLateItems {

    private static final int IDLE = 0;
    private static final int EMITTING = 1;
    private static final int FORWARDING = 2;

    private final Function<? super T, ? extends K> keyFn;
    private final ToLongFunction<? super T> timestampFn;
    private final Supplier<A> createFn;
    private final BiConsumer<? super A, ? super T> accumulateFn;
    private final BiConsumer<? super A, ? super A> combineFn;
    private final long slide;
    private final long allowedLateness;
    private final RecordLimit records;
    private final LateItems lateItems = new LateItems();

    private final FrameRing<HashMap<K, A>> frames;
    private long watermark = NONE;
    /** Items with a timestamp below this are dropped. */
    private long dropLimit = Long.MIN_VALUE;
    private long restoredWatermark = Long.MAX_VALUE;

    private HashMap<K, A> cachedFrame;
    private long cachedFrameStart;

    private final FrameEmitter emitter = new FrameEmitter();
    private int phase = IDLE;
    private boolean completing;
    private boolean watermarkSaved;
    private Traverser<Map.Entry<K, KeyFramesState>> snapshotTraverser;

    @SuppressWarnings("unchecked")
    public AccumulateByFrameP(Function<? super T, ? extends K> keyFn, ToLongFunction<? super T> timestampFn,
                              SlidingWindowDefinition windowDefinition, AggregateOperation<? super T, A, ?> op,
                              long allowedLateness, long maxAccumulatedRecords) {
        this.keyFn = requireNonNull(keyFn, "keyFn is null");
        this.timestampFn = requireNonNull(timestampFn, "timestampFn is null");
        this.slide = requireNonNull(windowDefinition, "windowDefinition is null").slideBy();
        this.createFn = op.createFn();
        this.accumulateFn = (BiConsumer<? super A, ? super T>) op.accumulateFn();
        this.combineFn = op.combineFn();
        this.allowedLateness = checkLateness(allowedLateness);
        this.records = new RecordLimit(maxAccumulatedRecords);
        this.frames = new FrameRing<>(FrameRing.capacityFor(allowedLateness / slide + 2), HashMap::new, HashMap::clear);
    }

    static long checkLateness(long allowedLateness) {
        if (allowedLateness < 0) {
            throw new IllegalArgumentException("allowedLateness must not be negative, got " + allowedLateness);
        }
        return allowedLateness;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(int ordinal, Inbox inbox) {
        final long slide = this.slide;
        final long dropLimit = this.dropLimit;
        HashMap<K, A> frame = cachedFrame;
        long frameStart = cachedFrameStart;
        for (Object item; (item = inbox.poll()) != null; ) {
            T t = (T) item;
            long ts = timestampFn.applyAsLong(t);
            if (ts < dropLimit) {
                lateItems.drop(getContext(), "items", ts, watermark, allowedLateness);
                continue;
            }
            long sinceFrameStart = ts - frameStart;
            if (frame == null || sinceFrameStart < 0 || sinceFrameStart >= slide) {
                long f = WindowMath.frameOf(ts, slide);
                frame = frames.getOrCreate(f);
                frameStart = WindowMath.frameStart(f, slide);
                cachedFrame = frame;
                cachedFrameStart = frameStart;
            }
            K key = keyFn.apply(t);
            A acc = frame.get(key);
            if (acc == null) {
                requireNonNull(key, "the key function returned null");
                records.increment(getContext(), this);
                acc = createFn.get();
                frame.put(key, acc);
            }
            accumulateFn.accept(acc, t);
        }
    }

    @Override
    public boolean tryProcessWatermark(Watermark wm) {
        if (wm.isIdle()) {
            return tryEmit(wm);
        }
        if (phase == IDLE) {
            cachedFrame = null;
            emitter.start(WindowMath.lastClosedWindow(wm.timestamp(), slide));
            phase = EMITTING;
        }
        if (phase == EMITTING) {
            if (!emitFromTraverser(emitter)) {
                return false;
            }
            watermark = Math.max(watermark, wm.timestamp());
            dropLimit = WindowMath.subtractSaturated(watermark, allowedLateness);
            phase = FORWARDING;
        }
        if (!tryEmit(wm)) {
            return false;
        }
        phase = IDLE;
        return true;
    }

    @Override
    public boolean complete() {
        if (!completing) {
            completing = true;
            cachedFrame = null;
            emitter.start(Long.MAX_VALUE);
        }
        return emitFromTraverser(emitter);
    }

    /** Emits the frames up to a limit, in frame order, removing each once all its partials are out. */
    private final class FrameEmitter implements Traverser<Object> {
        private long lastFrame;
        private long nextFrom;
        private long frame;
        private long frameEnd;
        private HashMap<K, A> content;
        private Iterator<Map.Entry<K, A>> iterator;

        void start(long lastFrame) {
            this.lastFrame = lastFrame;
            this.nextFrom = Long.MIN_VALUE;
            this.iterator = null;
        }

        @Override
        public Object next() {
            while (true) {
                if (iterator != null) {
                    if (iterator.hasNext()) {
                        Map.Entry<K, A> e = iterator.next();
                        return new KeyedFrame<>(frameEnd, e.getKey(), e.getValue());
                    }
                    records.decrement(content.size());
                    frames.remove(frame);
                    iterator = null;
                }
                frame = frames.next(nextFrom);
                if (frame == FrameRing.NO_FRAME || frame > lastFrame) {
                    return null;
                }
                nextFrom = frame + 1;
                frameEnd = WindowMath.frameEnd(frame, slide);
                content = frames.get(frame);
                iterator = content.entrySet().iterator();
            }
        }
    }

    @Override
    public boolean saveToSnapshot() {
        if (completing) {
            // complete() may have half-emitted a frame; finish emitting instead of saving a half.
            return complete();
        }
        if (!watermarkSaved) {
            if (watermark != NONE && !tryEmitToSnapshot(WatermarkSnapshotKey.of(getContext()), watermark)) {
                return false;
            }
            watermarkSaved = true;
        }
        if (snapshotTraverser == null) {
            Map<K, StateBuilder> byKey = new HashMap<>();
            frames.forEach((f, content) -> {
                long end = WindowMath.frameEnd(f, slide);
                content.forEach((key, acc) -> byKey.computeIfAbsent(key, k -> new StateBuilder()).add(end, acc));
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
        }
    }

    @Override
    public boolean finishSnapshotRestore() {
        if (restoredWatermark != Long.MAX_VALUE) {
            watermark = restoredWatermark;
            dropLimit = watermark == NONE ? Long.MIN_VALUE : WindowMath.subtractSaturated(watermark, allowedLateness);
            restoredWatermark = Long.MAX_VALUE;
        }
        return true;
    }

    @Override
    public long droppedLateItems() {
        return lateItems.dropped();
    }

    /** Collects one key's frames for the snapshot. */
    static final class StateBuilder {
        private final LongArrayList frameEnds = new LongArrayList();
        private final List<Object> accumulators = new ArrayList<>();
        private final LongArrayList dirtyWindowEnds = new LongArrayList();

        void add(long frameEnd, Object acc) {
            frameEnds.addLong(frameEnd);
            accumulators.add(acc);
        }

        void addDirty(long windowEnd) {
            dirtyWindowEnds.addLong(windowEnd);
        }

        KeyFramesState build(long watermark) {
            return new KeyFramesState(watermark, frameEnds.toLongArray(), accumulators.toArray(), dirtyWindowEnds.toLongArray());
        }
    }
}
