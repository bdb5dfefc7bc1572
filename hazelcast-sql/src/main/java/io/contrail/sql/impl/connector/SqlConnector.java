package io.contrail.sql.impl.connector;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingColumn;

import java.util.List;
import java.util.Map;

/**
 * The SQL side of a connector type: how a mapping of that type is checked, read and written.
 * Rows are {@code Object[]} with one internal value ({@link io.contrail.sql.impl.type.SqlTypes})
 * per mapping column, in the mapping's column order.
 *
 * <p>Implementations are stateless singletons, found with {@link SqlConnectors#of}.
 */
public interface SqlConnector {

    /**
     * Checks what the catalog's generic checks cannot: that the columns fit the options
     * (external names, formats). Called by CREATE MAPPING before the mapping is stored.
     *
     * @throws SqlException naming what is wrong and what would be valid
     */
    void validate(Mapping mapping);

    /**
     * The columns of a mapping that CREATE MAPPING declares without a column list, inferred
     * from a sample of the data (a file, an entry). Called by CREATE MAPPING on the member that
     * runs it, after the options were checked; may block for I/O.
     *
     * @param options the mapping's options, valid for the connector
     * @return the columns, never empty
     * @throws SqlException with {@code NO_COLUMNS} when there is nothing to infer from, saying
     *                      how to list the columns instead
     */
    List<MappingColumn> inferColumns(String mappingName, Map<String, String> options, HazelcastInstance hz);

    /** A batch or stream source of the mapping's rows. */
    ProcessorSupplier reader(Mapping mapping);

    /** Whether {@link #reader} never completes; by default it completes. */
    default boolean isUnbounded(Mapping mapping) {
        return false;
    }

    /**
     * The local parallelism of the reader; by default one reader per cooperative thread.
     *
     * @param defaultParallelism the member's cooperative thread count
     */
    default int readerParallelism(Mapping mapping, int defaultParallelism) {
        return defaultParallelism;
    }

    /**
     * A sink that writes rows to the mapping (INSERT INTO and SINK INTO).
     *
     * @throws SqlException if the mapping cannot be written
     */
    ProcessorSupplier writer(Mapping mapping);

    /** The local parallelism of the writer; by default one writer per cooperative thread. */
    default int writerParallelism(Mapping mapping, int defaultParallelism) {
        return defaultParallelism;
    }
}
