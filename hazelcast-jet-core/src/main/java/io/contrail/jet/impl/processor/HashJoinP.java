package io.contrail.jet.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.BroadcastKey;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.function.BiFunctionEx;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.processor.JoinType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Joins a bounded build side with a probe stream through an in-memory hash table.
 *
 * <h2>Inputs</h2>
 * Ordinal {@value #BUILD_ORDINAL} is the build side: a bounded stream whose edge must have a lower
 * {@link io.contrail.jet.core.Edge#priority priority} value than the probe edges, so that it is
 * complete before any probe item arrives. Every other ordinal is a probe side, all probing the
 * same table. For a table shared by all processors, make the build edge broadcast (and
 * distributed); the probe edges may be anything. A probe item before the build side completed
 * fails the job with an error naming the priority.
 *
 * <h2>Output</h2>
 * For each probe item, {@code joinFn(probe, matches)} where {@code matches} holds the build items
 * with an equal key, in arrival order, as an unmodifiable list shared by all calls (the function
 * must not keep it past the job). {@link JoinType#INNER} skips probe items without a match;
 * {@link JoinType#LEFT_OUTER} calls {@code joinFn} with an empty list for them. Items with a
 * {@code null} key never match; a {@code null} result is dropped. Cooperative.
 *
 * <h2>Watermarks</h2>
 * Forwarded once the build side is complete. One that arrives earlier is held (only the latest)
 * and emitted when the build edge completes, so that no watermark overtakes the probe items.
 *
 * <h2>Snapshot</h2>
 * The build table, one entry per join key ({@link BuildKey} to the list of build items), so a
 * restore into any processor of the same vertex rebuilds its table; restore replaces a key's
 * list, which is right when several processors saved the same (broadcast) table. Plus one entry
 * per processor under {@link ProcessorIndexKey}: whether the build side is complete and the held
 * watermark.
 *
 * @param <B> the build item type
 * @param <P> the probe item type
 * @param <R> the result type
 */
public final class HashJoinP<B, P, R> extends AbstractProcessor {

    /** The input ordinal of the build side. */
    public static final int BUILD_ORDINAL = 0;

    private static final long NO_WATERMARK = Long.MIN_VALUE;

    private final FunctionEx<? super B, ?> buildKeyFn;
    private final FunctionEx<? super P, ?> probeKeyFn;
    private final BiFunctionEx<? super P, ? super List<B>, ? extends R> joinFn;
    private final JoinType joinType;

    /** Join key to build items: an {@code ArrayList} while building, unmodifiable once complete. */
    private final HashMap<Object, List<B>> table = new HashMap<>();
    private boolean buildComplete;
    /** The latest watermark received before the build side completed, or {@code null}. */
    private Watermark heldWatermark;
    /** The result for the probe item being processed, while the outbox refuses it. */
    private R pendingResult;
    private Traverser<Map.Entry<Object, Object>> snapshotTraverser;

    public HashJoinP(FunctionEx<? super B, ?> buildKeyFn, FunctionEx<? super P, ?> probeKeyFn,
                     BiFunctionEx<? super P, ? super List<B>, ? extends R> joinFn, JoinType joinType) {
        this.buildKeyFn = requireNonNull(buildKeyFn, "buildKeyFn is null");
        this.probeKeyFn = requireNonNull(probeKeyFn, "probeKeyFn is null");
        this.joinFn = requireNonNull(joinFn, "joinFn is null");
        this.joinType = requireNonNull(joinType, "joinType is null");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected boolean tryProcess(int ordinal, Object item) {
        if (ordinal == BUILD_ORDINAL) {
            addToTable((B) item);
            return true;
        }
        if (pendingResult == null) {
            if (!buildComplete) {
                throw new IllegalStateException("Hash join received probe item " + item + " on ordinal " + ordinal
                        + " before its build side (ordinal " + BUILD_ORDINAL + ") completed: give the build edge a lower priority value");
            }
            Object key = probeKeyFn.apply((P) item);
            List<B> matches = key == null ? null : table.get(key);
            if (matches == null) {
                if (joinType == JoinType.INNER) {
                    return true;
                }
                matches = List.of();
            }
            pendingResult = joinFn.apply((P) item, matches);
            if (pendingResult == null) {
                return true;
            }
        }
        if (!tryEmit(pendingResult)) {
            return false;
        }
        pendingResult = null;
        return true;
    }

    private void addToTable(B item) {
        if (buildComplete) {
            throw new IllegalStateException("Hash join received build item " + item + " after its build side completed");
        }
        Object key = buildKeyFn.apply(item);
        if (key != null) {
            table.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
    }

    @Override
    public boolean completeEdge(int ordinal) {
        if (ordinal == BUILD_ORDINAL && !buildComplete) {
            freezeTable();
        }
        if (heldWatermark != null && buildComplete) {
            if (!tryEmit(heldWatermark)) {
                return false;
            }
            heldWatermark = null;
        }
        return true;
    }

    /** Marks the build side complete; the lists become unmodifiable as they go to {@code joinFn}. */
    private void freezeTable() {
        table.replaceAll((key, items) -> List.copyOf(items));
        buildComplete = true;
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        if (!buildComplete) {
            heldWatermark = watermark;
            return true;
        }
        return tryEmit(watermark);
    }

    @Override
    public boolean saveToSnapshot() {
        if (snapshotTraverser == null) {
            snapshotTraverser = snapshotEntries();
        }
        if (!emitFromTraverserToSnapshot(snapshotTraverser)) {
            return false;
        }
        snapshotTraverser = null;
        return true;
    }

    private Traverser<Map.Entry<Object, Object>> snapshotEntries() {
        Map.Entry<Object, Object> stateEntry = Map.entry(new ProcessorIndexKey(getContext().globalProcessorIndex()),
                new JoinState(buildComplete, heldWatermark == null ? NO_WATERMARK : heldWatermark.timestamp()));
        Iterator<Map.Entry<Object, List<B>>> tableEntries = table.entrySet().iterator();
        boolean[] stateSaved = {false};
        return () -> {
            if (!stateSaved[0]) {
                stateSaved[0] = true;
                return stateEntry;
            }
            if (!tableEntries.hasNext()) {
                return null;
            }
            Map.Entry<Object, List<B>> e = tableEntries.next();
            // A list still being built is copied: the saved state must not change after the save.
            List<B> items = buildComplete ? e.getValue() : new ArrayList<>(e.getValue());
            return Map.entry(new BuildKey(e.getKey()), items);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restoreFromSnapshot(Inbox inbox) {
        for (Object o; (o = inbox.poll()) != null; ) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) o;
            if (entry.getKey() instanceof BuildKey key) {
                table.put(key.joinKey(), new ArrayList<>((List<B>) entry.getValue()));
            } else if (entry.getKey() instanceof ProcessorIndexKey key) {
                if (key.processorIndex() == getContext().globalProcessorIndex()) {
                    JoinState state = (JoinState) entry.getValue();
                    buildComplete = state.buildComplete();
                    heldWatermark = state.heldWatermark() == NO_WATERMARK ? null : new Watermark(state.heldWatermark());
                }
            } else {
                throw new IllegalStateException("Hash join cannot restore snapshot entry " + entry);
            }
        }
    }

    @Override
    public boolean finishSnapshotRestore() {
        if (buildComplete) {
            freezeTable();
        }
        return true;
    }

    /**
     * Snapshot key of the build items with the join key {@code joinKey}. Broadcast on restore:
     * whether the build edge was broadcast or partitioned, every processor gets every saved copy
     * and keeps one per key (replace semantics), so each holds at least the keys it will probe.
     */
    public record BuildKey(Object joinKey) implements BroadcastKey, Serializable {
    }

    /** Snapshot value of a processor's own state. */
    record JoinState(boolean buildComplete, long heldWatermark) implements Serializable {
    }
}
