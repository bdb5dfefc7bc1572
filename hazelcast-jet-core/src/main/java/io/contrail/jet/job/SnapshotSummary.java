package io.contrail.jet.job;

import java.io.Serializable;

/**
 * The last complete snapshot of a job.
 *
 * @param snapshotId     the snapshot's id, increasing within the job
 * @param completedAt    when it was complete, epoch milliseconds
 * @param durationMillis from the barrier's start to the snapshot being stored
 * @param entryCount     state entries saved by all processors
 * @param sizeBytes      encoded size of the state
 */
public record SnapshotSummary(long snapshotId, long completedAt, long durationMillis, long entryCount, long sizeBytes)
        implements Serializable {
}
