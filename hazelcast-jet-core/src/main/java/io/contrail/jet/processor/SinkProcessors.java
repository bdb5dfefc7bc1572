package io.contrail.jet.processor;

import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.function.BiFunctionEx;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.impl.processor.LocalCollectionRegistry;
import io.contrail.jet.impl.processor.UpdateMapP;
import io.contrail.jet.impl.processor.WriteListP;
import io.contrail.jet.impl.processor.WriteLocalCollectionP;
import io.contrail.jet.impl.processor.WriteLoggerP;
import io.contrail.jet.impl.processor.WriteMapP;

import java.util.Collection;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Factories of sink processors: vertices that consume items of any input ordinal, emit nothing
 * and drop watermarks. Each returns a {@link ProcessorSupplier} for
 * {@link io.contrail.jet.core.DAG#newVertex}; arguments are checked here, when the DAG is built.
 */
public final class SinkProcessors {

    private SinkProcessors() {
    }

    /**
     * A sink that puts {@code Map.Entry<K, V>} items into the {@code IMap} {@code mapName}; see
     * {@link #writeMap(String, FunctionEx, FunctionEx)}.
     */
    public static <K, V> ProcessorSupplier writeMap(String mapName) {
        return writeMap(mapName, Map.Entry<K, V>::getKey, Map.Entry<K, V>::getValue);
    }

    /**
     * A sink that puts {@code keyFn(item) -> valueFn(item)} into the {@code IMap} {@code mapName},
     * in batches with {@code setAllAsync}; neither may return {@code null}. Non-cooperative. With
     * {@code EXACTLY_ONCE} it commits in two phases: the map receives what a snapshot covers once
     * that snapshot is complete, so a restart neither loses nor duplicates a write. Otherwise it
     * writes at once, and replays after a restore put the same values again.
     *
     * @throws IllegalArgumentException for a {@code null} or blank map name
     */
    public static <T, K, V> ProcessorSupplier writeMap(String mapName, FunctionEx<? super T, ? extends K> keyFn,
                                                       FunctionEx<? super T, ? extends V> valueFn) {
        Checks.checkName(mapName, "The map name");
        requireNonNull(keyFn, "keyFn is null");
        requireNonNull(valueFn, "valueFn is null");
        return () -> new WriteMapP<>(mapName, keyFn, valueFn);
    }

    /**
     * A sink that sets the entry {@code keyFn(item)} of the {@code IMap} {@code mapName} to
     * {@code updateFn(oldValue, item)} ({@code oldValue} is {@code null} when absent; a {@code null}
     * result removes the entry). Atomic per key, through entry processors, so several processors
     * and jobs may update the same map, for example with running counts:
     * <pre>{@code
     * SinkProcessors.<String, String, Long>updateMap("counts", word -> word, (n, word) -> n == null ? 1L : n + 1)
     * }</pre>
     * {@code updateFn} runs on the members (also on backups), so it must be deterministic.
     * Non-cooperative. Saves no state; a snapshot waits until all earlier items are applied.
     * Updates after the last snapshot are applied again after a restore (at-least-once).
     *
     * @throws IllegalArgumentException for a {@code null} or blank map name
     */
    public static <T, K, V> ProcessorSupplier updateMap(String mapName, FunctionEx<? super T, ? extends K> keyFn,
                                                        BiFunctionEx<? super V, ? super T, ? extends V> updateFn) {
        Checks.checkName(mapName, "The map name");
        requireNonNull(keyFn, "keyFn is null");
        requireNonNull(updateFn, "updateFn is null");
        return () -> new UpdateMapP<>(mapName, keyFn, updateFn);
    }

    /**
     * A sink for tests that appends every item to the Hazelcast {@code IList} {@code listName}, so
     * a test reads the results from any member or client. Items must be serializable. Non-cooperative;
     * saves no state (at-least-once after a restore).
     *
     * @throws IllegalArgumentException for a {@code null} or blank list name
     */
    public static ProcessorSupplier writeList(String listName) {
        Checks.checkName(listName, "The list name");
        return () -> new WriteListP(listName);
    }

    /**
     * A sink for in-JVM tests that adds every item, unserialized, to the collection registered
     * under {@code name} with {@link #registerLocalCollection}. The job must run in the JVM that
     * registered it; the collection must be thread-safe when the vertex has several processors.
     * Cooperative; saves no state (at-least-once after a restore).
     *
     * @throws IllegalArgumentException for a {@code null} or blank name
     */
    public static ProcessorSupplier writeLocalCollection(String name) {
        Checks.checkName(name, "The collection name");
        return () -> new WriteLocalCollectionP(name);
    }

    /**
     * Registers {@code collection} in this JVM under {@code name} for
     * {@link #writeLocalCollection}, for example a {@code ConcurrentLinkedQueue} or a
     * {@code Collections.synchronizedList}.
     *
     * @throws IllegalArgumentException for a {@code null} or blank name
     * @throws IllegalStateException    when the name is already registered
     */
    public static void registerLocalCollection(String name, Collection<?> collection) {
        LocalCollectionRegistry.register(Checks.checkName(name, "The collection name"), requireNonNull(collection, "collection is null"));
    }

    /** Removes the registration of {@code name}, if any, and returns its collection or {@code null}. */
    public static Collection<?> unregisterLocalCollection(String name) {
        return LocalCollectionRegistry.unregister(Checks.checkName(name, "The collection name"));
    }

    /** A sink that logs each item's {@code toString()} at INFO; see {@link #writeLogger(FunctionEx)}. */
    public static ProcessorSupplier writeLogger() {
        return writeLogger(String::valueOf);
    }

    /**
     * A sink that logs {@code toStringFn(item)} at INFO (and watermarks at DEBUG) with the
     * processor's logger, named after the vertex and processor index. Cooperative; saves no state.
     */
    public static <T> ProcessorSupplier writeLogger(FunctionEx<? super T, ?> toStringFn) {
        requireNonNull(toStringFn, "toStringFn is null");
        return () -> new WriteLoggerP<>(toStringFn);
    }
}
