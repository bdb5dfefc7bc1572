package io.contrail.sql.impl.connector.file;

import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingColumn;

import java.io.Serializable;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What the file processors need of a File mapping: its name (for messages), options and
 * columns. Immutable and serializable: it travels inside the processor suppliers.
 */
record FileTable(String mappingName, FileOptions options, List<MappingColumn> columns) implements Serializable {

    private static final long serialVersionUID = 1L;

    FileTable {
        requireNonNull(mappingName, "mappingName is null");
        requireNonNull(options, "options is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    static FileTable of(Mapping mapping) {
        return new FileTable(mapping.name(), FileOptions.of(mapping.options()), mapping.columns());
    }
}
