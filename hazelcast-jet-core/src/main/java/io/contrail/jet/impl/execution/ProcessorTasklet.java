package io.contrail.jet.impl.execution;

import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;
import org.jctools.queues.SpscArrayQueue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static io.contrail.jet.impl.execution.WatermarkCoalescer.NO_NEW_WM;

/**
 * Runs one {@link Processor}: fills its inbox from the input queues, calls its processing methods
 * and reports progress. An explicit state machine:
 * <pre>
 *   PROCESS_INPUT ⇄ COMPLETE_EDGE      (once per input ordinal, after its last item)
 *        ↓
 *     COMPLETE                        (until complete() returns true; at once for a source)
 *        ↓
 *     EMIT_DONE                       (the done item into every output queue)
 *        ↓
 *       END
 *
 *   PROCESS_INPUT, COMPLETE ⇄ SNAPSHOT   (save state, prepare commit, forward the barrier)
 *                              SNAPSHOT → STOPPING → END   (after a terminal barrier: wait for the
 *                                        coordinator's decision, run the commit phase, end
 *                                        without the done item)
 * </pre>
 * Inputs are taken by priority: no edge is drained before every edge of a lower priority value
 * is done. Within a priority, edges and their queues are drained round-robin. A coalesced
 * watermark is delivered only after every item drained before it was processed.
 *
 * <h2>Snapshot barriers</h2>
 * A processor takes snapshot {@code N} once barrier {@code N} came on every input queue that is
 * not done, and every item drained before the last of them was processed. With
 * {@code EXACTLY_ONCE} (and for every terminal snapshot) a queue that delivered the barrier is
 * not drained until the snapshot is taken: items after the barrier must not reach the state
 * being saved (barrier alignment). With {@code AT_LEAST_ONCE} such a queue keeps flowing, so
 * the saved state may include items that come again after a restore. A processor without
 * inputs (or with all inputs done) takes the snapshot the execution requests at its next call.
 *
 * <p>A snapshot never starts while the outbox holds an unfinished item (taken by some downstream
 * queues, refused by others): its barrier must follow that item on every queue, or the state
 * saved would not match what went out before the barrier. Until the item is finished, the
 * processor is called with the outbox {@linkplain OutboxImpl#block() blocked}, so that it retries
 * that item and emits nothing new: a processor under back-pressure still reaches the snapshot.
 *
 * <p>Threading: {@link #call()} runs on one thread at a time (a cooperative worker, or the
 * tasklet's own thread for a non-cooperative processor). Metrics are published with ordered
 * stores once per call and may be read from any thread.
 */
final class ProcessorTasklet extends RunningProcessor implements Tasklet {

    enum State { PROCESS_INPUT, COMPLETE_EDGE, COMPLETE, SNAPSHOT, STOPPING, EMIT_DONE, END }

    private final ExecutionContext executionContext;
    private final ArrayInbox inbox;
    private final OutboxImpl outbox;
    /** Sorted by priority, then ordinal. */
    private final InboundEdge[] edges;
    private final WatermarkCoalescer coalescer;
    private final boolean idleTimeoutEnabled;
    /** The processors fused downstream of this one, in chain order; they run on this tasklet's thread. */
    private final FusedStage[] fusedChain;
    private final SnapshotDriver snapshotDriver;
    /** Exactly-once: a queue that delivered the barrier waits until the snapshot is taken. */
    private final boolean alignBarriers;
    /** By global input queue index: the barrier of the snapshot being aligned came on it. */
    private final boolean[] barrierSeen;
    /** The barrier being aligned, or {@code null}. */
    private SnapshotBarrier aligningBarrier;
    /** Whether queues that delivered {@link #aligningBarrier} are blocked. */
    private boolean blockAfterBarrier;
    /** A barrier that came on every input: its snapshot is taken once the inbox is empty. */
    private SnapshotBarrier alignedBarrier;
    /** The barrier of the snapshot in the SNAPSHOT state, and the state to return to. */
    private SnapshotBarrier snapshotBarrier;
    private State stateAfterSnapshot;

