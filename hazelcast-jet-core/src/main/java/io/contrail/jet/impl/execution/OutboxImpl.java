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
 * <p>Threading: confined to the processor's tasklet thread.
 */
final class OutboxImpl implements Outbox {

    private final OutboundCollector[] collectors;
    private final int batchLimit;
    private final int[] allOrdinals;
    private final boolean[] ordinalTaken;
    private boolean unfinished;
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

    /** Called by the tasklet before each call of the processor. */
    void resetBatch() {
        acceptedInCall = 0;
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
        boolean control = isControl(item);
        if (!control && acceptedInCall >= batchLimit) {
            return false;
        }
        if (control ? collectors[ordinal].offerToAll(item) : collectors[ordinal].offer(item)) {
            if (!control) {
                acceptedInCall++;
                itemsOut++;
            }
            return true;
        }
        return false;
    }

    @Override
    public boolean offer(int[] ordinals, Object item) {
        boolean control = isControl(item);
        if (!control && !unfinished && acceptedInCall >= batchLimit) {
            return false;
        }
        boolean done = true;
        for (int ordinal : ordinals) {
            if (ordinalTaken[ordinal]) {
                continue;
            }
            if (control ? collectors[ordinal].offerToAll(item) : collectors[ordinal].offer(item)) {
                ordinalTaken[ordinal] = true;
                if (!control) {
                    itemsOut++;
                }
            } else {
                done = false;
            }
        }
        unfinished = !done;
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
        return unfinished;
    }
}
