package io.contrail.jet.impl.execution;

import io.contrail.jet.core.Processor;
import io.contrail.snapshot.SnapshotWriter;

/**
 * Takes one processor through a snapshot once its barrier is due, and through the second phase
 * of two-phase commit once the snapshot is complete everywhere. Shared by a processor with a
 * tasklet of its own and by a fused one.
 * <pre>
 *   SAVE     saveToSnapshot() until true, its entries going to this processor's writer
 *   PREPARE  snapshotCommitPrepare() until true; then the processor counts as done with the
 *            snapshot (its writer closing in the background)
 *   FORWARD  the barrier into every output, after which the next item belongs to the next snapshot
 * </pre>
 *
 * <p>Threading: confined to the thread running the processor; the execution's committed
 * snapshot id is read with one volatile load per check.
 */
final class SnapshotDriver {

    private enum Phase { SAVE, PREPARE, FORWARD }

    private final ExecutionContext context;
    private final RunningProcessor owner;
    private final Processor processor;
    private final OutboxImpl outbox;
    private final int processorIndex;
    private Phase phase = Phase.SAVE;
    private SnapshotWriter writer;
    /** The last snapshot whose commit phase this processor finished. */
    private long finishedCommitId = -1;
    /** The last snapshot this processor took. */
    private long lastSnapshotId = -1;

    SnapshotDriver(ExecutionContext context, RunningProcessor owner, Processor processor, OutboxImpl outbox, int processorIndex) {
        this.context = context;
        this.owner = owner;
        this.processor = processor;
        this.outbox = outbox;
        this.processorIndex = processorIndex;
    }

    long lastSnapshotId() {
        return lastSnapshotId;
    }

    /** Whether a snapshot has begun here and not yet been forwarded. */
    boolean inProgress() {
        return phase != Phase.SAVE || writer != null;
    }

    /**
     * Makes progress on the snapshot of {@code barrier}.
     *
     * @return {@code true} once the barrier was forwarded: the snapshot is over for this processor
     */
    boolean takeSnapshot(SnapshotBarrier barrier) {
        if (phase == Phase.SAVE) {
            if (writer == null) {
                writer = context.newSnapshotWriter(barrier.snapshotId(), owner.vertexName(), processorIndex);
                outbox.setSnapshotWriter(writer);
            }
            if (!processor.saveToSnapshot()) {
                return false;
            }
            outbox.setSnapshotWriter(null);
            phase = Phase.PREPARE;
        }
        if (phase == Phase.PREPARE) {
            if (!processor.snapshotCommitPrepare()) {
                return false;
            }
            context.processorSnapshotDone(owner, barrier.snapshotId(), writer.closeAsync());
            writer = null;
            phase = Phase.FORWARD;
        }
        if (!outbox.offer(-1, barrier)) {
            return false;
        }
        phase = Phase.SAVE;
        lastSnapshotId = barrier.snapshotId();
        return true;
    }

    /** Whether the commit phase of {@code snapshotId} (or a later snapshot) has run. */
    boolean commitFinished(long snapshotId) {
        return finishedCommitId >= snapshotId;
    }

    /**
     * Runs {@code snapshotCommitFinish} for a snapshot the coordinator completed (or gave up)
     * since the last call.
     *
     * @return {@code true} when no commit phase is pending
     */
    boolean finishCommitIfDue() {
        ExecutionContext.CommitDecision decision = context.lastCommitDecision();
        if (decision == null || decision.snapshotId() <= finishedCommitId || decision.snapshotId() > lastSnapshotId) {
            return true;
        }
        if (!processor.snapshotCommitFinish(decision.success())) {
            return false;
        }
        finishedCommitId = decision.snapshotId();
        return true;
    }
}
