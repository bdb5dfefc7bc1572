package io.contrail.snapshot;

import java.util.Collection;

/**
 * One snapshot of one job being taken. Obtained from {@link SnapshotStore#begin} on the member
 * that coordinates the snapshot, or from {@link SnapshotStore#attach} on any member that writes
 * part of it.
 *
 * <h2>Life cycle</h2>
 * <ol>
 *   <li>Every processor with state opens a {@link #newWriter writer}, writes its entries and
 *       closes it, which returns a {@link WriterSummary}.</li>
 *   <li>The coordinator gathers the summaries of <em>all</em> writers (from all members) and calls
 *       {@link #complete}, which writes the verification record last and makes the snapshot the
 *       job's last complete one. The store cannot know how many processors the job has: a writer
 *       left out of {@code complete} is simply not part of the snapshot.</li>
 *   <li>Or the coordinator calls {@link #abort}: the slot's data is dropped and the job's previous
 *       complete snapshot stays the one to restore from.</li>
 * </ol>
 * A session that was completed or aborted refuses new writers with {@link IllegalStateException}.
 * Sessions obtained by {@code attach} on other members do not learn about completion; the engine
 * must not create writers after it called {@code complete}.
 *
 * <h2>Threading</h2>
 * Thread-safe: processors on any thread may call {@link #newWriter} concurrently. {@code complete}
 * and {@code abort} block while they write to or clear the IMaps; call them from a thread that
 * may block, once.
 */
public interface SnapshotSession {

    /** Where this snapshot is written; send it to other members for {@link SnapshotStore#attach}. */
    SnapshotTarget target();

    /**
     * Opens a writer for the state of processor {@code processorIndex} of vertex
     * {@code vertexName}. Each (vertex, processor index) pair must get one writer per snapshot;
     * a second writer for the same pair would overwrite the first one's chunks.
     *
     * @throws IllegalStateException if this session was completed or aborted
     */
    SnapshotWriter newWriter(String vertexName, int processorIndex);

    /**
     * Completes the snapshot: checks the summaries (all of this job and snapshot, no (vertex,
     * processor) pair twice), writes the verification record into the slot after all data, then
     * records the snapshot as the job's last complete one. Call it only after every writer's
     * {@code close} returned, on whatever member.
     *
     * @param writers the summaries of all writers of this snapshot
     * @return the snapshot's metadata, as {@link SnapshotStore#lastComplete} will return it
     * @throws IllegalArgumentException if a summary belongs to another job or snapshot, or a
     *         (vertex, processor) pair appears twice
     * @throws IllegalStateException if this session was already completed or aborted
     * @throws SnapshotException if the records cannot be stored
     */
    SnapshotMetadata complete(Collection<WriterSummary> writers);

    /**
     * Drops everything written to this snapshot's slot. The job's last complete snapshot, held in
     * the other slot, is not touched. Idempotent; a no-op after {@link #complete}.
     */
    void abort();
}
