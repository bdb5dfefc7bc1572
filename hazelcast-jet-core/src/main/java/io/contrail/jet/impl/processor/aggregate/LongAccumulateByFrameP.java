package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.LongAggregateOperation;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.window.LongKeyedFrame;
import io.contrail.jet.window.SlidingWindowDefinition;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;

import java.util.Map;
import java.util.function.ToLongFunction;

import static io.contrail.jet.impl.processor.aggregate.WindowMath.NONE;
import static java.util.Objects.requireNonNull;

/**
 * The first stage of a sliding window count or sum with {@code long} keys: the hot path of the
 * reference benchmark. It behaves as {@link AccumulateByFrameP} but emits
 * {@link LongKeyedFrame}s and keeps no object per key or per item.
 *
 * <h2>Hot path</h2>
 * Each frame is a {@link LongLongTable} (primitive key to primitive count or sum) held in a
 * {@link FrameRing} indexed by frame number; emitted frames are cleared and reused, so steady
 * state allocates nothing but the emitted partials (one per key and frame). {@link #process} is a
 * loop over the inbox that, per item, calls the timestamp function, compares the timestamp with
 * the current frame's bounds (a division only when the frame changes), calls the key function
 * and adds to one table slot. Counting skips the value function. Nothing is boxed.
 *
 * <p>Snapshot: one {@link LongKeyFramesState} per key, the key boxed.
 *
 * @param <T> the item type
 */
public final class LongAccumulateByFrameP<T> extends AbstractProcessor implements DropsLateItems {

    private static final int IDLE = 0;
    private static final int EMITTING = 1;
    private static final int FORWARDING = 2;

    private final ToLongFunction<? super T> keyFn;
    private final ToLongFunction<? super T> timestampFn;
    private final ToLongFunction<? super T> valueFn;
    private final boolean counting;
    private final long slide;
    private final long allowedLateness;
    private final RecordLimit records;
    private final LateItems lateItems = new LateItems();

    private final FrameRing<LongLongTable> frames;
    private long watermark = NONE;
    private long dropLimit = Long.MIN_VALUE;
    private long restoredWatermark = Long.MAX_VALUE;

    private LongLongTable cachedFrame;
    private long cachedFrameStart;

    private final FrameEmitter emitter = new FrameEmitter();
    private int phase = IDLE;
    private boolean completing;
    private boolean watermarkSaved;
    private Traverser<Map.Entry<Long, LongKeyFramesState>> snapshotTraverser;

