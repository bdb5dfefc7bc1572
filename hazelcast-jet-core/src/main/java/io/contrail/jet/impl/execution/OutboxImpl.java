package io.contrail.jet.impl.execution;

import io.contrail.jet.core.Outbox;
import io.contrail.jet.core.Watermark;
import io.contrail.snapshot.SnapshotWriter;

import java.util.Arrays;

/**
 * The engine's {@link Outbox}: hands items straight to the {@link OutboundCollector} of each
 * output ordinal, so a full downstream queue refuses the offer. It also accepts at most
 * {@code batchLimit} data items per tasklet call, so that a processor that emits many items for
 * one input (flatMap, a window firing) yields its worker thread to the others in between.
 *
 * <p>An item that goes to several queues (a control item, a broadcast, an offer to several
 * ordinals) may be taken by some and refused by others: it is then <em>unfinished</em>, and the
 * collectors remember which queues took it. Nothing else may go out before it, not even a
 * snapshot barrier: the barrier would skip the queues that took the unfinished item (they count
 * as having taken the next control item too) and overtake it on the others. The tasklet therefore
 * starts a snapshot only once no item is unfinished, and meanwhile {@link #block}s the outbox so
 * that the processor finishes that item without emitting new ones.
 *
 * <p>Threading: confined to the processor's tasklet thread.
 */
final class OutboxImpl implements Outbox {

    private final OutboundCollector[] collectors;
    private final int batchLimit;
    private final int[] allOrdinals;
    private final boolean[] ordinalTaken;
    /** The item some downstream processors took and others refused, or {@code null}. */
    private Object unfinishedItem;
    /** Whether only {@link #unfinishedItem} is accepted, until the next {@link #resetBatch()}. */
    private boolean blocked;
    /** Where {@link #offerToSnapshot} writes while the processor saves its state, else {@code null}. */
    private SnapshotWriter snapshotWriter;
    private int acceptedInCall;
    private long itemsOut;

    OutboxImpl(OutboundCollector[] collectors, int batchLimit) {
        this.collectors = collectors;
        this.batchLimit = batchLimit;
        this.allOrdinals = new int[collectors.length];
        Arrays.setAll(allOrdinals, i -> i);
        this.ordinalTaken = new boolean[collectors.length];
    }

    OutboundCollector[] collectors() {
        return collectors;
    }

    /** Called by the tasklet before each call of the processor; also lifts {@link #block()}. */
    void resetBatch() {
        acceptedInCall = 0;
        blocked = false;
    }

    /**
     * Until the next {@link #resetBatch()}, refuses every item but the unfinished one (everything,
     * once that one is taken): the processor finishes the item it owes and emits nothing new.
     */
    void block() {
        blocked = true;
    }

    /** Data items accepted so far, for metrics. */
    long itemsOut() {
        return itemsOut;
    }

    @Override
    public int bucketCount() {
        return collectors.length;
    }

    @Override
    public boolean offer(int ordinal, Object item) {
        if (ordinal == -1) {
            return offer(allOrdinals, item);
        }
        if (ordinal < 0 || ordinal >= collectors.length) {
            throw new IllegalArgumentException("Output ordinal " + ordinal + " does not exist: the vertex has "
                    + collectors.length + " output edge(s)");
        }
        if (blocked && item != unfinishedItem) {
            return false;
        }
        boolean control = isControl(item);
        if (!control && acceptedInCall >= batchLimit) {
            return false;
        }
        OutboundCollector collector = collectors[ordinal];
        if (control ? collector.offerToAll(item) : collector.offer(item)) {
            unfinishedItem = null;
            if (!control) {
                acceptedInCall++;
                itemsOut++;
            }
            return true;
        }
        unfinishedItem = collector.isPartlyTaken() ? item : null;
        return false;
    }

    @Override
    public boolean offer(int[] ordinals, Object item) {
        if (blocked && item != unfinishedItem) {
            return false;
        }
        boolean control = isControl(item);
        if (!control && unfinishedItem == null && acceptedInCall >= batchLimit) {
            return false;
        }
        boolean done = true;
        boolean partlyTaken = false;
        for (int ordinal : ordinals) {
            if (ordinalTaken[ordinal]) {
                partlyTaken = true;
                continue;
            }
            if (control ? collectors[ordinal].offerToAll(item) : collectors[ordinal].offer(item)) {
                ordinalTaken[ordinal] = true;
                partlyTaken = true;
                if (!control) {
                    itemsOut++;
                }
            } else {
                done = false;
                partlyTaken |= collectors[ordinal].isPartlyTaken();
            }
        }
        unfinishedItem = !done && partlyTaken ? item : null;
        if (done) {
            for (int ordinal : ordinals) {
                ordinalTaken[ordinal] = false;
            }
            if (!control) {
                acceptedInCall++;
            }
        }
        return done;
    }

    /** Control items go to every downstream processor and do not count against the batch limit. */
    private static boolean isControl(Object item) {
        return item instanceof Watermark || item == DoneItem.DONE_ITEM || item instanceof SnapshotBarrier;
    }

    void setSnapshotWriter(SnapshotWriter writer) {
        this.snapshotWriter = writer;
    }

    /**
     * Encodes the entry into the processor's snapshot writer at once (so a processor may reuse
     * the objects it offered). Always accepts: the writer stores full chunks asynchronously and
     * only waits when several chunks are still being stored.
     */
    @Override
    public boolean offerToSnapshot(Object key, Object value) {
        if (snapshotWriter == null) {
            throw new IllegalStateException("No snapshot is being taken: offerToSnapshot() is only allowed in saveToSnapshot()");
        }
        snapshotWriter.write(key, value);
        return true;
    }

    @Override
    public boolean hasUnfinishedItem() {
        return unfinishedItem != null;
    }
}