    private State state;
    private int inboxOrdinal;
    private int edgeCursor;
    /** Delivered after the inbox is empty; {@code null} when none is due. */
    private Watermark pendingWatermark;
    /** The ordinal whose last queue just finished, or -1. */
    private int pendingCompleteEdge = -1;
    private long itemsIn;

    ProcessorTasklet(ExecutionContext executionContext, String vertexName, int processorIndex, Processor processor,
                     int inboxCapacity, OutboxImpl outbox, InboundEdge[] edges, long idleTimeoutNanos,
                     FusedStage[] fusedChain, boolean alignBarriers) {
        super(vertexName, processor);
        this.executionContext = executionContext;
        this.inbox = new ArrayInbox(inboxCapacity);
        this.outbox = outbox;
        this.edges = edges.clone();
        Arrays.sort(this.edges, Comparator.<InboundEdge>comparingInt(e -> e.priority).thenComparingInt(e -> e.ordinal));
        int queueCount = Arrays.stream(edges).mapToInt(e -> e.queues.length).sum();
        this.coalescer = new WatermarkCoalescer(queueCount, idleTimeoutNanos, System.nanoTime());
        this.idleTimeoutEnabled = idleTimeoutNanos >= 0;
        this.fusedChain = fusedChain.clone();
        this.state = edges.length == 0 ? State.COMPLETE : State.PROCESS_INPUT;
        this.snapshotDriver = new SnapshotDriver(executionContext, this, processor, outbox, processorIndex);
        this.alignBarriers = alignBarriers;
        this.barrierSeen = new boolean[queueCount];
    }

    /** This processor and those fused after it. */
    List<RunningProcessor> chain() {
        List<RunningProcessor> chain = new ArrayList<>(fusedChain.length + 1);
        chain.add(this);
        chain.addAll(Arrays.asList(fusedChain));
        return chain;
    }

    @Override
    public ProgressState call() {
        assert state != State.END : "tasklet of vertex " + vertexName + " called after END";
        outbox.resetBatch();
        for (FusedStage stage : fusedChain) {
            stage.outbox().resetBatch();
        }
        long outBefore = outbox.itemsOut();
        if (!finishCommits()) {
            return ProgressState.NO_PROGRESS;
        }
        if (state == State.COMPLETE) {
            SnapshotBarrier requested = executionContext.requestedSnapshot();
            if (requested != null && requested.snapshotId() > snapshotDriver.lastSnapshotId() && readyForSnapshot()) {
                enterSnapshot(requested, State.COMPLETE);
            }
        }
        boolean progress;
        switch (state) {
            case PROCESS_INPUT -> progress = processInput();
            case SNAPSHOT -> {
                progress = snapshotDriver.takeSnapshot(snapshotBarrier);
                if (progress) {
                    if (snapshotBarrier.terminal()) {
                        state = State.STOPPING;
                    } else {
                        state = stateAfterSnapshot;
                        snapshotBarrier = null;
                    }
                }
            }
            case STOPPING -> {
                // finishCommits() above ran the commit phase once the decision came
                progress = snapshotDriver.commitFinished(snapshotBarrier.snapshotId());
                if (progress) {
                    state = State.END;
                }
            }
            case COMPLETE_EDGE -> {
                progress = processor.completeEdge(pendingCompleteEdge);
                if (progress) {
                    pendingCompleteEdge = -1;
                    state = State.PROCESS_INPUT;
                }
            }
            case COMPLETE -> {
                progress = processor.complete();
                if (progress) {
                    state = State.EMIT_DONE;
                }
            }
            case EMIT_DONE -> {
                progress = outbox.offer(-1, DoneItem.DONE_ITEM);
                if (progress) {
                    state = State.END;
                }
            }
            default -> throw new IllegalStateException("Unexpected state " + state);
        }
        for (FusedStage stage : fusedChain) {
            if (state != State.END) {
                progress |= stage.pump();
            }
            stage.publishMetrics();
        }
        long out = outbox.itemsOut();
        if (out != outBefore) {
            progress = true;
            publishedItemsOut.lazySet(out);
        }
        if (state == State.END) {
            return ProgressState.DONE;
        }
        return progress ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
    }

