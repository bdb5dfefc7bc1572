package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.LongAggregateOperation;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.window.LongKeyedFrame;
import io.contrail.jet.window.SlidingWindowDefinition;

import java.util.Map;
import java.util.function.ToLongFunction;

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
public final class LongAccumulateByFrameP<T> extends AbstractAccumulateByFrameP<Long, LongKeyFramesState, LongLongTable> {

    private final ToLongFunction<? super T> keyFn;
    private final ToLongFunction<? super T> timestampFn;
    private final ToLongFunction<? super T> valueFn;
    private final boolean counting;

    private LongLongTable cachedFrame;
    private long cachedFrameStart;

    private final PartialEmitter emitter = new PartialEmitter();

    public LongAccumulateByFrameP(ToLongFunction<? super T> keyFn, ToLongFunction<? super T> timestampFn,
                                  SlidingWindowDefinition windowDefinition, LongAggregateOperation<? super T> op,
                                  long allowedLateness, long maxAccumulatedRecords) {
        super(windowDefinition, allowedLateness, maxAccumulatedRecords, () -> new LongLongTable(64, false), LongLongTable::clear);
        this.keyFn = requireNonNull(keyFn, "keyFn is null");
        this.timestampFn = requireNonNull(timestampFn, "timestampFn is null");
        this.valueFn = requireNonNull(op, "op is null").valueFn();
        this.counting = op.isCounting();
    }

    // The unboxed copy of AccumulateByFrameP.process: primitive functions and table, nothing allocated per item.
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
                dropLate("items", ts);
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
                addRecord();
            }
        }
    }

    @Override
    void restartEmitter() {
        cachedFrame = null;
        emitter.content = null;
    }

    @Override
    boolean continueEmitting() {
        return emitFromTraverser(emitter);
    }

    @Override
    int recordsIn(LongLongTable frame) {
        return frame.size();
    }

    /**
     * Emits the partials of each frame {@link #nextFrameToEmit} gives, one per key. The unboxed
     * copy of AccumulateByFrameP's emitter: a slot cursor, no iterator.
     */
    private final class PartialEmitter implements Traverser<Object> {
        private long frameEnd;
        private LongLongTable content;
        private int cursor;

        @Override
        public Object next() {
            while (true) {
                if (content != null) {
                    int slot = content.nextSlot(cursor);
                    if (slot >= 0) {
                        cursor = slot + 1;
                        return new LongKeyedFrame(frameEnd, content.keyAt(slot), content.valueAt(slot));
                    }
                }
                content = nextFrameToEmit();
                if (content == null) {
                    return null;
                }
                frameEnd = emittingFrameEnd;
                cursor = 0;
            }
        }
    }

    @Override
    Traverser<Map.Entry<Long, LongKeyFramesState>> snapshotEntries() {
        return LongKeyFramesState.entries(frames, null, slide, watermark);
    }

    @Override
    void restoreKey(Long key, LongKeyFramesState state) {
        state.restoreFrames(key, frames, slide, this);
    }
}
