package io.contrail.snapshot;

import java.util.concurrent.CompletableFuture;

/**
 * Writes the state of one processor of one vertex into a snapshot. Entries are encoded into a
 * buffer (see {@code snapshots/README.md} for the encoding); each time the buffer reaches the
 * configured chunk size it is stored in the snapshot's IMap asynchronously, as one chunk. There
 * is no IMap operation per entry.
 *
 * <h2>Threading</h2>
 * Not thread-safe: one thread at a time, typically the processor's. It may be handed to another
 * thread for closing, with a happens-before edge (a queue, a future) between the last
 * {@code write} and {@code close}. {@link #write} does not block unless
 * {@value #MAX_CHUNKS_IN_FLIGHT} chunks are still being stored, in which case it waits for the
 * oldest one (back-pressure on a writer that outruns the cluster).
 *
 * <p>Not {@code AutoCloseable}: closing returns the summary the snapshot needs, so a writer
 * abandoned on failure is simply dropped (its chunks are cleared with the slot).
 */
public interface SnapshotWriter {

    /** Chunks a writer may have in flight before {@link #write} waits. */
    int MAX_CHUNKS_IN_FLIGHT = 8;

    /**
     * Adds a key/value pair. Keys and values are opaque to the store: it neither deduplicates
     * keys nor keeps their order across writers. Null keys and values are allowed.
     *
     * @throws IllegalArgumentException if the key or value is neither of a type with a compact
     *         encoding nor {@link java.io.Serializable}; the writer stays usable and the entry is
     *         not written
     * @throws IllegalStateException if the writer was closed
     * @throws SnapshotException if storing an earlier chunk failed
     */
    void write(Object key, Object value);

    /**
     * Stores the last partial chunk and completes when every chunk of this writer is stored.
     * The future fails with a {@link SnapshotException} if a chunk could not be stored. Calling it
     * again returns the same future.
     */
    CompletableFuture<WriterSummary> closeAsync();

    /**
     * As {@link #closeAsync()}, but waits for it.
     *
     * @throws SnapshotException if a chunk could not be stored
     */
    WriterSummary close();
}
