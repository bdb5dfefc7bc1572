package io.contrail.sql.impl.connector.file;

import java.io.Closeable;
import java.io.IOException;

/** Writes rows into one file, in the order given. Not thread-safe: one writer per file. */
interface RowWriter extends Closeable {

    /** Writes a row of internal values, one per mapping column. May block on I/O. */
    void write(Object[] row) throws IOException;
}
