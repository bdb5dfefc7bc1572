package io.contrail.sql.impl.connector;

import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.Mapping;

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

    /** A batch or stream source of the mapping's rows. */
    ProcessorSupplier reader(Mapping mapping);

    /** Whether {@link #reader} never completes. */
    boolean isUnbounded(Mapping mapping);

    /**
     * The local parallelism of the reader.
     *
     * @param defaultParallelism the member's cooperative thread count
     */
    int readerParallelism(Mapping mapping, int defaultParallelism);

    /**
     * A sink that writes rows to the mapping (INSERT INTO and SINK INTO).
     *
     * @throws SqlException if the mapping cannot be written
     */
    ProcessorSupplier writer(Mapping mapping);

    /** The local parallelism of the writer. */
    int writerParallelism(Mapping mapping, int defaultParallelism);
}
