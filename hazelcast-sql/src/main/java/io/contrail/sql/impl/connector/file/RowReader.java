package io.contrail.sql.impl.connector.file;

import io.contrail.sql.SqlException;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the rows of one file, in the file's order. Not thread-safe: one reader per file and
 * processor.
 */
interface RowReader extends Closeable {

    /**
     * The next row, one internal value per mapping column, or {@code null} after the last one.
     * May block on I/O.
     *
     * @throws SqlException with {@code DATA_CONVERSION_ERROR} naming the file, line and column
     *                      of a value that does not fit its column, or a malformed line
     */
    Object[] next() throws IOException;
}
