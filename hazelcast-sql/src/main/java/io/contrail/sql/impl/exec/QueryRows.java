package io.contrail.sql.impl.exec;

import io.contrail.jet.job.Job;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;
import io.contrail.sql.impl.processor.ResultQueue;
import io.contrail.sql.impl.type.SqlTypes;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static java.util.Objects.requireNonNull;

/**
 * The rows of a running SELECT, as the client iterates them: taken from the query's
 * {@link ResultQueue} (waiting while the query produces), converted to the values users see.
 * Ends when the job completes and the queue is drained, or when the LIMIT is reached (the job
 * is then cancelled); a failed job throws its error from {@link #hasNext()}.
 *
 * <p>Threading: the client's thread; {@link #close()} from any thread.
 */
final class QueryRows implements Iterator<SqlRow> {

    private final ResultQueue queue;
    private final Job job;
    private final SqlRowMetadata metadata;
    private final long limit;
    private long returned;
    private SqlRow next;
    private boolean done;

    /** @param limit the most rows to return, or {@code -1} */
    QueryRows(ResultQueue queue, Job job, SqlRowMetadata metadata, long limit) {
        this.queue = requireNonNull(queue, "queue is null");
        this.job = requireNonNull(job, "job is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        if (limit >= 0 && returned >= limit) {
            finish();
            return false;
        }
        Object[] row = queue.take(() -> job.getFuture().isDone());
        if (row == null) {
            finish();
            Jobs.throwIfFailed(job);
            return false;
        }
        List<Object> values = new ArrayList<>(row.length);
        for (int i = 0; i < row.length; i++) {
            values.add(SqlTypes.toExternal(row[i], metadata.columns().get(i).type()));
        }
        next = new SqlRow(metadata, values);
        returned++;
        return true;
    }

    @Override
    public SqlRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SqlRow row = next;
        next = null;
        return row;
    }

    /** Stops the query: drops its queue and cancels its job if it still runs. Idempotent. */
    void close() {
        finish();
    }

    private void finish() {
        done = true;
        queue.close();
        Jobs.cancelQuietly(job);
    }
}
