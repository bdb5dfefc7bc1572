package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.window.KeyedFrame;
import io.contrail.jet.window.SlidingWindowDefinition;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

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
public final class AccumulateByFrameP<T, K, A> extends AbstractAccumulateByFrameP<K, KeyFramesState, HashMap<K, A>> {

    private final Function<? super T, ? extends K> keyFn;
    private final ToLongFunction<? super T> timestampFn;
    private final Supplier<A> createFn;
    private final BiConsumer<? super A, ? super T> accumulateFn;
    private final BiConsumer<? super A, ? super A> combineFn;

    private HashMap<K, A> cachedFrame;
    private long cachedFrameStart;

    private final PartialEmitter emitter = new PartialEmitter();

    @SuppressWarnings("unchecked")
    public AccumulateByFrameP(Function<? super T, ? extends K> keyFn, ToLongFunction<? super T> timestampFn,
                              SlidingWindowDefinition windowDefinition, AggregateOperation<? super T, A, ?> op,
                              long allowedLateness, long maxAccumulatedRecords) {
        super(windowDefinition, allowedLateness, maxAccumulatedRecords, HashMap::new, HashMap::clear);
        this.keyFn = requireNonNull(keyFn, "keyFn is null");
        this.timestampFn = requireNonNull(timestampFn, "timestampFn is null");
        this.createFn = op.createFn();
        this.accumulateFn = (BiConsumer<? super A, ? super T>) op.accumulateFn();
        this.combineFn = op.combineFn();
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
            K key = keyFn.apply(t);
            A acc = frame.get(key);
            if (acc == null) {
                requireNonNull(key, "the key function returned null");
                addRecord();
                acc = createFn.get();
                frame.put(key, acc);
            }
            accumulateFn.accept(acc, t);
        }
    }

    @Override
    void restartEmitter() {
        cachedFrame = null;
        emitter.iterator = null;
    }

    @Override
    boolean continueEmitting() {
        return emitFromTraverser(emitter);
    }

    @Override
    int recordsIn(HashMap<K, A> frame) {
        return frame.size();
    }

    /** Emits the partials of each frame {@link #nextFrameToEmit} gives, one per key. */
    private final class PartialEmitter implements Traverser<Object> {
        private long frameEnd;
        private Iterator<Map.Entry<K, A>> iterator;

        @Override
        public Object next() {
            while (true) {
                if (iterator != null && iterator.hasNext()) {
                    Map.Entry<K, A> e = iterator.next();
                    return new KeyedFrame<>(frameEnd, e.getKey(), e.getValue());
                }
                HashMap<K, A> content = nextFrameToEmit();
                if (content == null) {
                    iterator = null;
                    return null;
                }
                frameEnd = emittingFrameEnd;
                iterator = content.entrySet().iterator();
            }
        }
    }

    @Override
    Traverser<Map.Entry<K, KeyFramesState>> snapshotEntries() {
        return KeyFramesState.entries(frames, null, slide, watermark);
    }

    @Override
    void restoreKey(K key, KeyFramesState state) {
        state.restoreFrames(key, frames, slide, combineFn, this);
    }
}
