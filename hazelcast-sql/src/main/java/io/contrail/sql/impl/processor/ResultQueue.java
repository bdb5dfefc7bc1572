package io.contrail.sql.impl.processor;

import org.jctools.queues.SpscArrayQueue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Hands the rows of a query from its {@link ResultSinkP} to the client thread that iterates the
 * result. Bounded: when the client reads slower than the query produces, {@link #offer} refuses
 * and the sink applies back-pressure to the DAG instead of buffering an endless stream.
 *
 * <p>Queues are registered by query id so that the sink, which only has the id, finds its queue
 * on the member that runs the query (the member the client talks to).
 *
 * <p>Threading: one producer (the sink processor's thread) and one consumer (the client's thread);
 * {@link #close()} from any thread.
 */
public final class ResultQueue {

    private static final ConcurrentHashMap<String, ResultQueue> REGISTRY = new ConcurrentHashMap<>();
    /** The first wait for a row; it doubles while none comes, up to {@link #MAX_PARK_NANOS}. */
    private static final long MIN_PARK_NANOS = 50_000;
    /** The longest wait: a row that arrives waits at most this long for the client. */
    private static final long MAX_PARK_NANOS = 5_000_000;

    private final String queryId;
    private final SpscArrayQueue<Object[]> rows;
    /** Set by the consumer; the producer then drops rows instead of queueing them. */
    private volatile boolean closed;

    private ResultQueue(String queryId, int capacity) {
        this.queryId = queryId;
        this.rows = new SpscArrayQueue<>(capacity);
    }

    /** Creates and registers the queue of a query. */
    public static ResultQueue register(String queryId, int capacity) {
        ResultQueue queue = new ResultQueue(requireNonNull(queryId, "queryId is null"), capacity);
        if (REGISTRY.putIfAbsent(queryId, queue) != null) {
            throw new IllegalStateException("query " + queryId + " already has a result queue");
        }
        return queue;
    }

    /** The registered queue of a query, or {@code null} if it was closed. */
    static ResultQueue lookup(String queryId) {
        return REGISTRY.get(queryId);
    }

    /** Producer: adds a row; {@code false} when full. A closed queue accepts and drops everything. */
    boolean offer(Object[] row) {
        return closed || rows.offer(row);
    }

    /**
     * Consumer: the next row, waiting until one comes or {@code done} reports that none will.
     *
     * @return the row, or {@code null} when {@code done} is true and the queue is empty, or the
     *         queue was closed
     */
    public Object[] take(BooleanSupplier done) {
        long parkNanos = MIN_PARK_NANOS;
        for (;;) {
            Object[] row = rows.poll();
            if (row != null) {
                return row;
            }
            if (closed) {
                return null;
            }
            // Read done before the re-check: rows offered before the producer finished are visible then.
            if (done.getAsBoolean()) {
                return rows.poll();
            }
            // An idle stream (a window that closes every minute) costs the client thread little.
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
        }
    }

    /** Unregisters the queue; the producer's later rows are dropped. Idempotent, any thread. */
    public void close() {
        closed = true;
        REGISTRY.remove(queryId, this);
    }
}
