package io.contrail.jet.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DAGTest {

    private static final ProcessorSupplier NOOP = () -> new AbstractProcessor() { };

    @Test
    void validate_returnsTopologicalOrder() {
        DAG dag = new DAG();
        Vertex sink = dag.newVertex("sink", NOOP);
        Vertex map = dag.newVertex("map", NOOP);
        Vertex source = dag.newVertex("source", NOOP);
        dag.edge(Edge.between(map, sink)).edge(Edge.between(source, map));

        List<Vertex> order = dag.validate();

        assertThat(order).extracting(Vertex::name).containsExactly("source", "map", "sink");
    }

    @Test
    void duplicateVertexName_isRejected() {
        DAG dag = new DAG();
        dag.newVertex("a", NOOP);
        assertThatThrownBy(() -> dag.newVertex("a", NOOP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has a vertex named 'a'");
    }

    @Test
    void cycle_isRejectedNamingItsVertices() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", NOOP);
        Vertex a = dag.newVertex("a", NOOP);
        Vertex b = dag.newVertex("b", NOOP);
        dag.edge(Edge.between(source, a))
                .edge(Edge.from(a).to(b))
                .edge(Edge.from(b).to(a, 1));

        assertThatThrownBy(dag::validate)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("[a, b]");
    }

    @Test
    void selfLoop_isRejected() {
        DAG dag = new DAG();
        Vertex a = dag.newVertex("a", NOOP);
        dag.edge(Edge.between(a, a));
        assertThatThrownBy(dag::validate).hasMessageContaining("self-loop");
    }

    @Test
    void gapInInputOrdinals_isRejected() {
        DAG dag = new DAG();
        Vertex a = dag.newVertex("a", NOOP);
        Vertex b = dag.newVertex("b", NOOP);
        dag.edge(Edge.from(a).to(b, 1));
        assertThatThrownBy(dag::validate)
                .hasMessageContaining("Vertex 'b' has a gap in its input ordinals: no edge on ordinal 0");
    }

    @Test
    void twoEdgesOnOneOutputOrdinal_areRejected() {
        DAG dag = new DAG();
        Vertex a = dag.newVertex("a", NOOP);
        Vertex b = dag.newVertex("b", NOOP);
        Vertex c = dag.newVertex("c", NOOP);
        dag.edge(Edge.between(a, b)).edge(Edge.between(a, c));
        assertThatThrownBy(dag::validate)
                .hasMessageContaining("Vertex 'a' has two edges on output ordinal 0");
    }

    @Test
    void edgeToUnknownVertex_isRejected() {
        DAG dag = new DAG();
        Vertex a = dag.newVertex("a", NOOP);
        Vertex stranger = new DAG().newVertex("stranger", NOOP);
        dag.edge(Edge.between(a, stranger));
        assertThatThrownBy(dag::validate).hasMessageContaining("ends at unknown vertex 'stranger'");
    }

    @Test
    void edgeWithoutDestination_isRejected() {
        DAG dag = new DAG();
        Vertex a = dag.newVertex("a", NOOP);
        assertThatThrownBy(() -> dag.edge(Edge.from(a))).hasMessageContaining("has no destination");
    }

    @Test
    void emptyDag_isRejected() {
        assertThatThrownBy(() -> new DAG().validate()).hasMessageContaining("no vertices");
    }

    @Test
    void invalidArguments_areRejected() {
        DAG dag = new DAG();
        Vertex a = dag.newVertex("a", NOOP);
        assertThatThrownBy(() -> a.localParallelism(0)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Edge.between(a, a).queueSize(0)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Edge.from(a, -1)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> dag.newVertex(" ", NOOP)).hasMessageContaining("must not be blank");
    }
}
