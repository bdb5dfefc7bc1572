package io.contrail.sql;

import java.util.Iterator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link SqlService#execute}: either an update count (DDL such as CREATE MAPPING
 * gives 0) or a row set (such as SHOW MAPPINGS). Iterate a row set with {@code for (SqlRow row :
 * result)}; close the result when done (try-with-resources). Row sets are materialized for now,
 * so closing releases nothing yet, but once closed a result gives no rows.
 *
 * <p>Threading: meant for one thread at a time.
 */
public final class SqlResult implements AutoCloseable, Iterable<SqlRow> {

    private final SqlRowMetadata rowMetadata;
    private final List<SqlRow> rows;
    private final long updateCount;
    private boolean closed;

    private SqlResult(SqlRowMetadata rowMetadata, List<SqlRow> rows, long updateCount) {
        this.rowMetadata = rowMetadata;
        this.rows = rows;
        this.updateCount = updateCount;
    }

    /** A result with no rows, only an update count (0 or more). */
    public static SqlResult ofUpdateCount(long updateCount) {
        if (updateCount < 0) {
            throw new IllegalArgumentException("updateCount is negative: " + updateCount);
        }
        return new SqlResult(null, List.of(), updateCount);
    }

    /** A row set; every row must have these metadata. */
    public static SqlResult ofRows(SqlRowMetadata metadata, List<SqlRow> rows) {
        requireNonNull(metadata, "metadata is null");
        List<SqlRow> copy = List.copyOf(requireNonNull(rows, "rows is null"));
        for (SqlRow row : copy) {
            if (!row.metadata().equals(metadata)) {
                throw new IllegalArgumentException("row " + row + " has other metadata than " + metadata);
            }
        }
        return new SqlResult(metadata, copy, -1);
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
     * The rows; empty for an update count.
     *
     * @throws IllegalStateException if the result is closed
     */
    @Override
    public Iterator<SqlRow> iterator() {
        if (closed) {
            throw new IllegalStateException("The result is closed; iterate it before closing it");
        }
        return rows.iterator();
    }

    /** Releases the result; idempotent. */
    @Override
    public void close() {
        closed = true;
    }
}
