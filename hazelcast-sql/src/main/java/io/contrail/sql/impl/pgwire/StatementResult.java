package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlResult;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;

import java.util.Iterator;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one statement as the pgwire endpoint consumes it: an update count or rows that
 * may never end. The production form wraps a {@link SqlResult} ({@link #of(SqlResult)}); the
 * {@link CatalogInterceptor} makes materialized ones.
 *
 * <p>Threading: {@link #rows()} is iterated by the connection's session thread, and its
 * {@code hasNext()} may block until a row arrives. {@link #close()} may be called from any
 * thread, also while another thread is blocked in {@code hasNext()}: that is how a cancel
 * request stops a statement.
 */
public interface StatementResult extends AutoCloseable {

    /** The columns, or {@code null} for an update count. */
    SqlRowMetadata rowMetadata();

    /** Rows changed (0 for DDL), or -1 for a row set. */
    long updateCount();

    /** The rows, iterated once; empty for an update count. */
    Iterator<SqlRow> rows();

    /** Releases the result and cancels what produces its rows; idempotent, any thread. */
    @Override
    void close();

    /** The pgwire view of an engine result. */
    static StatementResult of(SqlResult result) {
        requireNonNull(result, "result is null");
        return new StatementResult() {
            @Override
            public SqlRowMetadata rowMetadata() {
                return result.isRowSet() ? result.getRowMetadata() : null;
            }

            @Override
            public long updateCount() {
                return result.updateCount();
            }

            @Override
            public Iterator<SqlRow> rows() {
                return result.iterator();
            }

            @Override
            public void close() {
                result.close();
            }
        };
    }
}
