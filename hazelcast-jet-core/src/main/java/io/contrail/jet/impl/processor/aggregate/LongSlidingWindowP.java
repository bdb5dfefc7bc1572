package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.LongAggregateOperation;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.window.LongKeyedFrame;
import io.contrail.jet.window.LongKeyedWindowResultFunction;
import io.contrail.jet.window.SlidingWindowDefinition;
import org.agrona.collections.LongHashSet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import static io.contrail.jet.impl.processor.aggregate.WindowMath.NONE;
import static java.util.Objects.requireNonNull;

/**
 * Sliding (and tumbling) window count or sum with {@code long} keys, without boxing: either the
 * second stage behind {@link LongAccumulateByFrameP} (consuming {@link LongKeyedFrame}s over an
 * edge partitioned by {@code LongKeyedFrame::key}) or a single stage consuming items. The
 * semantics are those of {@link SlidingWindowP} (lateness, re-emission, idle watermarks,
 * completion, snapshots); this class is its primitive specialisation.
 *
 * <h2>Design</h2>
 * <ul>
 *     <li>Frames: a {@link FrameRing} of {@link LongLongTable}s (key to count or sum), indexed by
 *     frame number; tables are cleared and reused when frames leave the ring.</li>
 *     <li>Sliding: one more table holds each key's running value for the last emitted window. To
 *     emit the next window it adds the newest frame's table and subtracts the oldest frame's: per
 *     window the work is one pass over two frame tables and one over the running table, which is
 *     also the emission loop ({@code mapToOutputFn(start, end, key, value)} per key). A window
 *     costs no more for 100 frames than for 1.</li>
 *     <li>Emptiness: for counting, a key leaves the running window when its count drops to 0 (a
 *     frame's count is never 0). A sum can be 0 with items present, so for summing the table's
 *     aux column counts the frames holding the key, and the key leaves when that drops to 0.</li>
 *     <li>Iteration resumes at an {@code int} slot cursor after back-pressure: no iterators, no
 *     boxing, no allocation per key except the emitted item.</li>
 * </ul>
 *
 * <p>Snapshot: one {@link LongKeyFramesState} per key (the key boxed as the snapshot key).
 *
 * @param <T>   the item type (for frame input, {@code LongKeyedFrame})
 * @param <OUT> the output type
 */
public final class LongSlidingWindowP<T, OUT> extends AbstractSlidingWindowP<Long, LongKeyFramesState, LongLongTable> {

    private final boolean frameInput;
    private final ToLongFunction<? super T> keyFn;
    private final ToLongFunction<? super T> timestampFn;
    private final ToLongFunction<? super T> valueFn;
    private final boolean counting;
    private final LongKeyedWindowResultFunction<? extends OUT> mapToOutputFn;

    /** Each key's value over window {@link #lastWindow}; aux = frames holding the key (summing only). */
    private final LongLongTable running;
    private final TreeMap<Long, LongHashSet> dirtyWindows = new TreeMap<>();

    private LongLongTable cachedFrame;
    private long cachedFrameNo;
    private long cachedFrameStart;
    private long cachedFrameEnd = Long.MIN_VALUE;
    private boolean cachedFrameLate;

    private final WindowEmitter emitter = new WindowEmitter();

    private LongSlidingWindowP(boolean frameInput, ToLongFunction<? super T> keyFn, ToLongFunction<? super T> timestampFn,
                               SlidingWindowDefinition windowDefinition, LongAggregateOperation<? super T> op,
                               LongKeyedWindowResultFunction<? extends OUT> mapToOutputFn,
                               long allowedLateness, long maxAccumulatedRecords) {
        super(windowDefinition, allowedLateness, maxAccumulatedRecords, () -> new LongLongTable(64, false), LongLongTable::clear);
        this.frameInput = frameInput;
        this.keyFn = keyFn;
        this.timestampFn = timestampFn;
        this.valueFn = requireNonNull(op, "op is null").valueFn();
        this.counting = op.isCounting();
        this.mapToOutputFn = requireNonNull(mapToOutputFn, "mapToOutputFn is null");
        this.running = new LongLongTable(64, !counting);
    }

    /** Single stage: consumes items. */
    public static <T, OUT> LongSlidingWindowP<T, OUT> aggregate(
            ToLongFunction<? super T> keyFn, ToLongFunction<? super T> timestampFn,
            SlidingWindowDefinition windowDefinition, LongAggregateOperation<? super T> op,
            LongKeyedWindowResultFunction<? extends OUT> mapToOutputFn, long allowedLateness, long maxAccumulatedRecords) {
        return new LongSlidingWindowP<>(false, requireNonNull(keyFn, "keyFn is null"),
                requireNonNull(timestampFn, "timestampFn is null"), windowDefinition, op, mapToOutputFn,
                allowedLateness, maxAccumulatedRecords);
    }

