package io.contrail.jet.processor;

import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.impl.processor.GeneratorP;
import io.contrail.jet.impl.processor.ReadMapP;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Factories of source processors: vertices without inputs. Each returns a
 * {@link ProcessorSupplier} for {@link io.contrail.jet.core.DAG#newVertex}; arguments are checked
 * here, when the DAG is built.
 */
public final class SourceProcessors {

    /** The rate meaning "as fast as possible" for {@link #generator}. */
    public static final long UNLIMITED_RATE = Long.MAX_VALUE;

    private SourceProcessors() {
    }

    /**
     * An unbounded source of {@code factory.create(sequence, timestamp)} for the sequence 0, 1, 2,
     * ..., at {@code itemsPerSecond} for the whole vertex: processor {@code i} of {@code n} emits
     * sequences {@code i, i + n, ...}. Emits a watermark with lag 0 whenever the event time
     * advances (at most one per millisecond). Cooperative, allocates nothing but the items.
     * Snapshots its next sequence per processor; the restored vertex needs the same parallelism.
     *
     * @param itemsPerSecond the target rate, at most 10<sup>9</sup>; {@code <= 0} or
     *                       {@link #UNLIMITED_RATE} for as fast as possible
     * @param mode           how items are time-stamped
     * @throws IllegalArgumentException for a rate above 10<sup>9</sup> other than {@link #UNLIMITED_RATE}
     */
    public static ProcessorSupplier generator(EventFactory<?> factory, long itemsPerSecond, EventTimeMode mode) {
        return generator(factory, itemsPerSecond, mode, -1);
    }

    /**
     * As {@link #generator(EventFactory, long, EventTimeMode)}, but emits the sequences
     * {@code 0 .. count - 1} only and then completes.
     *
     * @throws IllegalArgumentException also for a negative {@code count}
     */
    public static ProcessorSupplier boundedGenerator(EventFactory<?> factory, long itemsPerSecond, EventTimeMode mode, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("The item count of a bounded generator must not be negative, got " + count);
        }
        return generator(factory, itemsPerSecond, mode, count);
    }

    private static ProcessorSupplier generator(EventFactory<?> factory, long itemsPerSecond, EventTimeMode mode, long count) {
        requireNonNull(factory, "factory is null");
        requireNonNull(mode, "mode is null");
        GeneratorP.checkRate(itemsPerSecond);
        return () -> new GeneratorP(factory, itemsPerSecond, mode, count);
    }

    /**
     * A batch source of all entries of the {@code IMap} {@code mapName}, as {@code Map.Entry<K, V>};
     * see {@link #readMap(String, Predicate, FunctionEx)}.
     */
    public static <K, V> ProcessorSupplier readMap(String mapName) {
        return readMap(mapName, Predicates.<K, V>alwaysTrue(), FunctionEx.<Map.Entry<K, V>>identity());
    }

    /**
     * A batch source of {@code projectionFn(entry)} for each entry of the {@code IMap}
     * {@code mapName} that passes {@code predicate} (evaluated on the member holding the entry);
     * {@code null} projections are dropped. Processor {@code i} of {@code n} in the cluster reads
     * the Hazelcast partitions {@code p} with {@code p % n == i}. Non-cooperative (blocking reads).
     * Snapshots its read position per processor; the restored vertex needs the same parallelism.
     *
     * @throws IllegalArgumentException for a {@code null} or blank map name
     */
    public static <K, V, T> ProcessorSupplier readMap(String mapName, Predicate<K, V> predicate,
                                                      FunctionEx<? super Map.Entry<K, V>, ? extends T> projectionFn) {
        Checks.checkName(mapName, "The map name");
        requireNonNull(predicate, "predicate is null");
        requireNonNull(projectionFn, "projectionFn is null");
        return () -> new ReadMapP<>(mapName, predicate, projectionFn);
    }
}
