package io.contrail.jet.impl.execution;

/**
 * The Chandy–Lamport marker of snapshot {@code snapshotId}: sources put it into every output queue
 * after saving their state; a processor saves its state once the barrier came on its inputs and
 * forwards it. Items before the barrier belong to the snapshot; items after it do not.
 *
 * @param snapshotId the snapshot
 * @param terminal   whether processors stop after this snapshot (suspend, cancel with export)
 */
record SnapshotBarrier(long snapshotId, boolean terminal) {
}