    /** Second stage: consumes {@link LongKeyedFrame}; {@code op} tells counting from summing. */
    public static <OUT> LongSlidingWindowP<LongKeyedFrame, OUT> combine(
            SlidingWindowDefinition windowDefinition, LongAggregateOperation<?> op,
            LongKeyedWindowResultFunction<? extends OUT> mapToOutputFn, long allowedLateness, long maxAccumulatedRecords) {
        @SuppressWarnings("unchecked")
        LongAggregateOperation<Object> anyOp = (LongAggregateOperation<Object>) op;
        return new LongSlidingWindowP<>(true, null, null, windowDefinition, anyOp, mapToOutputFn,
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

    // The unboxed copy of SlidingWindowP.processItems (likewise processFrames): nothing boxed or allocated per item.
    @SuppressWarnings("unchecked")
    private void processItems(Inbox inbox) {
        final ToLongFunction<Object> keyFn = (ToLongFunction<Object>) this.keyFn;
        final ToLongFunction<Object> timestampFn = (ToLongFunction<Object>) this.timestampFn;
        final ToLongFunction<Object> valueFn = (ToLongFunction<Object>) this.valueFn;
        final boolean counting = this.counting;
        final long slide = this.slide;
        final long dropLimit = this.dropLimit;
        LongLongTable frame = cachedFrame;
        long frameStart = cachedFrameStart;
        boolean frameLate = cachedFrameLate;
        for (Object item; (item = inbox.poll()) != null; ) {
            long ts = timestampFn.applyAsLong(item);
            if (ts < dropLimit) {
                dropLate("items", ts);
                continue;
            }
            long sinceFrameStart = ts - frameStart;
            if (frame == null || sinceFrameStart < 0 || sinceFrameStart >= slide) {
                selectFrame(WindowMath.frameOf(ts, slide));
                frame = cachedFrame;
                frameStart = cachedFrameStart;
                frameLate = cachedFrameLate;
            }
            long key = keyFn.applyAsLong(item);
            long value = counting ? 1 : valueFn.applyAsLong(item);
            boolean inserted = frame.add(key, value);
            if (inserted) {
                addRecord();
            }
            if (frameLate) {
                onLateUpdate(key, value, inserted);
            }
        }
    }

    private void processFrames(Inbox inbox) {
        for (Object item; (item = inbox.poll()) != null; ) {
            LongKeyedFrame partial = (LongKeyedFrame) item;
            if (cachedFrame == null || partial.end() != cachedFrameEnd) {
                long f = WindowMath.frameOfEnd(partial.end(), slide);
                if (f <= lateFrameLimit) {
                    dropLate("frame partials", partial.end() - 1);
                    continue;
                }
                selectFrame(f);
            }
            boolean inserted = cachedFrame.add(partial.key(), partial.value());
            if (inserted) {
                addRecord();
            }
            if (cachedFrameLate) {
                onLateUpdate(partial.key(), partial.value(), inserted);
            }
        }
    }

    private void selectFrame(long f) {
        cachedFrame = frames.getOrCreate(f);
        cachedFrameNo = f;
        cachedFrameStart = WindowMath.frameStart(f, slide);
        cachedFrameEnd = WindowMath.frameEnd(f, slide);
        cachedFrameLate = isEmitted(f);
    }

    /** As {@code SlidingWindowP.onLateUpdate}: updates the running window and marks emitted windows dirty. */
    private void onLateUpdate(long key, long value, boolean newInFrame) {
        long f = cachedFrameNo;
        long r = lastWindow;
        if (f > r - framesPerWindow) {
            int slot = running.findOrInsert(key);
            if (slot < 0) {
                slot = ~slot;
            }
            running.addToValueAt(slot, value);
            if (!counting && newInFrame) {
                running.addToAuxAt(slot, 1);
            }
        }
        for (long g = f, last = Math.min(f + framesPerWindow - 1, r); g <= last; g++) {
            dirtyWindows.computeIfAbsent(g, x -> new LongHashSet()).add(key);
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
    int recordsIn(LongLongTable frame) {
        return frame.size();
    }

    /** Re-emits the dirty windows, then slides the running window up to a target window, emitting each. */
    private final class WindowEmitter implements Traverser<Object> {
        private long targetWindow;
        private Iterator<Object> reemitted;
        private int cursor = -1;
        private long windowStart;
        private long windowEnd;

        void start(long targetWindow) {
            this.targetWindow = targetWindow;
            this.reemitted = dirtyWindows.isEmpty() ? null : reemitDirtyWindows().iterator();
            this.cursor = -1;
        }

        @Override
        public Object next() {
            if (reemitted != null) {
                if (reemitted.hasNext()) {
                    return reemitted.next();
                }
                reemitted = null;
            }
            final LongLongTable running = LongSlidingWindowP.this.running;
            while (true) {
                if (cursor >= 0) {
                    for (int slot = running.nextSlot(cursor); slot >= 0; slot = running.nextSlot(slot + 1)) {
                        OUT out = mapToOutputFn.apply(windowStart, windowEnd, running.keyAt(slot), running.valueAt(slot));
                        if (out != null) {
                            cursor = slot + 1;
                            return out;
                        }
                    }
                    cursor = -1;
                }
                if (!slideRunningWindow()) {
                    return null;
                }
                cursor = 0;
            }
        }

        private boolean slideRunningWindow() {
            long g = nextRunningWindow(targetWindow, running.isEmpty());
            if (g == NO_WINDOW) {
                return false;
            }
            LongLongTable newest = frames.get(g);
            if (newest != null) {
                addFrame(newest);
            }
            LongLongTable oldest = frames.get(g - framesPerWindow);
            if (oldest != null) {
                deductFrame(oldest);
            }
            lastWindow = g;
            windowStart = startOfWindow(g);
            windowEnd = endOfWindow(g);
            return true;
        }
    }

    private void addFrame(LongLongTable frame) {
        final LongLongTable running = this.running;
        final boolean counting = this.counting;
        for (int s = frame.nextSlot(0); s >= 0; s = frame.nextSlot(s + 1)) {
            int slot = running.findOrInsert(frame.keyAt(s));
            if (slot < 0) {
                slot = ~slot;
            }
            running.addToValueAt(slot, frame.valueAt(s));
            if (!counting) {
                running.addToAuxAt(slot, 1);
            }
        }
    }

    private void deductFrame(LongLongTable frame) {
        final LongLongTable running = this.running;
        final boolean counting = this.counting;
        for (int s = frame.nextSlot(0); s >= 0; s = frame.nextSlot(s + 1)) {
            int slot = running.find(frame.keyAt(s));
            if (slot < 0) {
                throw new IllegalStateException("Key " + frame.keyAt(s) + " of a frame is missing from the running window");
            }
            running.addToValueAt(slot, -frame.valueAt(s));
            boolean gone;
            if (counting) {
                gone = running.valueAt(slot) == 0;
            } else {
                running.addToAuxAt(slot, -1);
                gone = running.auxAt(slot) == 0;
            }
            if (gone) {
                running.removeAt(slot);
            }
        }
    }

    private List<Object> reemitDirtyWindows() {
        List<Object> outputs = new ArrayList<>();
        for (Map.Entry<Long, LongHashSet> e : dirtyWindows.entrySet()) {
            long g = e.getKey();
            long start = startOfWindow(g);
            long end = endOfWindow(g);
            for (LongHashSet.LongIterator it = e.getValue().iterator(); it.hasNext(); ) {
                long key = it.nextValue();
                long sum = 0;
                boolean present = false;
                for (long h = frames.next(g - framesPerWindow + 1); h <= g; h = frames.next(h + 1)) {
                    int slot = frames.get(h).find(key);
                    if (slot >= 0) {
                        sum += frames.get(h).valueAt(slot);
                        present = true;
                    }
                }
                if (present) {
                    OUT out = mapToOutputFn.apply(start, end, key, sum);
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
    Traverser<Map.Entry<Long, LongKeyFramesState>> snapshotEntries() {
        return LongKeyFramesState.entries(frames, dirtyWindows, slide, watermark);
    }

    @Override
    void restoreKey(Long key, LongKeyFramesState state) {
        state.restoreFrames(key, frames, slide, this);
        for (long end : state.dirtyWindowEnds()) {
            dirtyWindows.computeIfAbsent(WindowMath.frameOfEnd(end, slide), x -> new LongHashSet()).add(key);
        }
    }

    /** Also rebuilds the running window, which the snapshot does not hold. */
    @Override
    public boolean finishSnapshotRestore() {
        super.finishSnapshotRestore();
        if (lastWindow != NONE) {
            running.clear();
            for (long f = frames.next(lastWindow - framesPerWindow + 1); f <= lastWindow; f = frames.next(f + 1)) {
                addFrame(frames.get(f));
            }
        }
        return true;
    }
}
