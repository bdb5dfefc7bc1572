package io.contrail.jet.impl.processor;

import com.hazelcast.map.IMap;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Outbox;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.job.ProcessingGuarantee;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A sink that puts {@code keyFn(item) -> valueFn(item)} into a Hazelcast {@code IMap} for each
 * item of any input ordinal; emits nothing.
 *
 * <p>Batching: items collect in a buffer (a later item replaces an earlier one with the same key,
 * as sequential puts would); every {@value #BATCH_SIZE} distinct keys the buffer goes out with
 * {@link IMap#setAllAsync}. One batch is in flight while the next fills: the sink waits for the
 * previous batch before sending another, so writes to a key stay in item order.
 *
 * <p>Non-cooperative: it blocks on its own thread while a batch is in flight and the next one is
 * full, in {@link #complete()}, and while it saves or commits.
 *
 * <h2>Exactly-once: two-phase commit</h2>
 * With {@code EXACTLY_ONCE} the map sees only what a complete snapshot covers. Items collect in
 * a pending buffer instead of going out. At a snapshot's barrier the buffer is saved as the
 * processor's state (entries keyed by {@link PendingWrite}) and becomes the prepared
 * transaction of that snapshot; when the coordinator reports the snapshot complete,
 * {@link #snapshotCommitFinish} writes it. If the snapshot failed and the job goes on, the
 * prepared entries go back into the pending buffer and commit with the next snapshot. If the job
 * restarts, the restored processor writes the prepared entries of the snapshot it restores
 * (that snapshot was complete, so they were committed or should have been; puts are
 * idempotent), and the items after it are replayed. A failure therefore never loses a write nor
 * shows the map a write of an item whose effect a restart undoes.
 *
 * <p>With {@code NONE} or {@code AT_LEAST_ONCE} writes go out at once; a snapshot waits until
 * everything received is written, and replays after a restore put the same values again.
 *
 * @param <T> the item type
 * @param <K> the map's key type
 * @param <V> the map's value type
 */
public final class WriteMapP<T, K, V> extends AbstractAsyncBatchSinkP {

    /** Distinct keys per {@code setAllAsync} call. */
    static final int BATCH_SIZE = 1024;

    private final String mapName;
    private Outbox outbox;
    private final FunctionEx<? super T, ? extends K> keyFn;
    private final FunctionEx<? super T, ? extends V> valueFn;

    private IMap<K, V> map;
    private boolean twoPhase;
    private HashMap<K, V> buffer = new HashMap<>();
    /** Exactly-once: the entries saved in the last snapshot, written when it completes. */
    private HashMap<K, V> prepared = new HashMap<>();

    public WriteMapP(String mapName, FunctionEx<? super T, ? extends K> keyFn, FunctionEx<? super T, ? extends V> valueFn) {
        this.mapName = requireNonNull(mapName, "mapName is null");
        this.keyFn = requireNonNull(keyFn, "keyFn is null");
        this.valueFn = requireNonNull(valueFn, "valueFn is null");
    }

    @Override
    public void init(Outbox outbox, Context context) {
        this.outbox = outbox;
        map = context.hazelcastInstance().getMap(mapName);
        twoPhase = context.processingGuarantee() == ProcessingGuarantee.EXACTLY_ONCE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(int ordinal, Inbox inbox) {
        for (Object o; (o = inbox.poll()) != null; ) {
            T item = (T) o;
            K key = keyFn.apply(item);
            V value = valueFn.apply(item);
            if (key == null || value == null) {
                throw new NullPointerException("Cannot put " + item + " into map '" + mapName + "': "
                        + (key == null ? "keyFn" : "valueFn") + " returned null");
            }
            buffer.put(key, value);
            if (!twoPhase && buffer.size() >= BATCH_SIZE) {
                flush();
            }
        }
    }

    @Override
    boolean mayWriteEarly() {
        return !twoPhase;
    }

    @Override
    void flush() {
        awaitInFlight();
        if (!buffer.isEmpty()) {
            send(map.setAllAsync(buffer).toCompletableFuture());
            // A new buffer: the call may still read the old one.
            buffer = new HashMap<>();
        }
    }

    @Override
    String operation() {
        return "Writing to map '" + mapName + "'";
    }

    @Override
    public boolean complete() {
        // the input is over: nothing will be replayed, so whatever is prepared or pending is final
        prepared.putAll(buffer);
        buffer = prepared;
        prepared = new HashMap<>();
        return super.complete();
    }

    @Override
    public boolean saveToSnapshot() {
        if (!twoPhase) {
            return super.saveToSnapshot();
        }
        // entries prepared for a snapshot that failed stay uncommitted: they go with this one
        prepared.putAll(buffer);
        buffer = new HashMap<>();
        for (Map.Entry<K, V> entry : prepared.entrySet()) {
            outbox.offerToSnapshot(new PendingWrite(entry.getKey()), entry.getValue());
        }
        return true;
    }

    @Override
    public boolean snapshotCommitFinish(boolean success) {
        if (twoPhase && success) {
            HashMap<K, V> toWrite = prepared;
            prepared = new HashMap<>();
            writeAndWait(toWrite);
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restoreFromSnapshot(Inbox inbox) {
        for (Object o; (o = inbox.poll()) != null; ) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) o;
            prepared.put((K) ((PendingWrite) entry.getKey()).key(), (V) entry.getValue());
        }
    }

    @Override
    public boolean finishSnapshotRestore() {
        // the restored snapshot is complete: its prepared writes are committed (again, idempotently)
        HashMap<K, V> toWrite = prepared;
        prepared = new HashMap<>();
        writeAndWait(toWrite);
        return true;
    }

    private void writeAndWait(HashMap<K, V> entries) {
        awaitInFlight();
        if (!entries.isEmpty()) {
            AsyncOps.await(map.setAllAsync(entries).toCompletableFuture(), operation());
        }
    }

    /**
     * Snapshot key of an entry prepared but maybe not yet written. On restore each goes to exactly
     * one processor, which writes it.
     *
     * @param key the map key
     */
    public record PendingWrite(Object key) implements Serializable {
    }

    @Override
    public String toString() {
        return "WriteMapP{map=" + mapName + '}';
    }
}
