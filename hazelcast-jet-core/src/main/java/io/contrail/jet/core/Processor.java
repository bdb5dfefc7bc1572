package io.contrail.jet.core;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.job.ProcessingGuarantee;
import org.slf4j.Logger;

/**
 * The unit of work in a {@link DAG}: one instance runs for each parallel slot of a {@link Vertex}.
 * It takes items from an {@link Inbox} and emits results to an {@link Outbox}.
 *
 * <h2>Processing methods</h2>
 * {@link #process}, {@link #tryProcess()}, {@link #tryProcessWatermark}, {@link #completeEdge},
 * {@link #complete} and the snapshot methods are the <em>processing methods</em>. The engine calls
 * them one at a time, always from one thread at a time (never concurrently), after {@link #init}
 * and before {@link #close}. A cooperative processor ({@link #isCooperative()}) shares its thread
 * with other processors: each processing method must return quickly (well under a millisecond)
 * and must never block. A method that returns {@code false} is called again later <em>with the
 * same arguments</em>: typically because the outbox refused an item (back-pressure). The
 * processor keeps whatever it needs to resume where it stopped.
 *
 * <h2>Order of calls</h2>
 * {@code init}, then any mix of {@code process}, {@code tryProcess}, {@code tryProcessWatermark}
 * and, per input ordinal, one {@code completeEdge} after that ordinal's last item; then
 * {@code complete} until it returns {@code true} (never for an unbounded source); then
 * {@code close}. Snapshot methods interleave as the snapshot protocol requires.
 */
public interface Processor {

    /**
     * Called once, before any processing method, on the thread that will run the processor or on a
     * job-start thread. May block; should not emit.
     */
    default void init(Outbox outbox, Context context) throws Exception {
    }

    /**
     * Processes some items of the inbox, which holds items of the one input {@code ordinal}. The
     * processor removes each item it is done with; items it leaves are offered again on the next
     * call (after the outbox had room). The engine never calls this with an empty inbox.
     */
    default void process(int ordinal, Inbox inbox) {
        throw new IllegalStateException(getClass().getName() + " has input edges but does not override process()");
    }

    /**
     * Called when the processor has nothing in its inbox: sources emit here, other processors may
     * flush time-driven results. Called often: the processor must return at once when there is
     * nothing to do.
     *
     * @return {@code true} when done with this call, {@code false} to be called again as soon
     *         as the outbox may have room
     */
    default boolean tryProcess() {
        return true;
    }

    /**
     * Handles a watermark coalesced over all inputs: every later item on every input has an event
     * time at or above {@code watermark.timestamp()}, unless it is late. {@link AbstractProcessor}
     * forwards it to every output ordinal. Processors that hold event-time state (windows) emit what
     * the watermark closes, then forward it.
     *
     * @return {@code true} when the watermark is fully handled, {@code false} to be called again
     *         with the same watermark
     */
    boolean tryProcessWatermark(Watermark watermark);

    /**
     * Called once for each input ordinal after its last item was processed.
     *
     * @return {@code true} when done, {@code false} to be called again
     */
    default boolean completeEdge(int ordinal) {
        return true;
    }

    /**
     * Called after all input edges are complete (at once for a source), repeatedly until it returns
     * {@code true}. A batch source emits here; an unbounded source never returns {@code true}.
     */
    default boolean complete() {
        return true;
    }

    /**
     * Whether this processor follows the cooperative contract: each call returns quickly and never
     * blocks. A non-cooperative processor gets a thread of its own and may block (for I/O).
     */
    default boolean isCooperative() {
        return true;
    }

    /**
     * Saves the processor's state into the outbox's snapshot bucket
     * ({@link Outbox#offerToSnapshot}) when a snapshot is taken; called after all input items
     * before the snapshot barrier have been processed.
     *
     * @return {@code true} when all state is saved, {@code false} to be called again
     */
    default boolean saveToSnapshot() {
        return true;
    }

    /**
     * Prepares a transaction of an external sink for commit as part of snapshot {@code snapshotId}
     * (first phase of two-phase commit). Called after {@link #saveToSnapshot}.
     *
     * @return {@code true} when prepared, {@code false} to be called again
     */
    default boolean snapshotCommitPrepare() {
        return true;
    }

    /**
     * Commits (when {@code success}) or rolls back what {@link #snapshotCommitPrepare} prepared,
     * once the snapshot is complete everywhere (second phase of two-phase commit).
     *
     * @return {@code true} when finished, {@code false} to be called again
     */
    default boolean snapshotCommitFinish(boolean success) {
        return true;
    }

    /**
     * Restores state from snapshot entries that {@link #saveToSnapshot} saved, possibly by another
     * processor instance of the same vertex. The inbox holds {@code Map.Entry} items, one per
     * entry offered to the snapshot. Called before any other processing method, possibly several
     * times with parts of the state. A source that cannot continue from the restored position
     * throws {@link io.contrail.jet.job.SourcePositionUnavailableException} (here or in
     * {@link #finishSnapshotRestore()}), which fails the job with a message naming the position.
     */
    default void restoreFromSnapshot(Inbox inbox) {
        throw new IllegalStateException(getClass().getName() + " saved state but does not override restoreFromSnapshot()");
    }

    /**
     * Called after all snapshot entries were restored.
     *
     * @return {@code true} when done, {@code false} to be called again
     */
    default boolean finishSnapshotRestore() {
        return true;
    }

    /**
     * Called once when the processor ends, whether it completed, failed or was cancelled, on a
     * thread that may differ from the processing thread. May block. An exception here is logged,
     * never thrown over the job's real outcome.
     */
    default void close() throws Exception {
    }

    /** What a processor may know about where it runs. */
    interface Context {
        /** The Hazelcast member the processor runs in. */
        HazelcastInstance hazelcastInstance();

        /** The id of the job. */
        long jobId();

        /** The name of the job, or its id as text when it has none. */
        String jobName();

        /** The name of the vertex this processor belongs to. */
        String vertexName();

        /** The index of this processor among all processors of its vertex in the cluster. */
        int globalProcessorIndex();

        /** The index of this processor among the processors of its vertex on this member. */
        int localProcessorIndex();

        /** The number of processors of this vertex in the cluster. */
        int totalParallelism();

        /** The number of processors of this vertex on this member. */
        int localParallelism();

        /** The processing guarantee of the job. */
        ProcessingGuarantee processingGuarantee();

        /**
         * The most entries (groups, windows' keys, join rows) the job lets one processor keep:
         * {@code JobConfig.maxProcessorAccumulatedRecords}. A processor that would keep more
         * fails with an error naming the cap.
         */
        long maxProcessorAccumulatedRecords();

        /** A logger named after the vertex and processor index. */
        Logger logger();
    }
}
