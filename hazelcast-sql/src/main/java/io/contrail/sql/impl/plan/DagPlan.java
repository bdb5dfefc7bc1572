package io.contrail.sql.impl.plan;

import io.contrail.jet.core.DAG;
import io.contrail.sql.SqlRowMetadata;

import static java.util.Objects.requireNonNull;

/**
 * The DAG of a query, ready to submit.
 *
 * @param dag          the DAG
 * @param unbounded    whether a source never ends (the query runs until cancelled or its LIMIT)
 * @param rowMetadata  the columns of the rows a SELECT returns; {@code null} for a write
 * @param sinkVertex   the name of the vertex whose input count is the number of rows written
 *                     (INSERT INTO, SINK INTO), or the result vertex of a SELECT
 * @param limit        the most rows a SELECT returns, or {@code -1}; the client stops reading
 *                     (and cancels the query) once it has them
 */
public record DagPlan(DAG dag, boolean unbounded, SqlRowMetadata rowMetadata, String sinkVertex, long limit) {

    public DagPlan {
        requireNonNull(dag, "dag is null");
        requireNonNull(sinkVertex, "sinkVertex is null");
    }
}
