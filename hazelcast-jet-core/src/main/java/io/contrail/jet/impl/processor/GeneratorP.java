package io.contrail.jet.impl.processor;

import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Outbox;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.processor.EventFactory;
import io.contrail.jet.processor.EventTimeMode;

import java.io.Serializable;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A cooperative source that emits the items of the sequence 0, 1, 2, ... built by an
 * {@link EventFactory}, at a target rate for the whole vertex. Processor {@code i} of {@code n}
 * emits sequences {@code i, i + n, i + 2n, ...}, so the vertex as a whole emits every sequence
 * once and at the target rate.
 *
 * <h2>Rate control</h2>
 * Sequence {@code s} is due {@code s / rate} seconds after the start ({@link System#nanoTime()}
 * at {@link #init}). Each {@link #complete()} call reads the clock once and emits the due items,
 * at most {@value #MAX_ITEMS_PER_CALL} so that the cooperative thread is not hogged; a generator
 * that fell behind catches up at that pace. With an unlimited rate every call emits that many.
 *
 * <h2>Event time and watermarks</h2>
 * Timestamps follow {@link EventTimeMode}. They never decrease within one processor, so the
 * processor emits a {@link Watermark} with lag 0 itself: before the first item whose timestamp
 * is above the last watermark. That is at most one watermark per millisecond of event time,
 * whatever the rate.
 *
 * <h2>Allocation</h2>
 * Only the item itself, plus one {@code Watermark} per millisecond of event time: no boxing,
 * iterators or lambdas on the emit path.
 *
 * <h2>Snapshot</h2>
 * One entry per processor, keyed by {@link ProcessorIndexKey}: the next sequence to emit, the
 * last emitted watermark, the start time (wall clock) and the parallelism. An item the outbox
 * refused is not yet emitted, so it is built again after a restore. A restored processor keeps
 * the original start time, so it catches up what it missed while the job was down, and in
 * {@link EventTimeMode#SCHEDULED} mode it emits exactly the items and timestamps of an
 * uninterrupted run. The parallelism must be unchanged.
 *
 * <p>Unbounded: {@link #complete()} never returns {@code true}, unless a total count is given.
 */
public final class GeneratorP implements Processor {

    /** The most items one {@code complete()} call emits. */
    static final int MAX_ITEMS_PER_CALL = 1024;

    /** The highest supported finite rate: one item per nanosecond keeps the arithmetic in a long. */
    public static final long MAX_FINITE_RATE = 1_000_000_000L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final EventFactory<?> factory;
    private final EventTimeMode mode;
    /** Items per second for the whole vertex, or {@code Long.MAX_VALUE} for unlimited. */
    private final long rate;
    private final boolean unlimited;
    /** The first sequence not to emit: {@code Long.MAX_VALUE} when unbounded. */
    private final long endSequence;

    private Outbox outbox;
    private int processorIndex;
    private int stride;
    private long startMillis;
    private long startNanos;
    /** The sequence of the next item to emit (or of {@link #pendingItem}). */
    private long nextSequence;
    private long lastWatermark = Long.MIN_VALUE;
    /** An item built but refused by the outbox; offered again before anything else. */
    private Object pendingItem;
    /** A watermark to offer before {@link #pendingItem}, or {@code null}. */
    private Watermark pendingWatermark;

    /**
     * @param rate  items per second for the whole vertex; {@code <= 0} or {@code Long.MAX_VALUE}
     *              for as fast as possible, else at most {@link #MAX_FINITE_RATE}
     * @param count the number of items to emit, or {@code -1} for an unbounded sequence
     */
    public GeneratorP(EventFactory<?> factory, long rate, EventTimeMode mode, long count) {
        this.factory = requireNonNull(factory, "factory is null");
        this.mode = requireNonNull(mode, "mode is null");
        checkRate(rate);
        if (count < -1) {
            throw new IllegalArgumentException("Item count must not be negative (or -1 for unbounded), got " + count);
        }
        this.unlimited = rate <= 0 || rate == Long.MAX_VALUE;
        this.rate = unlimited ? Long.MAX_VALUE : rate;
        this.endSequence = count == -1 ? Long.MAX_VALUE : count;
    }

    /** Fails unless {@code rate} is unlimited ({@code <= 0} or {@code Long.MAX_VALUE}) or at most {@link #MAX_FINITE_RATE}. */
    public static long checkRate(long rate) {
        if (rate > MAX_FINITE_RATE && rate != Long.MAX_VALUE) {
            throw new IllegalArgumentException("A generator rate above " + MAX_FINITE_RATE + " items/s is not supported, got "
                    + rate + "; use Long.MAX_VALUE or 0 for as fast as possible");
        }
        return rate;
    }

    @Override
    public void init(Outbox outbox, Context context) {
        this.outbox = outbox;
        this.processorIndex = context.globalProcessorIndex();
        this.stride = context.totalParallelism();
        this.nextSequence = processorIndex;
        setStart(EpochClock.millis());
    }

    /** Anchors the schedule at {@code millis} on the wall clock, converted to the monotonic clock. */
    private void setStart(long millis) {
        this.startMillis = millis;
        this.startNanos = EpochClock.nanoTimeAt(millis);
    }

    @Override
    public boolean complete() {
        if (pendingItem != null && !offerPending()) {
            return false;
        }
        long dueEnd = unlimited ? Long.MAX_VALUE : dueEnd(System.nanoTime() - startNanos);
        long end = Math.min(dueEnd, endSequence);
        boolean wallClock = unlimited || mode == EventTimeMode.WALL;
        // One clock read per call: the items of a call are emitted within microseconds.
        long wallNow = wallClock ? EpochClock.millis() : 0;
        for (int i = 0; i < MAX_ITEMS_PER_CALL && nextSequence < end; i++) {
            long timestamp = wallClock ? wallNow : scheduledMillis(nextSequence);
            if (timestamp > lastWatermark && mode != EventTimeMode.NONE) {
                pendingWatermark = new Watermark(timestamp);
            }
            pendingItem = factory.create(nextSequence, timestamp);
            if (pendingItem == null) {
                throw new NullPointerException("The event factory returned null for sequence " + nextSequence);
            }
            if (!offerPending()) {
                return false;
            }
        }
        return nextSequence >= endSequence;
    }

    private boolean offerPending() {
        if (pendingWatermark != null) {
            if (!outbox.offer(pendingWatermark)) {
                return false;
            }
            lastWatermark = pendingWatermark.timestamp();
            pendingWatermark = null;
        }
        if (!outbox.offer(pendingItem)) {
            return false;
        }
        pendingItem = null;
        nextSequence += stride;
        return true;
    }

    /** The first sequence not yet due {@code elapsedNanos} after the start: {@code floor(elapsed * rate) + 1}. */
    private long dueEnd(long elapsedNanos) {
        if (elapsedNanos < 0) {
            return 0;
        }
        // Split so that no product exceeds a long: the sub-second part times a rate <= 1e9 stays below 1e18.
        return elapsedNanos / NANOS_PER_SECOND * rate + elapsedNanos % NANOS_PER_SECOND * rate / NANOS_PER_SECOND + 1;
    }

    /** The intended emission time of {@code sequence}, in milliseconds. */
    private long scheduledMillis(long sequence) {
        return startMillis + sequence / rate * 1000 + sequence % rate * 1000 / rate;
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        throw new IllegalStateException("A generator source has no input, but received " + watermark);
    }

    @Override
    public boolean saveToSnapshot() {
        // A refused item or watermark was not emitted: the restored processor builds it again.
        return outbox.offerToSnapshot(new ProcessorIndexKey(processorIndex),
                new State(nextSequence, lastWatermark, startMillis, stride));
    }

    @Override
    public void restoreFromSnapshot(Inbox inbox) {
        for (Object o; (o = inbox.poll()) != null; ) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) o;
            if (!(entry.getKey() instanceof ProcessorIndexKey key) || key.processorIndex() != processorIndex) {
                continue;
            }
            State state = (State) entry.getValue();
            if (state.totalParallelism() != stride) {
                throw new IllegalStateException("Cannot restore a generator saved with parallelism " + state.totalParallelism()
                        + " into parallelism " + stride + ": each processor's sequence depends on it");
            }
            nextSequence = state.nextSequence();
            lastWatermark = state.lastWatermark();
            setStart(state.startMillis());
        }
    }

    /** The saved state of one processor; see the class javadoc. */
    record State(long nextSequence, long lastWatermark, long startMillis, int totalParallelism) implements Serializable {
    }

    @Override
    public String toString() {
        return "GeneratorP{rate=" + (unlimited ? "unlimited" : rate) + ", mode=" + mode
                + (endSequence == Long.MAX_VALUE ? "" : ", count=" + endSequence) + '}';
    }
}
