package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.core.Watermark;

import java.util.Map;

import static io.contrail.jet.impl.processor.aggregate.WindowMath.NONE;

/**
 * What every window processor does the same way around its state: watermark handling, dropping
 * and counting late items, the record cap, and the snapshot plumbing. A subclass keeps its state,
 * its per-item path ({@code process}, never shared: the long-key processors must stay free of
 * virtual calls and boxing there) and fills in the hooks, each called per watermark, per
 * completion or per snapshot entry.
 *
 * <h2>Watermarks</h2>
 * {@link Watermark#IDLE} is only forwarded. Any other watermark goes through three phases, each
 * resumed after back-pressure: emit what it closes ({@link #startWatermark}, then
 * {@link #continueEmitting} until done), advance {@link #watermark} and what depends on it
 * ({@link #onWatermarkAdvanced}), forward the watermark. {@code complete()} emits what
 * {@link #startCompletion} starts, without a watermark.
 *
 * <h2>Lateness</h2>
 * An item below {@link #dropLimit} ({@code watermark - allowedLateness}) is dropped: the
 * subclass's {@code process} compares and calls {@link #dropLate}, which counts and logs rarely.
 *
 * <h2>Snapshot</h2>
 * The watermark is saved as its own entry under a {@link WatermarkSnapshotKey}, so a processor
 * whose keyed state is empty still restores it, then one {@link KeyedWindowState} per key
 * ({@link #snapshotEntries}). A restoring processor takes the least watermark among the entries
 * it gets, of either kind. A snapshot taken during {@code complete()} finishes emitting first and
 * saves nothing, rather than saving state that is half emitted.
 *
 * @param <K> the key type, which is the snapshot key
 * @param <S> the snapshot value of one key
 */
abstract class AbstractWindowP<K, S extends KeyedWindowState> extends AbstractProcessor implements DropsLateItems {

    private static final int IDLE = 0;
    private static final int EMITTING = 1;
    private static final int FORWARDING = 2;

    final long allowedLateness;
    final RecordLimit records;
    private final LateItems lateItems = new LateItems();

    /** The greatest watermark received (or restored), or {@link WindowMath#NONE}. */
    long watermark = NONE;
    /** Items with a timestamp below this are dropped. */
    long dropLimit = Long.MIN_VALUE;
    private long restoredWatermark = Long.MAX_VALUE;

    private int phase = IDLE;
    private boolean completing;
    private boolean watermarkSaved;
    private Traverser<Map.Entry<K, S>> snapshotTraverser;

    AbstractWindowP(long allowedLateness, long maxAccumulatedRecords) {
        if (allowedLateness < 0) {
            throw new IllegalArgumentException("allowedLateness must not be negative, got " + allowedLateness);
        }
        this.allowedLateness = allowedLateness;
        this.records = new RecordLimit(maxAccumulatedRecords);
    }

    /** Starts emitting what a watermark at {@code timestamp} closes; {@link #watermark} is still the previous one. */
    abstract void startWatermark(long timestamp);

    /**
     * Emits what {@link #startWatermark} or {@link #startCompletion} started: {@code true} when
     * done, {@code false} after back-pressure (to be called again). Each subclass implements it as
     * {@code emitFromTraverser(emitter)} on its own emitter field, so that the emitter's final class
     * is the static type in the per-result loop and its {@code next()} is bound directly; through a
     * {@code Traverser} held here it would hang on the type profile of {@code emitFromTraverser},
     * which every processor shares and which goes megamorphic with a third emitter type.
     */
    abstract boolean continueEmitting();

    /** Called once {@link #watermark} has advanced, before the watermark is forwarded. */
    void onWatermarkAdvanced() {
        dropLimit = WindowMath.subtractSaturated(watermark, allowedLateness);
    }

    /** Starts emitting everything still held (end of a bounded input). */
    abstract void startCompletion();

    /** One entry per key for the snapshot; {@link #watermark} is the value to save with each. */
    abstract Traverser<Map.Entry<K, S>> snapshotEntries();

    /** Restores one key's snapshot entry, merging it with what the processor already holds. */
    abstract void restoreKey(K key, S state);

    /** Called from {@link #finishSnapshotRestore} when a watermark was restored into {@link #watermark}. */
    void onWatermarkRestored() {
        dropLimit = watermark == NONE ? Long.MIN_VALUE : WindowMath.subtractSaturated(watermark, allowedLateness);
    }

    /** Counts a dropped late item (or frame partial, as {@code what} says) with {@code timestamp}. */
    final void dropLate(String what, long timestamp) {
        lateItems.drop(getContext(), what, timestamp, watermark, allowedLateness);
    }

    /** Counts one more record held; throws when over the cap. */
    final void addRecord() {
        records.increment(getContext(), this);
    }

    @Override
    public final boolean tryProcessWatermark(Watermark wm) {
        if (wm.isIdle()) {
            return tryEmit(wm);
        }
        if (phase == IDLE) {
            startWatermark(wm.timestamp());
            phase = EMITTING;
        }
        if (phase == EMITTING) {
            if (!continueEmitting()) {
                return false;
            }
            watermark = Math.max(watermark, wm.timestamp());
            onWatermarkAdvanced();
            phase = FORWARDING;
        }
        if (!tryEmit(wm)) {
            return false;
        }
        phase = IDLE;
        return true;
    }

    @Override
    public final boolean complete() {
        if (!completing) {
            completing = true;
            startCompletion();
        }
        return continueEmitting();
    }

    @Override
    public final boolean saveToSnapshot() {
        if (completing) {
            // complete() may have half-emitted the state; finish emitting instead of saving a half.
            return complete();
        }
        if (!watermarkSaved) {
            if (watermark != NONE && !tryEmitToSnapshot(WatermarkSnapshotKey.of(getContext()), watermark)) {
                return false;
            }
            watermarkSaved = true;
        }
        if (snapshotTraverser == null) {
            snapshotTraverser = snapshotEntries();
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
    public final void restoreFromSnapshot(Inbox inbox) {
        for (Object item; (item = inbox.poll()) != null; ) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) item;
            if (entry.getKey() instanceof WatermarkSnapshotKey) {
                restoredWatermark = Math.min(restoredWatermark, (Long) entry.getValue());
                continue;
            }
            S state = (S) entry.getValue();
            restoredWatermark = Math.min(restoredWatermark, state.watermark());
            restoreKey((K) entry.getKey(), state);
        }
    }

    @Override
    public boolean finishSnapshotRestore() {
        if (restoredWatermark != Long.MAX_VALUE) {
            watermark = restoredWatermark;
            restoredWatermark = Long.MAX_VALUE;
            onWatermarkRestored();
        }
        return true;
    }

    @Override
    public final long droppedLateItems() {
        return lateItems.dropped();
    }
}