    private boolean processInput() {
        if (!inbox.isEmpty()) {
            return processInbox();
        }
        if (pendingWatermark != null) {
            if (!processor.tryProcessWatermark(pendingWatermark)) {
                return false;
            }
            publishedWatermark.lazySet(pendingWatermark.timestamp());
            pendingWatermark = null;
            return true;
        }
        if (pendingCompleteEdge >= 0) {
            state = State.COMPLETE_EDGE;
            return true;
        }
        if (alignedBarrier != null) {
            if (!readyForSnapshot()) {
                // with an empty inbox and no watermark or edge completion pending, only tryProcess() emits
                processor.tryProcess();
                return !outbox.hasUnfinishedItem();
            }
            enterSnapshot(alignedBarrier, State.PROCESS_INPUT);
            alignedBarrier = null;
            return true;
        }
        long now = idleTimeoutEnabled ? System.nanoTime() : 0;
        boolean progress = fillInbox(now);
        if (!inbox.isEmpty()) {
            return processInbox() | progress;
        }
        if (pendingWatermark != null || pendingCompleteEdge >= 0 || alignedBarrier != null) {
            return true;
        }
        if (allEdgesDone()) {
            state = State.COMPLETE;
            return true;
        }
        if (idleTimeoutEnabled) {
            long wm = coalescer.checkIdleTimeout(now);
            if (wm != NO_NEW_WM) {
                pendingWatermark = new Watermark(wm);
                return true;
            }
        }
        processor.tryProcess();
        return progress;
    }

    private boolean processInbox() {
        int before = inbox.size();
        processor.process(inboxOrdinal, inbox);
        return inbox.size() != before;
    }

    /** Drains the next edge of the active priority that has something; returns whether anything was taken. */
    private boolean fillInbox(long now) {
        int activePriority = Integer.MIN_VALUE;
        int groupStart = -1;
        int groupEnd = edges.length;
        for (int i = 0; i < edges.length; i++) {
            if (groupStart < 0) {
                if (!edges[i].isDone()) {
                    groupStart = i;
                    activePriority = edges[i].priority;
                }
            } else if (edges[i].priority != activePriority) {
                groupEnd = i;
                break;
            }
        }
        if (groupStart < 0) {
            return false;
        }
        int groupSize = groupEnd - groupStart;
        for (int attempt = 0; attempt < groupSize; attempt++) {
            InboundEdge edge = edges[groupStart + (edgeCursor + attempt) % groupSize];
            if (edge.isDone()) {
                continue;
            }
            if (drainEdge(edge, now)) {
                edgeCursor = (edgeCursor + attempt + 1) % groupSize;
                inboxOrdinal = edge.ordinal;
                return true;
            }
        }
        return false;
    }

    /** Drains the edge's queues round-robin into the inbox; returns whether anything was taken. */
    private boolean drainEdge(InboundEdge edge, long now) {
        SpscArrayQueue<Object>[] queues = edge.queues;
        int count = queues.length;
        boolean took = false;
        int startItems = inbox.size();
        for (int k = 0; k < count && !inbox.isFull(); k++) {
            int q = edge.cursor;
            edge.cursor = q + 1 == count ? 0 : q + 1;
            int queueIndex = edge.firstQueueIndex + q;
            if (edge.queueDone[q] || (blockAfterBarrier && barrierSeen[queueIndex])) {
                continue;
            }
            SpscArrayQueue<Object> queue = queues[q];
            int sizeBefore = inbox.size();
            while (!inbox.isFull()) {
                Object item = queue.poll();
                if (item == null) {
                    break;
                }
                if (item instanceof Watermark wm) {
                    took = true;
                    offerCoalesced(coalescer.observeWm(queueIndex, wm.timestamp(), now));
                    break;
                }
                if (item == DoneItem.DONE_ITEM) {
                    took = true;
                    edge.queueDone[q] = true;
                    edge.doneCount++;
                    offerCoalesced(coalescer.queueDone(queueIndex, now));
                    if (edge.isDone()) {
                        pendingCompleteEdge = edge.ordinal;
                    }
                    checkAlignment();
                    break;
                }
                if (item instanceof SnapshotBarrier barrier) {
                    took = true;
                    observeBarrier(queueIndex, barrier);
                    break;
                }
                inbox.add(item);
            }
            if (idleTimeoutEnabled && inbox.size() != sizeBefore) {
                coalescer.observeActivity(queueIndex, now);
            }
            if (pendingWatermark != null || pendingCompleteEdge >= 0 || alignedBarrier != null) {
                break;
            }
        }
        int added = inbox.size() - startItems;
        if (added > 0) {
            itemsIn += added;
            publishedItemsIn.lazySet(itemsIn);
        }
        return took || added > 0;
    }

