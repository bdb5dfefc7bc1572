package io.contrail.sql.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Watermark;

import static java.util.Objects.requireNonNull;

/**
 * The sink of a SELECT: puts each row into the query's {@link ResultQueue}, for the client to
 * read. Runs as one processor (behind an all-to-one edge) on the member the client talks to.
 * A full queue is back-pressure: the row is offered again later. Watermarks are consumed.
 */
public final class ResultSinkP extends AbstractProcessor {

    private final String queryId;
    private ResultQueue queue;

    private ResultSinkP(String queryId) {
        this.queryId = queryId;
    }

    public static ProcessorSupplier supplier(String queryId) {
        requireNonNull(queryId, "queryId is null");
        return () -> new ResultSinkP(queryId);
    }

    @Override
    protected void init(Context context) {
        queue = ResultQueue.lookup(queryId);
        if (queue == null) {
            throw new IllegalStateException("The client of query " + queryId + " is gone");
        }
    }

    @Override
    protected boolean tryProcess(int ordinal, Object item) {
        return queue.offer((Object[]) item);
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        return true;
    }
}
