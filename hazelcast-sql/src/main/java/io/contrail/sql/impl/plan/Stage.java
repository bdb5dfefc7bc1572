package io.contrail.sql.impl.plan;

import io.contrail.jet.core.Vertex;

import static java.util.Objects.requireNonNull;

/**
 * What {@link DagBuilder} knows of an operator once its vertices are in the DAG: the vertex whose
 * output carries the operator's rows, that vertex's local parallelism (an isolated edge needs
 * the same on both ends), and whether the rows never end.
 */
record Stage(Vertex vertex, int parallelism, boolean unbounded) {

    Stage {
        requireNonNull(vertex, "vertex is null");
    }
}
