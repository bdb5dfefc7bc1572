package io.contrail.sql.impl.plan;

import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.RoutingPolicy;
import io.contrail.jet.core.Vertex;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingColumn;
import io.contrail.sql.impl.expression.StatementParameters;
import io.contrail.sql.impl.parse.SqlParsing;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which join strategy the planner picks, and the DAG it builds for it; nothing runs. */
class JoinTranslatorTest {

    private static final Map<String, Mapping> MAPPINGS = Map.of(
            "orders", imap("orders", "bigint", "json", List.of(
                    new MappingColumn("id", SqlColumnType.BIGINT, "__key"),
                    new MappingColumn("customer", SqlColumnType.BIGINT, "customer"),
                    new MappingColumn("code", SqlColumnType.INTEGER, "code"))),
            "customers", imap("customers", "bigint", "varchar", List.of(
                    new MappingColumn("id", SqlColumnType.BIGINT, "__key"),
                    new MappingColumn("name", SqlColumnType.VARCHAR, "this"))),
            "pairs", imap("pairs", "json", "varchar", List.of(
                    new MappingColumn("a", SqlColumnType.BIGINT, "__key.a"),
                    new MappingColumn("b", SqlColumnType.BIGINT, "__key.b"),
                    new MappingColumn("v", SqlColumnType.VARCHAR, "this"))));

    @Test
    void lookup_whenTheRightSideIsAnIMapJoinedOnItsKey() {
        DAG dag = dag("SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON o.customer = c.id AND c.name <> 'x'");
        assertThat(names(dag)).containsExactly("scan-orders", "lookup-join-customers", "calc", "result");
    }

    @Test
    void lookup_fromAStream() {
        DAG dag = dag("SELECT * FROM TABLE(generate_stream(10)) s JOIN customers c ON s.v = c.id");
        assertThat(names(dag)).containsExactly("generate_stream", "lookup-join-customers", "result");
    }

    @Test
    void lookup_whenTheLeftKeyIsCastToTheKeyColumnsType() {
        assertThat(names(dag("SELECT * FROM orders o JOIN customers c ON o.code = c.id")))
                .containsExactly("scan-orders", "calc", "lookup-join-customers", "calc-2", "result");
    }

    @Test
    void hashJoin_whenTheKeyIsNotTheWholeKeyOrTheJoinIsRight() {
        assertThat(names(dag("SELECT * FROM orders o JOIN pairs p ON o.id = p.a")))
                .contains("scan-pairs", "hash-join");
        DAG right = dag("SELECT * FROM orders o RIGHT JOIN customers c ON o.customer = c.id");
        assertThat(edge(right, "scan-orders", "hash-join").routingPolicy()).isEqualTo(RoutingPolicy.BROADCAST);
        assertThat(edge(right, "scan-orders", "hash-join").priority()).isEqualTo(JoinTranslator.BUILD_PRIORITY);
        assertThat(edge(right, "scan-customers", "hash-join").destOrdinal()).isEqualTo(1);
    }

    @Test
    void fullJoin_runsOnOneProcessor() {
        DAG dag = dag("SELECT * FROM orders o FULL JOIN customers c ON o.customer = c.id");
        assertThat(dag.vertex("hash-join").localParallelism()).isEqualTo(1);
    }

    @Test
    void streamOnBothSides_isRefused() {
        assertThatThrownBy(() -> dag("SELECT * FROM TABLE(generate_stream(1)) a, TABLE(generate_stream(1)) b"))
                .isInstanceOf(SqlException.class)
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode())
                        .isEqualTo(SqlErrorCode.INVALID_STREAMING_QUERY));
    }

    private static DAG dag(String sql) {
        PlannedQuery planned = new QueryPlanner(MAPPINGS).plan(SqlParsing.parse(sql));
        return new DagBuilder(planned, StatementParameters.none(), 4).buildSelect("q").dag();
    }

    private static List<String> names(DAG dag) {
        return dag.vertices().stream().map(Vertex::name).toList();
    }

    private static Edge edge(DAG dag, String from, String to) {
        return dag.edges().stream().filter(e -> e.sourceName().equals(from) && e.destName().equals(to))
                .findFirst().orElseThrow();
    }

    private static Mapping imap(String name, String keyFormat, String valueFormat, List<MappingColumn> columns) {
        return new Mapping(name, "IMap", columns, Map.of("keyFormat", keyFormat, "valueFormat", valueFormat),
                "test", Instant.EPOCH);
    }
}