    public LongAccumulateByFrameP(ToLongFunction<? super T> keyFn, ToLongFunction<? super T> timestampFn,
                                  SlidingWindowDefinition windowDefinition, LongAggregateOperation<? super T> op,
                                  long allowedLateness, long maxAccumulatedRecords) {
        this.keyFn = requireNonNull(keyFn, "keyFn is null");
        this.timestampFn = requireNonNull(timestampFn, "timestampFn is null");
        this.valueFn = requireNonNull(op, "op is null").valueFn();
        this.counting = op.isCounting();
        this.slide = requireNonNull(windowDefinition, "windowDefinition is null").slideBy();
        this.allowedLateness = AccumulateByFrameP.checkLateness(allowedLateness);
        this.records = new RecordLimit(maxAccumulatedRecords);
        this.frames = new FrameRing<>(FrameRing.capacityFor(allowedLateness / slide + 2),
                () -> new LongLongTable(64, false), LongLongTable::clear);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(int ordinal, Inbox inbox) {
        final ToLongFunction<Object> keyFn = (ToLongFunction<Object>) this.keyFn;
        final ToLongFunction<Object> timestampFn = (ToLongFunction<Object>) this.timestampFn;
        final ToLongFunction<Object> valueFn = (ToLongFunction<Object>) this.valueFn;
        final boolean counting = this.counting;
        final long slide = this.slide;
        final long dropLimit = this.dropLimit;
        LongLongTable frame = cachedFrame;
        long frameStart = cachedFrameStart;
        for (Object item; (item = inbox.poll()) != null; ) {
            long ts = timestampFn.applyAsLong(item);
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
            if (frame.add(keyFn.applyAsLong(item), counting ? 1 : valueFn.applyAsLong(item))) {
                records.increment(getContext(), this);
            }
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

    /** Emits frames up to a limit in frame order; a frame is removed (and its table reused) once emitted. */
    private final class FrameEmitter implements Traverser<Object> {
        private long lastFrame;
        private long nextFrom;
        private long frame;
        private long frameEnd;
        private LongLongTable content;
        private int cursor;

        void start(long lastFrame) {
            this.lastFrame = lastFrame;
            this.nextFrom = Long.MIN_VALUE;
            this.content = null;
        }

        @Override
        public Object next() {
            while (true) {
                if (content != null) {
                    int slot = content.nextSlot(cursor);
                    if (slot >= 0) {
                        cursor = slot + 1;
                        return new LongKeyedFrame(frameEnd, content.keyAt(slot), content.valueAt(slot));
                    }
                    records.decrement(content.size());
                    frames.remove(frame);
                    content = null;
                }
                frame = frames.next(nextFrom);
                if (frame == FrameRing.NO_FRAME || frame > lastFrame) {
                    return null;
                }
                nextFrom = frame + 1;
                frameEnd = WindowMath.frameEnd(frame, slide);
                content = frames.get(frame);
                cursor = 0;
            }
        }
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
            snapshotTraverser = LongStateBuilder.traverse(LongStateBuilder.collect(frames, null, slide), watermark);
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
            Map.Entry<Long, LongKeyFramesState> entry = (Map.Entry<Long, LongKeyFramesState>) item;
            long key = entry.getKey();
            LongKeyFramesState state = entry.getValue();
            restoredWatermark = Math.min(restoredWatermark, state.watermark());
            for (int i = 0; i < state.frameEnds().length; i++) {
                if (frames.getOrCreate(WindowMath.frameOfEnd(state.frameEnds()[i], slide)).add(key, state.values()[i])) {
                    records.increment(getContext(), this);
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

    /** The keys held in frames, with their frames: the snapshot format of the long-key processors. */
    static final class LongStateBuilder {
        private final LongArrayList frameEnds = new LongArrayList();
        private final LongArrayList values = new LongArrayList();
        private final LongArrayList dirtyWindowEnds = new LongArrayList();

        /** Groups the frames' contents (and the dirty windows, if any) by key. */
        static Long2ObjectHashMap<LongStateBuilder> collect(FrameRing<LongLongTable> frames,
                                                            Map<Long, LongHashSet> dirtyWindows,
                                                            long slide) {
            Long2ObjectHashMap<LongStateBuilder> byKey = new Long2ObjectHashMap<>();
            frames.forEach((f, table) -> {
                long end = WindowMath.frameEnd(f, slide);
                for (int s = table.nextSlot(0); s >= 0; s = table.nextSlot(s + 1)) {
                    LongStateBuilder b = byKey.computeIfAbsent(table.keyAt(s), k -> new LongStateBuilder());
                    b.frameEnds.addLong(end);
                    b.values.addLong(table.valueAt(s));
                }
            });
            if (dirtyWindows != null) {
                dirtyWindows.forEach((g, keys) -> {
                    long end = WindowMath.frameEnd(g, slide);
                    for (LongHashSet.LongIterator it = keys.iterator(); it.hasNext(); ) {
                        byKey.computeIfAbsent(it.nextValue(), k -> new LongStateBuilder()).dirtyWindowEnds.addLong(end);
                    }
                });
            }
            return byKey;
        }

        static Traverser<Map.Entry<Long, LongKeyFramesState>> traverse(Long2ObjectHashMap<LongStateBuilder> byKey, long watermark) {
            Long2ObjectHashMap<LongStateBuilder>.EntryIterator it = byKey.entrySet().iterator();
            return () -> {
                if (!it.hasNext()) {
                    return null;
                }
                it.next();
                LongStateBuilder b = it.getValue();
                return Map.entry(it.getLongKey(), new LongKeyFramesState(watermark, b.frameEnds.toLongArray(),
                        b.values.toLongArray(), b.dirtyWindowEnds.toLongArray()));
            };
        }
    }
}
