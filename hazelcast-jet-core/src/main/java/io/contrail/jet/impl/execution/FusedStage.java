package io.contrail.jet.impl.execution;

import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;

/**
 * A processor fused with its upstream processor: instead of a queue between them, the upstream's
 * outbox puts items straight into this processor's inbox and runs it when the inbox is full, all
 * on the upstream's tasklet thread (like Flink's operator chaining). The item never crosses a
 * queue or a thread. The execution plan fuses the two ends of an isolated, local edge when the
 * upstream has no other output, this processor no other input, both are cooperative and have
 * the same parallelism.
 *
 * <p>Back-pressure is kept: when this processor cannot take more (its inbox is full and its own
 * outbox refuses), the upstream's offer fails and the upstream retries. A control item (watermark,
 * done) is handled only once every item before it has been processed. The head tasklet calls
 * {@link #pump()} on every call so that items left in the inbox do not wait for the next offer.
 *
 * <p>Threading: confined to the head tasklet's thread; counters are published with ordered stores.
 */
final class FusedStage extends RunningProcessor {

    private final ArrayInbox inbox;
    private final OutboxImpl outbox;
    private final SnapshotDriver snapshotDriver;
    private boolean edgeCompleted;
    private boolean completed;
    private boolean stopped;
    /**
     * A control item this processor started handling but did not finish (its outbox was full).
     * The upstream may send something else before offering it again (a source takes a snapshot
     * between calls), so it is finished before anything that follows...
     */
    private Object unfinishedControl;
    /** ...and then remembered, so that the upstream's offer of it again is taken as done. */
    private Object finishedOutOfTurn;
    private long itemsIn;

    FusedStage(ExecutionContext context, String vertexName, int processorIndex, Processor processor, int inboxCapacity,
               OutboxImpl outbox) {
        super(vertexName, processor);
        this.inbox = new ArrayInbox(inboxCapacity);
        this.outbox = outbox;
        this.snapshotDriver = new SnapshotDriver(context, this, processor, outbox, processorIndex);
    }

    OutboxImpl outbox() {
        return outbox;
    }

    /** Takes a data item from the upstream processor. */
    boolean offer(Object item) {
        if (unfinishedControl != null && !finishUnfinishedControl(item)) {
            return false;
        }
        if (inbox.isFull()) {
            processInbox();
            if (inbox.isFull()) {
                return false;
            }
        }
        inbox.add(item);
        itemsIn++;
        return true;
    }

    /** Takes a watermark, a snapshot barrier or the done item, after processing every item before it. */
    boolean offerControl(Object item) {
        if (item == finishedOutOfTurn) {
            finishedOutOfTurn = null;
            return true;
        }
        if (!finishUnfinishedControl(item)) {
            return false;
        }
        if (!handleControl(item)) {
            unfinishedControl = item;
            return false;
        }
        unfinishedControl = null;
        return true;
    }

    /** Finishes a control item left unfinished, unless {@code next} is that item offered again. */
    private boolean finishUnfinishedControl(Object next) {
        if (unfinishedControl == null || unfinishedControl == next) {
            return true;
        }
        if (!handleControl(unfinishedControl)) {
            return false;
        }
        finishedOutOfTurn = unfinishedControl;
        unfinishedControl = null;
        return true;
    }

    private boolean handleControl(Object item) {
        if (!drainInbox()) {
            return false;
        }
        if (item instanceof SnapshotBarrier barrier) {
            // A single input needs no alignment: every item before the barrier was processed.
            if (!snapshotDriver.inProgress() && !finishUnfinishedItem()) {
                return false;
            }
            if (!snapshotDriver.takeSnapshot(barrier)) {
                return false;
            }
            stopped = barrier.terminal();
            return true;
        }
        if (item instanceof Watermark watermark) {
            if (!processor.tryProcessWatermark(watermark)) {
                return false;
            }
            publishedWatermark.lazySet(watermark.timestamp());
            return true;
        }
        if (item == DoneItem.DONE_ITEM) {
            return finish();
        }
        throw new IllegalArgumentException("A fused edge carries data to offer(), not " + item);
    }

    /**
     * Whether the outbox holds no item that some downstream queues took and others refused; if
     * it does, the processor emitted it on its own ({@code tryProcess()}, as every item of the
     * inbox was processed) and is called once more with the outbox blocked, to finish it. A
     * barrier must not go out before: it would skip the queues that took the item.
     */
    private boolean finishUnfinishedItem() {
        if (!outbox.hasUnfinishedItem()) {
            return true;
        }
        outbox.block();
        processor.tryProcess();
        return !outbox.hasUnfinishedItem();
    }

    /**
     * Called by the head tasklet on each of its calls: processes what waits in the inbox, or lets
     * the processor do time-driven work when it waits for nothing.
     *
     * @return whether anything moved
     */
    boolean pump() {
        if (edgeCompleted || stopped) {
            return false;
        }
        if (inbox.isEmpty()) {
            processor.tryProcess();
            return false;
        }
        return processInbox();
    }

    /** Runs the commit phase of a finished snapshot; see {@link SnapshotDriver#finishCommitIfDue()}. */
    boolean finishCommitIfDue() {
        return snapshotDriver.finishCommitIfDue();
    }

    /** Publishes the counters for readers on other threads; called by the head tasklet once per call. */
    void publishMetrics() {
        publishedItemsIn.lazySet(itemsIn);
        publishedItemsOut.lazySet(outbox.itemsOut());
    }

    private boolean processInbox() {
        int before = inbox.size();
        processor.process(0, inbox);
        return inbox.size() != before;
    }

    private boolean drainInbox() {
        while (!inbox.isEmpty()) {
            if (!processInbox()) {
                return false;
            }
        }
        return true;
    }

    /** The upstream is done: complete the edge, then this processor, then tell those downstream. */
    private boolean finish() {
        if (!edgeCompleted) {
            if (!processor.completeEdge(0)) {
                return false;
            }
            edgeCompleted = true;
        }
        if (!completed) {
            if (!processor.complete()) {
                return false;
            }
            completed = true;
        }
        return outbox.offer(-1, DoneItem.DONE_ITEM);
    }

    @Override
    long inputQueueFill() {
        return 0;
    }

    @Override
    long inputQueueCapacity() {
        return 0;
    }

    @Override
    public String toString() {
        return "FusedStage{vertex=" + vertexName + '}';
    }
}
