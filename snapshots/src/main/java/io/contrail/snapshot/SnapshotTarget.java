package io.contrail.snapshot;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * Where a snapshot in progress is written: returned by {@link SnapshotSession#target()} on the
 * member that began the snapshot, sent by the engine to the other members, which pass it to
 * {@link SnapshotStore#attach(SnapshotTarget)} to create their writers.
 *
 * @param jobId      the job
 * @param jobName    the job's name, for messages and listings (may be empty, never null)
 * @param snapshotId the snapshot
 * @param slot       the storage slot (0 or 1) the snapshot's data goes to
 */
public record SnapshotTarget(long jobId, String jobName, long snapshotId, int slot) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SnapshotTarget {
        requireNonNull(jobName, "jobName is null");
        if (slot != 0 && slot != 1) {
            throw new IllegalArgumentException("slot must be 0 or 1, not " + slot);
        }
    }
}
