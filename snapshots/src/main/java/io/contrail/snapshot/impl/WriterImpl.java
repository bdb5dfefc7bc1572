package io.contrail.snapshot.impl;

import com.hazelcast.map.IMap;
import io.contrail.snapshot.SnapshotException;
import io.contrail.snapshot.SnapshotTarget;
import io.contrail.snapshot.SnapshotWriter;
import io.contrail.snapshot.WriterSummary;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.CRC32C;

import static java.util.Objects.requireNonNull;

/**
 * Encodes entries into a chunk buffer and stores each full chunk with one asynchronous
 * {@code IMap.setAsync}. See {@link SnapshotWriter} for the contract and {@link Chunks} for the
 * layout.
 *
 * <h2>Threading</h2>
 * Confined to one thread at a time (not checked: the engine may hand the writer over for
 * closing). The futures in {@link #inFlight} complete on Hazelcast threads but are only polled
 * here.
 */
final class WriterImpl implements SnapshotWriter {

    private final IMap<String, byte[]> map;
    private final SnapshotTarget target;
    private final String vertex;
    private final int processorIndex;
    private final int chunkSize;

    /** Chunk being filled; bytes [0, HEADER_SIZE) are the header, filled in when sealed. */
    private final ByteSink buffer;
    /** Encodes into {@link #buffer}; its class dictionary starts anew with every chunk. */
    private final ValueCodec.Encoder encoder = new ValueCodec.Encoder();
    private int entriesInChunk;
    private long entryCount;
    private long byteCount;
    private int chunkCount;
    private final CRC32C checksum = new CRC32C();
    /** Stores not yet known to be complete, oldest first; each is checked for failure when polled. */
    private final ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    private CompletableFuture<WriterSummary> closed;

    WriterImpl(IMap<String, byte[]> map, SnapshotTarget target, String vertex, int processorIndex, int chunkSize) {
        this.map = requireNonNull(map, "map is null");
        this.target = requireNonNull(target, "target is null");
        this.vertex = requireNonNull(vertex, "vertex is null");
        this.processorIndex = processorIndex;
        this.chunkSize = chunkSize;
        this.buffer = new ByteSink(chunkSize + chunkSize / 4);
        buffer.writeLong(0); // header placeholder
    }

    @Override
    public void write(Object key, Object value) {
        if (closed != null) {
            throw new IllegalStateException("the snapshot writer of vertex '" + vertex + "' processor " + processorIndex
                    + " is closed; open a new writer for the next snapshot");
        }
        int mark = buffer.position();
        int classes = encoder.mark();
        try {
            encoder.write(buffer, key);
        } catch (UnsupportedValueException e) {
            buffer.truncate(mark);
            encoder.rollback(classes);
            throw unsupported("key", e);
        }
        try {
            encoder.write(buffer, value);
        } catch (UnsupportedValueException e) {
            buffer.truncate(mark);
            encoder.rollback(classes);
            throw unsupported("value", e);
        }
        entriesInChunk++;
        if (buffer.position() >= chunkSize) {
            flush();
        }
    }

    private IllegalArgumentException unsupported(String role, UnsupportedValueException e) {
        String why = e.detail() == null
                ? "it is neither of a type with a compact encoding nor java.io.Serializable"
                : e.detail();
        return new IllegalArgumentException("Cannot write state of vertex '" + vertex + "' processor " + processorIndex
                + " to snapshot " + target.snapshotId() + " of job '" + target.jobName() + "' (id " + target.jobId()
                + "): a " + role + " of class " + e.className() + " cannot be stored because " + why
                + ". Make the class (and every object it references) implement java.io.Serializable,"
                + " or store the state as supported types (null, Boolean, Integer, Long, Float, Double, String,"
                + " byte[], int[], long[], AbstractMap.SimpleImmutableEntry/SimpleEntry).", e);
    }

    /** Seals the current chunk, if it holds entries, and starts storing it. */
    private void flush() {
        if (entriesInChunk == 0) {
            return;
        }
        int length = buffer.position();
        Chunks.seal(buffer.array(), length, entriesInChunk);
        // a copy per chunk (not per entry): Hazelcast may serialize the value after setAsync returns
        byte[] chunk = buffer.toByteArray();
        checksum.update(chunk, 0, length);
        byteCount += length;
        entryCount += entriesInChunk;
        int chunkNo = chunkCount++;
        entriesInChunk = 0;
        buffer.truncate(Chunks.HEADER_SIZE);
        encoder.reset();
        CompletableFuture<Void> stored;
        try {
            stored = map.setAsync(Chunks.chunkKey(target.snapshotId(), vertex, processorIndex, chunkNo), chunk)
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            throw storeFailure(e);
        }
        inFlight.add(stored);
        while (!inFlight.isEmpty() && (inFlight.size() > MAX_CHUNKS_IN_FLIGHT || inFlight.peek().isDone())) {
            awaitOldest();
        }
    }

    private void awaitOldest() {
        CompletableFuture<Void> oldest = inFlight.poll();
        try {
            oldest.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            throw storeFailure(e.getCause() != null ? e.getCause() : e);
        }
    }

    private SnapshotException storeFailure(Throwable cause) {
        return new SnapshotException("Could not store a chunk of vertex '" + vertex + "' processor " + processorIndex
                + " of snapshot " + target.snapshotId() + " of job '" + target.jobName() + "' (id " + target.jobId()
                + "): " + cause + ". The snapshot cannot complete; abort it and take another one.", cause);
    }

    @Override
    public CompletableFuture<WriterSummary> closeAsync() {
        if (closed != null) {
            return closed;
        }
        try {
            flush();
        } catch (RuntimeException e) {
            closed = CompletableFuture.failedFuture(e);
            return closed;
        }
        WriterSummary summary = new WriterSummary(target.jobId(), target.snapshotId(), vertex, processorIndex,
                entryCount, byteCount, chunkCount, checksum.getValue());
        CompletableFuture<?>[] pending = inFlight.toArray(new CompletableFuture<?>[0]);
        inFlight.clear();
        closed = CompletableFuture.allOf(pending).handle((ignored, failure) -> {
            if (failure != null) {
                throw new CompletionException(storeFailure(failure instanceof CompletionException && failure.getCause()
                        != null ? failure.getCause() : failure));
            }
            return summary;
        });
        return closed;
    }

    @Override
    public WriterSummary close() {
        try {
            return closeAsync().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SnapshotException snapshotException) {
                throw snapshotException;
            }
            throw e;
        }
    }
}
