package io.contrail.sql.impl.plan;

import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.RoutingPolicy;
import io.contrail.jet.core.Vertex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DAG as text for EXPLAIN: each vertex with its local parallelism, then each edge with its
 * routing (and priority, when not the default), in the order they were added (sources first).
 */
public final class DagExplainer {

    private DagExplainer() {
    }

    public static List<String> explain(DAG dag) {
        List<String> lines = new ArrayList<>();
        lines.add("DAG:");
        for (Vertex vertex : dag.vertices()) {
            lines.add("  vertex " + vertex.name() + " (local parallelism " + vertex.localParallelism() + ")");
        }
        for (Edge edge : dag.edges()) {
            String ordinal = edge.destOrdinal() == 0 ? "" : " (input " + edge.destOrdinal() + ")";
            String priority = edge.priority() == 0 ? "" : ", priority " + edge.priority();
            lines.add("  edge " + edge.sourceName() + " -> " + edge.destName() + ordinal + ": "
                    + routing(edge.routingPolicy()) + priority);
        }
        return lines;
    }

    private static String routing(RoutingPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
