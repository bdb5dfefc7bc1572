package io.contrail.sql.impl.catalog;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A mapping as the catalog stores it: a named source or sink of a connector type, its columns
 * and options. Immutable; validated by {@link MappingValidator} before it is built.
 *
 * @param type      the connector name, as in {@link Connector#getName()}
 * @param options   option keys and values, in the order written
 * @param createdBy the member that ran CREATE MAPPING (its Hazelcast member UUID)
 * @param createdAt when CREATE MAPPING ran
 */
public record Mapping(String name, String type, List<MappingColumn> columns, Map<String, String> options,
                      String createdBy, Instant createdAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Mapping {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        options = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(options, "options is null")));
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
        Set<String> names = new HashSet<>();
        for (MappingColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column " + column.name() + " appears twice");
            }
        }
    }
}
