package io.contrail.jet.impl.processor;

import com.hazelcast.cluster.Member;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Outbox;
import io.contrail.jet.function.BiFunctionEx;
import io.contrail.jet.function.FunctionEx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * A sink that updates the entry {@code keyFn(item)} of a Hazelcast {@code IMap} to
 * {@code updateFn(oldValue, item)} for each item of any input ordinal ({@code oldValue} is
 * {@code null} for a missing entry; a {@code null} result removes the entry); emits nothing.
 *
 * <p>Atomicity: the update runs in an {@link EntryProcessor} on the partition thread that owns
 * the key, so concurrent updates of one key, from this or other processors or jobs, never lose
 * each other. {@code updateFn} also runs on the backup replica, so it must be deterministic.
 *
 * <p>Batching: items collect per key, in order; every {@value #BATCH_SIZE} items the batch goes out
 * as one {@link IMap#submitToKeys} per member that owns some of its keys, each carrying only that
 * member's items. One batch is in flight while the next fills, so updates of a key stay in item
 * order. Non-cooperative: it blocks on its own thread while waiting for a batch.
 *
 * <p>Snapshot: no state; {@link #saveToSnapshot()} returns once everything received is applied.
 * Updates are not idempotent: items after the last snapshot are applied again after a restore
 * (at-least-once).
 *
 * @param <T> the item type
 * @param <K> the map's key type
 * @param <V> the map's value type
 */
public final class UpdateMapP<T, K, V> extends AbstractAsyncBatchSinkP {

    /** Items per batch. */
    static final int BATCH_SIZE = 1024;

    private final String mapName;
    private final FunctionEx<? super T, ? extends K> keyFn;
    private final BiFunctionEx<? super V, ? super T, ? extends V> updateFn;

    private IMap<K, V> map;
    private PartitionService partitionService;
    private HashMap<K, List<T>> buffer = new HashMap<>();
    private int bufferedItems;

    public UpdateMapP(String mapName, FunctionEx<? super T, ? extends K> keyFn, BiFunctionEx<? super V, ? super T, ? extends V> updateFn) {
        this.mapName = requireNonNull(mapName, "mapName is null");
        this.keyFn = requireNonNull(keyFn, "keyFn is null");
        this.updateFn = requireNonNull(updateFn, "updateFn is null");
    }

    @Override
    public void init(Outbox outbox, Context context) {
        map = context.hazelcastInstance().getMap(mapName);
        partitionService = context.hazelcastInstance().getPartitionService();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(int ordinal, Inbox inbox) {
        for (Object o; (o = inbox.poll()) != null; ) {
            T item = (T) o;
            K key = keyFn.apply(item);
            if (key == null) {
                throw new NullPointerException("Cannot update map '" + mapName + "' with " + item + ": keyFn returned null");
            }
            buffer.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
            if (++bufferedItems >= BATCH_SIZE) {
                flush();
            }
        }
    }

    /** Waits for the batch in flight, then sends the buffer grouped by owner member. */
    @Override
    void flush() {
        awaitInFlight();
        if (buffer.isEmpty()) {
            return;
        }
        // The owner may change before the operation runs; that costs a hop, not correctness.
        Map<UUID, HashMap<K, List<T>>> byOwner = new HashMap<>();
        for (Map.Entry<K, List<T>> e : buffer.entrySet()) {
            Member owner = partitionService.getPartition(e.getKey()).getOwner();
            byOwner.computeIfAbsent(owner == null ? null : owner.getUuid(), u -> new HashMap<>()).put(e.getKey(), e.getValue());
        }
        CompletableFuture<?>[] ops = new CompletableFuture<?>[byOwner.size()];
        int i = 0;
        for (HashMap<K, List<T>> items : byOwner.values()) {
            ops[i++] = map.submitToKeys(items.keySet(), new ApplyUpdates<>(updateFn, items)).toCompletableFuture();
        }
        send(CompletableFuture.allOf(ops));
        buffer = new HashMap<>();
        bufferedItems = 0;
    }

    @Override
    String operation() {
        return "Updating map '" + mapName + "'";
    }

    @Override
    public String toString() {
        return "UpdateMapP{map=" + mapName + '}';
    }

    /**
     * Folds each key's items into its entry with {@code updateFn}, on the member. Carries the items
     * of all its keys; returns nothing, so no results travel back.
     */
    static final class ApplyUpdates<K, V, T> implements EntryProcessor<K, V, Object> {

        private final BiFunctionEx<? super V, ? super T, ? extends V> updateFn;
        private final HashMap<K, List<T>> itemsByKey;

        ApplyUpdates(BiFunctionEx<? super V, ? super T, ? extends V> updateFn, HashMap<K, List<T>> itemsByKey) {
            this.updateFn = updateFn;
            this.itemsByKey = itemsByKey;
        }

        @Override
        public Object process(Map.Entry<K, V> entry) {
            List<T> items = itemsByKey.get(entry.getKey());
            if (items == null) {
                return null;
            }
            V value = entry.getValue();
            for (T item : items) {
                value = updateFn.apply(value, item);
            }
            entry.setValue(value);
            return null;
        }
    }
}
