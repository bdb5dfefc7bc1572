package io.contrail.jet.impl.processor;

import com.hazelcast.map.IMap;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Outbox;
import io.contrail.jet.function.FunctionEx;

import java.util.HashMap;

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
 * full, in {@link #complete()} and in {@link #saveToSnapshot()}.
 *
 * <p>Snapshot: no state. {@link #saveToSnapshot()} returns once everything received is written,
 * so a snapshot covers all items before its barrier. After a restore, items after the barrier are
 * written again; puts are idempotent, so the map ends up as with exactly-once delivery.
 *
 * @param <T> the item type
 * @param <K> the map's key type
 * @param <V> the map's value type
 */
public final class WriteMapP<T, K, V> extends AbstractAsyncBatchSinkP {

    /** Distinct keys per {@code setAllAsync} call. */
    static final int BATCH_SIZE = 1024;

    private final String mapName;
    private final FunctionEx<? super T, ? extends K> keyFn;
    private final FunctionEx<? super T, ? extends V> valueFn;

    private IMap<K, V> map;
    private HashMap<K, V> buffer = new HashMap<>();

    public WriteMapP(String mapName, FunctionEx<? super T, ? extends K> keyFn, FunctionEx<? super T, ? extends V> valueFn) {
        this.mapName = requireNonNull(mapName, "mapName is null");
        this.keyFn = requireNonNull(keyFn, "keyFn is null");
        this.valueFn = requireNonNull(valueFn, "valueFn is null");
    }

    @Override
    public void init(Outbox outbox, Context context) {
        map = context.hazelcastInstance().getMap(mapName);
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
            if (buffer.size() >= BATCH_SIZE) {
                flush();
            }
        }
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
    public String toString() {
        return "WriteMapP{map=" + mapName + '}';
    }
}