    private void observeBarrier(int queueIndex, SnapshotBarrier barrier) {
        if (aligningBarrier == null) {
            aligningBarrier = barrier;
            blockAfterBarrier = alignBarriers || barrier.terminal();
        } else if (aligningBarrier.snapshotId() != barrier.snapshotId()) {
            throw new IllegalStateException("Vertex '" + vertexName + "' received the barrier of snapshot " + barrier.snapshotId()
                    + " while aligning snapshot " + aligningBarrier.snapshotId());
        }
        barrierSeen[queueIndex] = true;
        checkAlignment();
    }

    /** Whether the barrier being aligned came on every input queue that is not done. */
    private void checkAlignment() {
        if (aligningBarrier == null) {
            return;
        }
        for (InboundEdge edge : edges) {
            for (int q = 0; q < edge.queues.length; q++) {
                if (!edge.queueDone[q] && !barrierSeen[edge.firstQueueIndex + q]) {
                    return;
                }
            }
        }
        alignedBarrier = aligningBarrier;
        aligningBarrier = null;
    }

    /**
     * Whether a due snapshot may start: no item is unfinished in the outbox. Otherwise blocks the
     * outbox for this call, in which the processor must finish that item.
     */
    private boolean readyForSnapshot() {
        if (!outbox.hasUnfinishedItem()) {
            return true;
        }
        outbox.block();
        return false;
    }

    private void enterSnapshot(SnapshotBarrier barrier, State returnTo) {
        snapshotBarrier = barrier;
        stateAfterSnapshot = returnTo;
        state = State.SNAPSHOT;
        // Queues flow again from the next call: every item after the barrier belongs to the next snapshot.
        Arrays.fill(barrierSeen, false);
        blockAfterBarrier = false;
    }

    /** Runs the commit phase of a finished snapshot for this processor and the fused ones. */
    private boolean finishCommits() {
        if (!snapshotDriver.finishCommitIfDue()) {
            return false;
        }
        for (FusedStage stage : fusedChain) {
            if (!stage.finishCommitIfDue()) {
                return false;
            }
        }
        return true;
    }

    private void offerCoalesced(long wm) {
        if (wm != NO_NEW_WM) {
            pendingWatermark = new Watermark(wm);
        }
    }

    private boolean allEdgesDone() {
        for (InboundEdge edge : edges) {
            if (!edge.isDone()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isCooperative() {
        return processor.isCooperative();
    }

    @Override
    public ExecutionContext executionContext() {
        return executionContext;
    }

    @Override
    long inputQueueFill() {
        long fill = 0;
        for (InboundEdge edge : edges) {
            fill += edge.fill();
        }
        return fill;
    }

    @Override
    long inputQueueCapacity() {
        long capacity = 0;
        for (InboundEdge edge : edges) {
            capacity += edge.capacity();
        }
        return capacity;
    }

    @Override
    public String toString() {
        return "ProcessorTasklet{vertex=" + vertexName + ", state=" + state + '}';
    }
}
