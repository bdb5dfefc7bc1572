package io.contrail.jet.impl.processor;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Named collections of this JVM that {@link WriteLocalCollectionP} writes into, so in-JVM tests
 * can read a job's output without serialization.
 *
 * <p>Threading: the registry itself is thread-safe; the registered collection must be too when
 * several processors write into it.
 */
public final class LocalCollectionRegistry {

    private static final ConcurrentHashMap<String, Collection<Object>> COLLECTIONS = new ConcurrentHashMap<>();

    private LocalCollectionRegistry() {
    }

    /** Registers {@code collection} under {@code name}; fails if the name is taken. */
    @SuppressWarnings("unchecked")
    public static void register(String name, Collection<?> collection) {
        requireNonNull(name, "name is null");
        requireNonNull(collection, "collection is null");
        if (COLLECTIONS.putIfAbsent(name, (Collection<Object>) collection) != null) {
            throw new IllegalStateException("A local collection named '" + name + "' is already registered");
        }
    }

    /** Removes the collection registered under {@code name}, if any; returns it or {@code null}. */
    public static Collection<?> unregister(String name) {
        return COLLECTIONS.remove(requireNonNull(name, "name is null"));
    }

    /** The collection registered under {@code name}; fails when there is none. */
    static Collection<Object> get(String name) {
        Collection<Object> collection = COLLECTIONS.get(name);
        if (collection == null) {
            throw new IllegalStateException("No local collection named '" + name
                    + "' is registered in this JVM: register one with SinkProcessors.registerLocalCollection()");
        }
        return collection;
    }
}
