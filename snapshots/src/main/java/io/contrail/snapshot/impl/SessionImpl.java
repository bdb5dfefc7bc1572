package io.contrail.snapshot.impl;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.contrail.snapshot.SnapshotException;
import io.contrail.snapshot.SnapshotMetadata;
import io.contrail.snapshot.SnapshotSession;
import io.contrail.snapshot.SnapshotTarget;
import io.contrail.snapshot.SnapshotWriter;
import io.contrail.snapshot.WriterSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot being written into one slot. See {@link SnapshotSession}.
 *
 * <h2>Threading</h2>
 * {@link #newWriter} is lock-free and may race with {@link #complete}/{@link #abort}, which are
 * synchronized with each other; the state is volatile so a writer opened after completion is
 * refused (one racing with it is the engine's error, documented on the interface).
 */
public final class SessionImpl implements SnapshotSession {

    private enum State { OPEN, COMPLETED, ABORTED }

    private final HazelcastInstance hz;
    private final SnapshotTarget target;
    private final int chunkSize;
    private final IMap<String, byte[]> slotMap;
    private volatile State state = State.OPEN;

    public SessionImpl(HazelcastInstance hz, SnapshotTarget target, int chunkSize) {
        this.hz = requireNonNull(hz, "hz is null");
        this.target = requireNonNull(target, "target is null");
        this.chunkSize = chunkSize;
        this.slotMap = SnapshotMaps.slotMap(hz, target.jobId(), target.slot());
    }

    @Override
    public SnapshotTarget target() {
        return target;
    }

    @Override
    public SnapshotWriter newWriter(String vertexName, int processorIndex) {
        requireNonNull(vertexName, "vertexName is null");
        if (processorIndex < 0) {
            throw new IllegalArgumentException("processorIndex is negative: " + processorIndex);
        }
        checkOpen("open a writer");
        return new WriterImpl(slotMap, target, vertexName, processorIndex, chunkSize);
    }

    @Override
    public synchronized SnapshotMetadata complete(Collection<WriterSummary> writers) {
        requireNonNull(writers, "writers is null");
        checkOpen("complete it");
        Manifest manifest = Manifest.of(target.jobId(), target.jobName(), target.snapshotId(), target.slot(),
                Instant.now(), new ArrayList<>(writers));
        byte[] encoded = ManifestCodec.encode(manifest);
        try {
            // the verification record goes last: only now is every chunk known to be stored
            slotMap.set(Chunks.verificationKey(target.snapshotId()), encoded);
            IMap<Long, byte[]> records = hz.getMap(SnapshotMaps.RECORDS);
            records.set(target.jobId(), encoded);
        } catch (RuntimeException e) {
            throw new SnapshotException("Could not record snapshot " + target.snapshotId() + " of job '"
                    + target.jobName() + "' (id " + target.jobId() + ") as complete: " + e
                    + ". The job's previous complete snapshot stays the one to restore from.", e);
        }
        state = State.COMPLETED;
        return manifest.metadata();
    }

    @Override
    public synchronized void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        slotMap.clear();
    }

    private void checkOpen(String action) {
        State current = state;
        if (current != State.OPEN) {
            throw new IllegalStateException("Cannot " + action + ": snapshot " + target.snapshotId() + " of job '"
                    + target.jobName() + "' (id " + target.jobId() + ") was already "
                    + current.name().toLowerCase(java.util.Locale.ROOT) + "; begin a new snapshot");
        }
    }
}
