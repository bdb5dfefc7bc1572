package io.contrail.jet.impl.processor;

import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;

import java.util.concurrent.CompletableFuture;

/**
 * A sink that writes its items in asynchronous batches, one batch in flight while the next
 * fills: before sending a batch it waits for the previous one, so writes to a key stay in item
 * order. Emits nothing and drops watermarks.
 *
 * <p>When its inbox is empty and no batch is in flight, the sink sends what it has buffered, so
 * a slow stream is written as it comes.
 *
 * <p>Non-cooperative: it blocks on its own thread while a batch is in flight and the next must go
 * out, in {@link #complete()} and in {@link #saveToSnapshot()}.
 *
 * <p>Snapshot: by default no state: {@link #saveToSnapshot()} returns once everything received is
 * written, so a snapshot covers all items before its barrier. A two-phase sink overrides it.
 */
abstract class AbstractAsyncBatchSinkP implements Processor {

    /** The batch being written, or {@code null}. */
    private CompletableFuture<Void> inFlight;

    /** Waits for the batch in flight, then sends the buffered items, if any, with {@link #send}. */
    abstract void flush();

    /** What the sink does, for a failure's message ("Writing to map 'm'"). */
    abstract String operation();

    /** Sends a batch; call {@link #awaitInFlight()} first. */
    final void send(CompletableFuture<Void> batch) {
        inFlight = batch;
    }

    /** Waits for the batch in flight, if any, and rethrows its failure. */
    final void awaitInFlight() {
        if (inFlight != null) {
            CompletableFuture<Void> f = inFlight;
            inFlight = null;
            AsyncOps.await(f, operation());
        }
    }

    /**
     * Sends what is buffered when no batch is in flight, so a slow input is written at once
     * rather than when a batch fills; under load the buffer grows while a batch is in flight,
     * which keeps batches large.
     */
    @Override
    public final boolean tryProcess() {
        if (mayWriteEarly() && (inFlight == null || inFlight.isDone())) {
            flush();
        }
        return true;
    }

    /**
     * Whether buffered items may go out before a batch fills or a snapshot asks: {@code false}
     * for a two-phase sink, which writes only what a complete snapshot covers.
     */
    boolean mayWriteEarly() {
        return true;
    }

    @Override
    public final boolean isCooperative() {
        return false;
    }

    @Override
    public final boolean tryProcessWatermark(Watermark watermark) {
        return true;
    }

    @Override
    public boolean complete() {
        flush();
        awaitInFlight();
        return true;
    }

    @Override
    public boolean saveToSnapshot() {
        flush();
        awaitInFlight();
        return true;
    }
}
