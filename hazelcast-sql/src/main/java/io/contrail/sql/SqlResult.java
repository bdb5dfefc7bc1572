package io.contrail.sql;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link SqlService#execute}: either an update count (DDL such as CREATE MAPPING
 * gives 0, INSERT the rows written) or a row set (SELECT, SHOW MAPPINGS). Iterate a row set with
 * {@code for (SqlRow row : result)}; close the result when done (try-with-resources).
 *
 * <p>A row set may be <em>streaming</em>: rows arrive while the query runs, the iterator's
 * {@code hasNext()} blocks until the next row comes or the query ends, and a query over an
 * unbounded source never ends by itself. Closing the result cancels the query behind it (a
 * {@code hasNext()} blocked in another thread then returns {@code false}). A result whose query
 * keeps running after {@code execute} returned (a plain INSERT from a stream) also stops it when
 * closed. A query that fails while iterated throws {@link SqlException} from the iterator.
 *
 * <p>Threading: meant for one thread at a time, except {@link #close()}, which any thread may
 * call to cancel.
 */
public final class SqlResult implements AutoCloseable, Iterable<SqlRow> {

    private final SqlRowMetadata rowMetadata;
    private final Iterator<SqlRow> rows;
    private final long updateCount;
    private final Runnable onClose;
    private boolean iterated;
    private volatile boolean closed;

    private SqlResult(SqlRowMetadata rowMetadata, Iterator<SqlRow> rows, long updateCount, Runnable onClose) {
        this.rowMetadata = rowMetadata;
        this.rows = rows;
        this.updateCount = updateCount;
        this.onClose = onClose;
    }

    /** A result with no rows, only an update count (0 or more). */
    public static SqlResult ofUpdateCount(long updateCount) {
        return ofUpdateCount(updateCount, () -> { });
    }

    /**
     * A result with an update count whose statement may still run: {@code onClose} stops it.
     */
    public static SqlResult ofUpdateCount(long updateCount, Runnable onClose) {
        if (updateCount < 0) {
            throw new IllegalArgumentException("updateCount is negative: " + updateCount);
        }
        return new SqlResult(null, Collections.emptyIterator(), updateCount, requireNonNull(onClose, "onClose is null"));
    }

    /** A materialized row set; every row must have these metadata. */
    public static SqlResult ofRows(SqlRowMetadata metadata, List<SqlRow> rows) {
        requireNonNull(metadata, "metadata is null");
        List<SqlRow> copy = List.copyOf(requireNonNull(rows, "rows is null"));
        for (SqlRow row : copy) {
            if (!row.metadata().equals(metadata)) {
                throw new IllegalArgumentException("row " + row + " has other metadata than " + metadata);
            }
        }
        return new SqlResult(metadata, copy.iterator(), -1, () -> { });
    }

    /**
     * A streaming row set: rows come from {@code rows} (whose {@code hasNext()} may block), and
     * {@code onClose} cancels the query producing them; it must make a blocked {@code hasNext()}
     * return, and may be called more than once.
     */
    public static SqlResult ofStream(SqlRowMetadata metadata, Iterator<SqlRow> rows, Runnable onClose) {
        return new SqlResult(requireNonNull(metadata, "metadata is null"), requireNonNull(rows, "rows is null"), -1,
                requireNonNull(onClose, "onClose is null"));
    }

    /** Whether this result holds rows, as opposed to an update count. */
    public boolean isRowSet() {
        return rowMetadata != null;
    }

    /** The number of rows changed (0 for DDL); -1 for a row set. */
    public long updateCount() {
        return updateCount;
    }

    /**
     * The columns of the rows.
     *
     * @throws IllegalStateException if this result is no row set
     */
    public SqlRowMetadata getRowMetadata() {
        if (rowMetadata == null) {
            throw new IllegalStateException("This result has no rows, only an update count; check isRowSet() first");
        }
        return rowMetadata;
    }

    /**
     * The rows; empty for an update count. A result can be iterated once.
     *
     * @throws IllegalStateException if the result is closed or was iterated before
     */
    @Override
    public Iterator<SqlRow> iterator() {
        if (closed) {
            throw new IllegalStateException("The result is closed; iterate it before closing it");
        }
        if (iterated) {
            throw new IllegalStateException("The result was iterated already; a result gives its rows once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !closed && rows.hasNext();
            }

            @Override
            public SqlRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return rows.next();
            }
        };
    }

    /** Releases the result and cancels the query behind it, if it still runs; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
