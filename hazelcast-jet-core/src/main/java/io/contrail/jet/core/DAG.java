package io.contrail.jet.core;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A job's directed acyclic graph: {@link Vertex vertices} connected by {@link Edge edges}.
 * {@link #validate()} checks the whole graph; job submission calls it.
 */
public final class DAG implements Serializable {

    private final Map<String, Vertex> vertices = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    /**
     * Adds a vertex.
     *
     * @throws IllegalArgumentException when the DAG already has a vertex of that name
     */
    public Vertex newVertex(String name, ProcessorSupplier processorSupplier) {
        Vertex vertex = new Vertex(name, processorSupplier);
        if (vertices.putIfAbsent(name, vertex) != null) {
            throw new IllegalArgumentException("The DAG already has a vertex named '" + name + "'; vertex names must be unique");
        }
        return vertex;
    }

    /** Adds an edge; {@link #validate()} checks that its ends exist. */
    public DAG edge(Edge edge) {
        requireNonNull(edge, "edge is null");
        if (edge.destName() == null) {
            throw new IllegalArgumentException("Edge from '" + edge.sourceName() + "' has no destination: call Edge.to()");
        }
        edges.add(edge);
        return this;
    }

    /** The vertex of that name, or {@code null}. */
    public Vertex vertex(String name) {
        return vertices.get(name);
    }

    /** The vertices in the order they were added. */
    public List<Vertex> vertices() {
        return List.copyOf(vertices.values());
    }

    /** All edges, in the order they were added. */
    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** The edges into the named vertex, ordered by destination ordinal. */
    public List<Edge> inboundEdges(String vertexName) {
        return edges.stream().filter(e -> e.destName().equals(vertexName))
                .sorted(Comparator.comparingInt(Edge::destOrdinal)).collect(Collectors.toList());
    }

    /** The edges out of the named vertex, ordered by source ordinal. */
    public List<Edge> outboundEdges(String vertexName) {
        return edges.stream().filter(e -> e.sourceName().equals(vertexName))
                .sorted(Comparator.comparingInt(Edge::sourceOrdinal)).collect(Collectors.toList());
    }

    /**
     * Checks that every edge connects known vertices, that each vertex's input and output
     * ordinals are 0..n-1 without gaps or repeats, and that the graph has no cycle.
     *
     * @return the vertices in topological order (every vertex after all its upstream vertices)
     * @throws IllegalArgumentException naming what is wrong
     */
    public List<Vertex> validate() {
        if (vertices.isEmpty()) {
            throw new IllegalArgumentException("The DAG has no vertices");
        }
        for (Edge edge : edges) {
            if (!vertices.containsKey(edge.sourceName())) {
                throw new IllegalArgumentException("Edge " + edge + " starts at unknown vertex '" + edge.sourceName() + "'");
            }
            if (!vertices.containsKey(edge.destName())) {
                throw new IllegalArgumentException("Edge " + edge + " ends at unknown vertex '" + edge.destName() + "'");
            }
            if (edge.sourceName().equals(edge.destName())) {
                throw new IllegalArgumentException("Edge " + edge + " is a self-loop: the DAG has a cycle through '" + edge.sourceName() + "'");
            }
        }
        for (String name : vertices.keySet()) {
            checkOrdinals(name, inboundEdges(name), Edge::destOrdinal, "input");
            checkOrdinals(name, outboundEdges(name), Edge::sourceOrdinal, "output");
        }
        return topologicalOrder();
    }

    private static void checkOrdinals(String vertex, List<Edge> edges, Function<Edge, Integer> ordinal, String kind) {
        for (int i = 0; i < edges.size(); i++) {
            int actual = ordinal.apply(edges.get(i));
            if (actual != i) {
                String problem = actual < i
                        ? "has two edges on " + kind + " ordinal " + actual + ": " + edges.get(i - 1) + " and " + edges.get(i)
                        : "has a gap in its " + kind + " ordinals: no edge on ordinal " + i + " (next is " + edges.get(i) + ")";
                throw new IllegalArgumentException("Vertex '" + vertex + "' " + problem);
            }
        }
    }

    /** Kahn's algorithm; whatever is left unvisited lies on a cycle. */
    private List<Vertex> topologicalOrder() {
        Map<String, Integer> inDegree = new HashMap<>();
        vertices.keySet().forEach(name -> inDegree.put(name, 0));
        edges.forEach(e -> inDegree.merge(e.destName(), 1, Integer::sum));
        Deque<String> ready = new ArrayDeque<>();
        inDegree.forEach((name, degree) -> {
            if (degree == 0) {
                ready.add(name);
            }
        });
        List<Vertex> order = new ArrayList<>(vertices.size());
        while (!ready.isEmpty()) {
            String name = ready.poll();
            order.add(vertices.get(name));
            for (Edge edge : edges) {
                if (edge.sourceName().equals(name) && inDegree.merge(edge.destName(), -1, Integer::sum) == 0) {
                    ready.add(edge.destName());
                }
            }
        }
        if (order.size() < vertices.size()) {
            List<String> onCycle = vertices.keySet().stream().filter(n -> inDegree.get(n) > 0).sorted().collect(Collectors.toList());
            throw new IllegalArgumentException("The DAG has a cycle through vertices " + onCycle);
        }
        return order;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DAG {\n");
        vertices.values().forEach(v -> sb.append("  ").append(v).append('\n'));
        edges.forEach(e -> sb.append("  ").append(e).append('\n'));
        return sb.append('}').toString();
    }
}
