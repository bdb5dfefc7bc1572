package io.contrail.sql.impl.catalog;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The mappings of the cluster, in the IMap {@value #MAP_NAME} (name to {@link Mapping}), so
 * that every member sees the same ones.
 *
 * <p>Threading: thread-safe; each operation is one atomic IMap operation.
 */
public final class MappingCatalog {

    /** The IMap holding the mappings. */
    public static final String MAP_NAME = "__contrail.sql.mappings";

    private final IMap<String, Mapping> map;

    public MappingCatalog(HazelcastInstance hazelcast) {
        this.map = requireNonNull(hazelcast, "hazelcast is null").getMap(MAP_NAME);
    }

    /**
     * Stores a mapping.
     *
     * @param replace     replace an existing mapping of that name (OR REPLACE)
     * @param ifNotExists keep an existing mapping of that name and do nothing (IF NOT EXISTS)
     * @throws SqlException {@link SqlErrorCode#MAPPING_ALREADY_EXISTS} if it exists and neither is set
     */
    public void create(Mapping mapping, boolean replace, boolean ifNotExists) {
        if (replace) {
            map.set(mapping.name(), mapping);
            return;
        }
        Mapping existing = map.putIfAbsent(mapping.name(), mapping);
        if (existing != null && !ifNotExists) {
            throw new SqlException(SqlErrorCode.MAPPING_ALREADY_EXISTS, "Mapping '" + mapping.name()
                    + "' already exists; use CREATE OR REPLACE MAPPING to replace it, or CREATE MAPPING"
                    + " IF NOT EXISTS to keep it");
        }
    }

    /**
     * Removes a mapping.
     *
     * @throws SqlException {@link SqlErrorCode#MAPPING_NOT_FOUND} if there is none and not ifExists
     */
    public void drop(String name, boolean ifExists) {
        if (map.remove(name) == null && !ifExists) {
            throw new SqlException(SqlErrorCode.MAPPING_NOT_FOUND, "Mapping '" + name
                    + "' does not exist (names are case-sensitive); SHOW MAPPINGS lists them, DROP MAPPING"
                    + " IF EXISTS ignores a missing one");
        }
    }

    public Optional<Mapping> get(String name) {
        return Optional.ofNullable(map.get(name));
    }

    /** The names of all mappings, sorted. */
    public List<String> names() {
        return map.keySet().stream().sorted().toList();
    }

    /** All mappings, by name. */
    public Map<String, Mapping> all() {
        return Map.copyOf(map);
    }
}
