package io.contrail.jet.job;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A point-in-time reading of a job's per-vertex counters.
 *
 * @param vertices one entry per vertex, in the DAG's topological order
 */
public record JobMetrics(List<VertexMetrics> vertices) implements Serializable {

    public JobMetrics {
        vertices = List.copyOf(requireNonNull(vertices, "vertices is null"));
    }

    /** The metrics of the named vertex. */
    public Optional<VertexMetrics> vertex(String name) {
        return vertices.stream().filter(v -> v.vertexName().equals(name)).findFirst();
    }

    /**
     * Counters of one vertex, summed over its processors on this member.
     *
     * @param vertexName         the vertex
     * @param itemsIn            items taken from input queues
     * @param itemsOut           items accepted by output queues (a broadcast item counts once per edge)
     * @param inputQueueFill     items waiting in the vertex's input queues now
     * @param inputQueueCapacity total capacity of those queues
     * @param watermark          the lowest coalesced watermark its processors have handled, or
     *                           {@code Long.MIN_VALUE} when none has arrived
     * @param watermarkLagMillis wall-clock time minus that watermark, or {@code -1} when none
     */
    public record VertexMetrics(String vertexName, long itemsIn, long itemsOut, long inputQueueFill,
                                long inputQueueCapacity, long watermark, long watermarkLagMillis) implements Serializable {
        public VertexMetrics {
            requireNonNull(vertexName, "vertexName is null");
        }
    }
}
