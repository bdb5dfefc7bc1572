package io.contrail.jet.impl.processor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Outbox;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.function.FunctionEx;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A batch source that reads the entries of a Hazelcast {@code IMap} and emits
 * {@code projectionFn(entry)} for each, dropping {@code null} results; then completes.
 *
 * <h2>Work split</h2>
 * Processor {@code i} of {@code n} in the cluster reads the Hazelcast partitions {@code p} with
 * {@code p % n == i}, one partition at a time, with a query restricted to that partition
 * ({@link Predicates#partitionPredicate}); the optional predicate runs on the member that owns
 * the entries. The partition query takes a partition <em>key</em>, so {@link #init} finds one
 * small integer key per own partition through the public {@link PartitionService}.
 *
 * <p>Non-cooperative: each partition is read with a blocking call, on the processor's own thread.
 * Holds one partition's entries in memory at a time.
 *
 * <h2>Snapshot</h2>
 * One entry per processor, keyed by {@link ProcessorIndexKey}: how many of its partitions it has
 * finished and how many entries of the current one it has emitted. A restore reads the current
 * partition again and skips that many, which is exact when the map does not change while the
 * job runs (the order of one partition's entries is then stable); otherwise at-least-once. The
 * parallelism must be unchanged.
 *
 * @param <K> the map's key type
 * @param <V> the map's value type
 * @param <T> the emitted type
 */
public final class ReadMapP<K, V, T> implements Processor {

    /** A cap on the work of one {@code complete()} call; see there. */
    private static final int MAX_STEPS_PER_CALL = 2048;

    private final String mapName;
    private final Predicate<K, V> predicate;
    private final FunctionEx<? super Map.Entry<K, V>, ? extends T> projectionFn;

    private Outbox outbox;
    private IMap<K, V> map;
    private int processorIndex;
    private int totalParallelism;
    /** The partitions this processor reads, ascending. */
    private int[] partitions;
    /** For each element of {@link #partitions}, a key that Hazelcast places in that partition. */
    private Object[] partitionKeys;
    /** The index into {@link #partitions} of the partition being read. */
    private int partitionCursor;
    /** Entries of the current partition already handled (emitted or dropped by the projection). */
    private long consumedInPartition;
    /** Over the current partition's entries; {@code null} before it was fetched. */
    private Iterator<Map.Entry<K, V>> entries;
    /** A projected item the outbox refused. */
    private Object pendingItem;

    public ReadMapP(String mapName, Predicate<K, V> predicate, FunctionEx<? super Map.Entry<K, V>, ? extends T> projectionFn) {
        this.mapName = requireNonNull(mapName, "mapName is null");
        this.predicate = requireNonNull(predicate, "predicate is null");
        this.projectionFn = requireNonNull(projectionFn, "projectionFn is null");
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    public void init(Outbox outbox, Context context) {
        this.outbox = outbox;
        this.processorIndex = context.globalProcessorIndex();
        this.totalParallelism = context.totalParallelism();
        HazelcastInstance hz = context.hazelcastInstance();
        this.map = hz.getMap(mapName);
        PartitionService partitionService = hz.getPartitionService();
        int partitionCount = partitionService.getPartitions().size();
        int own = partitionCount <= processorIndex ? 0 : (partitionCount - 1 - processorIndex) / totalParallelism + 1;
        this.partitions = new int[own];
        for (int j = 0; j < own; j++) {
            partitions[j] = processorIndex + j * totalParallelism;
        }
        this.partitionKeys = findPartitionKeys(partitionService, partitionCount);
    }

    /** Tries keys 0, 1, 2, ... until each own partition has one: about {@code count * ln(count)} tries for all. */
    private Object[] findPartitionKeys(PartitionService partitionService, int partitionCount) {
        Object[] keyByPartition = new Object[partitionCount];
        int missing = partitions.length;
        int limit = Math.max(1_000_000, partitionCount * 1000);
        for (int candidate = 0; missing > 0; candidate++) {
            if (candidate == limit) {
                throw new IllegalStateException("Found no key for some partitions of map '" + mapName + "' after " + limit + " tries");
            }
            int partition = partitionService.getPartition(candidate).getPartitionId();
            if (partition % totalParallelism == processorIndex && keyByPartition[partition] == null) {
                keyByPartition[partition] = candidate;
                missing--;
            }
        }
        Object[] keys = new Object[partitions.length];
        for (int j = 0; j < partitions.length; j++) {
            keys[j] = keyByPartition[partitions[j]];
        }
        return keys;
    }

    @Override
    public boolean complete() {
        // One step is one offer, fetch or entry: bounded so that snapshots are not held off for long.
        for (int step = 0; step < MAX_STEPS_PER_CALL; step++) {
            if (pendingItem != null) {
                if (!outbox.offer(pendingItem)) {
                    return false;
                }
                pendingItem = null;
                consumedInPartition++;
            } else if (entries == null) {
                if (partitionCursor == partitions.length) {
                    return true;
                }
                entries = fetchCurrentPartition();
            } else if (!entries.hasNext()) {
                entries = null;
                partitionCursor++;
                consumedInPartition = 0;
            } else {
                T item = projectionFn.apply(entries.next());
                if (item == null) {
                    consumedInPartition++;
                } else {
                    pendingItem = item;
                }
            }
        }
        return false;
    }

    /** Reads the current partition (blocking) and skips what was handled before a restore. */
    private Iterator<Map.Entry<K, V>> fetchCurrentPartition() {
        Iterator<Map.Entry<K, V>> it = map.entrySet(Predicates.partitionPredicate(partitionKeys[partitionCursor], predicate)).iterator();
        for (long i = 0; i < consumedInPartition && it.hasNext(); i++) {
            it.next();
        }
        return it;
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        throw new IllegalStateException("An IMap source has no input, but received " + watermark);
    }

    @Override
    public boolean saveToSnapshot() {
        // A refused item is not counted as consumed: the restored processor emits it again.
        return outbox.offerToSnapshot(new ProcessorIndexKey(processorIndex),
                new State(partitionCursor, consumedInPartition, totalParallelism));
    }

    @Override
    public void restoreFromSnapshot(Inbox inbox) {
        for (Object o; (o = inbox.poll()) != null; ) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) o;
            if (!(entry.getKey() instanceof ProcessorIndexKey key) || key.processorIndex() != processorIndex) {
                continue;
            }
            State state = (State) entry.getValue();
            if (state.totalParallelism() != totalParallelism) {
                throw new IllegalStateException("Cannot restore the reader of map '" + mapName + "' saved with parallelism "
                        + state.totalParallelism() + " into parallelism " + totalParallelism + ": the partition split depends on it");
            }
            partitionCursor = state.partitionCursor();
            consumedInPartition = state.consumedInPartition();
        }
    }

    /** The saved position of one processor; see the class javadoc. */
    record State(int partitionCursor, long consumedInPartition, int totalParallelism) implements Serializable {
    }

    @Override
    public String toString() {
        return "ReadMapP{map=" + mapName + '}';
    }
}
