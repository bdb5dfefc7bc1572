package io.contrail.sql.impl.plan;

import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.processor.AggregateProcessors;
import io.contrail.jet.processor.EventTimeMode;
import io.contrail.jet.processor.Processors;
import io.contrail.jet.processor.SourceProcessors;
import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlRowMetadata;
import io.contrail.sql.impl.aggregate.GroupKey;
import io.contrail.sql.impl.aggregate.RowAggregation;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.connector.SqlConnector;
import io.contrail.sql.impl.connector.SqlConnectors;
import io.contrail.sql.impl.expression.CompiledExpressions;
import io.contrail.sql.impl.expression.RowContext;
import io.contrail.sql.impl.expression.StatementParameters;
import io.contrail.sql.impl.processor.CalcP;
import io.contrail.sql.impl.processor.GlobalAggregateP;
import io.contrail.sql.impl.processor.LimitP;
import io.contrail.sql.impl.processor.ResultSinkP;
import io.contrail.sql.impl.processor.RowComparator;
import io.contrail.sql.impl.processor.RowsP;
import io.contrail.sql.impl.processor.SortP;
import io.contrail.sql.impl.schema.ContrailOperatorTable;
import io.contrail.sql.impl.schema.MappingTable;
import io.contrail.sql.impl.system.SystemTable;
import io.contrail.sql.impl.type.SqlTypes;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexProgram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Turns an optimized query plan into a DAG, one relational operator at a time, bottom up:
 * <ul>
 *     <li>sources: an IMap scan (one non-cooperative reader per thread, each reading its share
 *     of the partitions), a system table (one reader of the rows taken when the DAG is built), {@code generate_series} and {@code generate_stream} (one generator,
 *     so rows come in sequence order), {@code VALUES};</li>
 *     <li>{@code Calc} (filter plus projection) runs with its input's parallelism behind an
 *     isolated edge, which the engine fuses into the input's tasklet;</li>
 *     <li>an aggregation runs in two stages: each processor accumulates its own rows by group
 *     key, then one partial per group and processor crosses an edge partitioned by the key to
 *     the processor that combines and emits the group (all to one for no GROUP BY);</li>
 *     <li>ORDER BY and LIMIT run as one processor behind an all-to-one edge; UNION ALL merges
 *     its inputs into one vertex;</li>
 *     <li>joins ({@link JoinTranslator}): a lookup into an IMap by key, or a hash join whose
 *     bounded build side is broadcast to every probing processor;</li>
 *     <li>windows and event time ({@link WindowTranslator});</li>
 *     <li>a SELECT ends in the result sink, INSERT INTO / SINK INTO in the mapping's sink.</li>
 * </ul>
 *
 * <p>Not thread-safe: one builder per statement.
 */
public final class DagBuilder {

    private final PlannedQuery query;
    private final StatementParameters parameters;
    private final int parallelism;
    private final DAG dag = new DAG();
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private final WindowTranslator windows = new WindowTranslator(this);

    /** @param parallelism the local parallelism of parallel stages (the member's cooperative threads) */
    public DagBuilder(PlannedQuery query, StatementParameters parameters, int parallelism) {
        this.query = requireNonNull(query, "query is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        if (parallelism <= 0) {
            throw new IllegalArgumentException("parallelism must be positive, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /**
     * Builds the DAG of a SELECT, ending in the result sink of query {@code queryId}.
     *
     * @throws SqlException if the query cannot run, e.g. it sorts an unbounded stream
     */
    public DagPlan buildSelect(String queryId) {
        RelNode rel = query.rel();
        if (rel instanceof TableModify) {
            throw new IllegalArgumentException("not a SELECT: " + rel);
        }
        long limit = -1;
        RelNode top = rel;
        if (top instanceof Sort sort && sort.collation.getFieldCollations().isEmpty() && sort.offset == null
                && sort.fetch != null) {
            // a bare LIMIT: the client stops after that many rows; no vertex needed
            limit = longValue(sort.fetch, "LIMIT");
            top = sort.getInput();
        }
        Stage input = visit(top);
        Vertex sink = vertex("result", ResultSinkP.supplier(queryId), 1);
        dag.edge(Edge.between(input.vertex(), sink).allToOne());
        List<SqlColumnMetadata> columns = new ArrayList<>();
        for (RelDataTypeField field : rel.getRowType().getFieldList()) {
            columns.add(new SqlColumnMetadata(field.getName(), SqlTypes.toColumnType(field.getType())));
        }
        return new DagPlan(dag, input.unbounded(), new SqlRowMetadata(columns), sink.name(), limit);
    }

    /**
     * Builds the DAG of an INSERT INTO or SINK INTO, ending in the target mapping's sink.
     *
     * @throws SqlException if the target cannot be written
     */
    public DagPlan buildWrite() {
        if (!(query.rel() instanceof TableModify modify)) {
            throw new IllegalArgumentException("not a write: " + query.rel());
        }
        if (modify.getOperation() != TableModify.Operation.INSERT) {
            throw new SqlException(SqlErrorCode.INVALID_QUERY, modify.getOperation()
                    + " is not supported; write with INSERT INTO or SINK INTO");
        }
        Mapping mapping = requireNonNull(modify.getTable(), "table").unwrap(MappingTable.class).mapping();
        SqlConnector connector = SqlConnectors.of(mapping);
        Stage input = visit(modify.getInput());
        Vertex sink = vertex("sink-" + mapping.name(), connector.writer(mapping),
                connector.writerParallelism(mapping, parallelism));
        dag.edge(Edge.between(input.vertex(), sink));
        return new DagPlan(dag, input.unbounded(), null, sink.name(), -1);
    }

    /** Adds the vertices of {@code rel} and its inputs; returns the stage whose output is {@code rel}'s rows. */
    Stage visit(RelNode rel) {
        if (rel instanceof TableScan scan) {
            return scan(scan);
        }
        if (rel instanceof TableFunctionScan scan) {
            return tableFunction(scan);
        }
        if (rel instanceof Values values) {
            return values(values);
        }
        if (rel instanceof Calc calc) {
            RexProgram program = calc.getProgram();
            RexLocalRef condition = program.getCondition();
            List<RexNode> projects = program.getProjectList().stream().map(program::expandLocalRef).toList();
            return calc(visit(calc.getInput()), calc.getInput().getRowType(),
                    condition == null ? null : program.expandLocalRef(condition), projects);
        }
        if (rel instanceof Project project) {
            return calc(visit(project.getInput()), project.getInput().getRowType(), null, project.getProjects());
        }
        if (rel instanceof Filter filter) {
            return calc(visit(filter.getInput()), filter.getInput().getRowType(), filter.getCondition(), null);
        }
        if (rel instanceof Aggregate aggregate) {
            return aggregate(aggregate);
        }
        if (rel instanceof Sort sort) {
            return sort(sort);
        }
        if (rel instanceof Union union) {
            return union(union);
        }
        if (rel instanceof Join join) {
            return new JoinTranslator(this).translate(join);
        }
        throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "The query needs an operator that is not supported"
                + " yet: " + rel.getRelTypeName() + " (" + rel.explain().trim() + ")");
    }

    private Stage scan(TableScan scan) {
        SystemTable system = scan.getTable().unwrap(SystemTable.class);
        if (system != null) {
            // the rows as they are now, in the table's order: one reader
            return new Stage(vertex("scan-system." + system.name(), system.reader(), 1), 1, false);
        }
        Mapping mapping = requireNonNull(scan.getTable().unwrap(MappingTable.class), "not a mapping").mapping();
        SqlConnector connector = SqlConnectors.of(mapping);
        int readers = connector.readerParallelism(mapping, parallelism);
        return new Stage(vertex("scan-" + mapping.name(), connector.reader(mapping), readers), readers,
                connector.isUnbounded(mapping));
    }

    private Stage tableFunction(TableFunctionScan scan) {
        if (WindowTranslator.isWindowingFunction(scan)) {
            return windows.translate(scan);
        }
        RexCall call = (RexCall) scan.getCall();
        if (call.getOperator() == ContrailOperatorTable.GENERATE_SERIES) {
            long start = longValue(call.getOperands().get(0), "the start of generate_series");
            long stop = longValue(call.getOperands().get(1), "the stop of generate_series");
            long step = call.getOperands().size() > 2 ? longValue(call.getOperands().get(2), "the step of generate_series") : 1;
            if (step == 0) {
                throw new SqlException(SqlErrorCode.INVALID_QUERY, "The step of generate_series must not be 0");
            }
            long count = Math.max(0, Math.floorDiv(stop - start, step) + 1);
            ProcessorSupplier generator = SourceProcessors.boundedGenerator(
                    (sequence, timestamp) -> new Object[]{start + sequence * step},
                    SourceProcessors.UNLIMITED_RATE, EventTimeMode.NONE, count);
            return new Stage(vertex("generate_series", generator, 1), 1, false);
        }
        if (call.getOperator() == ContrailOperatorTable.GENERATE_STREAM) {
            long rate = longValue(call.getOperands().get(0), "the rate of generate_stream");
            if (rate <= 0) {
                throw new SqlException(SqlErrorCode.INVALID_QUERY,
                        "The rate of generate_stream must be a positive number of rows per second, got " + rate);
            }
            ProcessorSupplier generator = SourceProcessors.generator(
                    (sequence, timestamp) -> new Object[]{sequence}, rate, EventTimeMode.NONE);
            return new Stage(vertex("generate_stream", generator, 1), 1, true);
        }
        throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "Table function " + call.getOperator().getName()
                + " is not supported yet");
    }

    private Stage values(Values values) {
        RelDataType noColumns = values.getCluster().getTypeFactory().builder().build();
        RowContext context = new RowContext(parameters);
        List<Object[]> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
            // the generated code gives each literal the internal form of its column's type
            rows.add(CompiledExpressions.of(query.rexBuilder(), List.copyOf(tuple), noColumns).evaluate(context));
        }
        return new Stage(vertex("values", RowsP.supplier(rows), 1), 1, false);
    }

    private Stage calc(Stage input, RelDataType inputType, RexNode condition, List<RexNode> projects) {
        if ((projects != null && RexOver.containsOver(projects, null)) || (condition != null
                && RexOver.containsOver(condition))) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "Window functions (... OVER (...)) are not"
                    + " supported; aggregate with GROUP BY, or over time windows with TUMBLE or HOP");
        }
        CompiledExpressions compiledCondition = condition == null ? null
                : CompiledExpressions.of(query.rexBuilder(), List.of(condition), inputType);
        CompiledExpressions compiledProjection = projects == null ? null
                : CompiledExpressions.of(query.rexBuilder(), projects, inputType);
        Vertex calc = vertex("calc", CalcP.supplier(compiledCondition, compiledProjection, parameters), input.parallelism());
        dag.edge(Edge.between(input.vertex(), calc).isolated());
        return new Stage(calc, input.parallelism(), input.unbounded());
    }

    private Stage aggregate(Aggregate aggregate) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT,
                    "GROUPING SETS, ROLLUP and CUBE are not supported; use one GROUP BY per query and UNION ALL");
        }
        Stage windowed = windows.aggregate(aggregate);
        if (windowed != null) {
            return windowed;
        }
        Stage input = visit(aggregate.getInput());
        if (input.unbounded()) {
            throw new SqlException(SqlErrorCode.INVALID_STREAMING_QUERY, "An aggregation over an unbounded stream"
                    + " never ends; aggregate over windows instead: GROUP BY window_start, window_end over TABLE(TUMBLE("
                    + "...)) or TABLE(HOP(...)) of a stream with IMPOSE_ORDER");
        }
        int[] groupFields = aggregate.getGroupSet().toArray();
        RowAggregation aggregation = RowAggregation.of(aggregate.getAggCallList(), aggregate.getInput().getRowType());
        FunctionEx<Object[], GroupKey> keyFn = row -> GroupKey.of(row, groupFields);
        Vertex accumulate = vertex("accumulate", AggregateProcessors.accumulateByKey(keyFn, aggregation.operation()),
                input.parallelism());
        dag.edge(Edge.between(input.vertex(), accumulate).isolated());
        if (groupFields.length == 0) {
            Vertex combine = vertex("combine", GlobalAggregateP.supplier(aggregation), 1);
            dag.edge(Edge.between(accumulate, combine).allToOne());
            return new Stage(combine, 1, false);
        }
        Vertex combine = vertex("combine", AggregateProcessors.combineByKey(aggregation.operation(),
                (GroupKey key, Object[] results) -> groupRow(key, results), Long.MAX_VALUE), parallelism);
        dag.edge(Edge.between(accumulate, combine).partitioned(Map.Entry<GroupKey, Object>::getKey));
        return new Stage(combine, parallelism, false);
    }

    private static Object[] groupRow(GroupKey key, Object[] results) {
        Object[] row = new Object[key.size() + results.length];
        for (int i = 0; i < key.size(); i++) {
            row[i] = key.get(i);
        }
        System.arraycopy(results, 0, row, key.size(), results.length);
        return row;
    }

    private Stage sort(Sort sort) {
        Stage input = visit(sort.getInput());
        boolean ordered = !sort.collation.getFieldCollations().isEmpty();
        long offset = sort.offset == null ? 0 : longValue(sort.offset, "OFFSET");
        long fetch = sort.fetch == null ? -1 : longValue(sort.fetch, "LIMIT");
        if (offset < 0 || (sort.fetch != null && fetch < 0)) {
            throw new SqlException(SqlErrorCode.INVALID_QUERY, "OFFSET and LIMIT must not be negative");
        }
        if (ordered && input.unbounded()) {
            throw new SqlException(SqlErrorCode.INVALID_STREAMING_QUERY, "ORDER BY cannot sort an unbounded stream:"
                    + " it would wait forever for the last row; drop ORDER BY, or aggregate over windows and sort"
                    + " in the client");
        }
        ProcessorSupplier supplier = ordered
                ? SortP.supplier(RowComparator.of(sort.collation), offset, fetch)
                : LimitP.supplier(offset, fetch);
        Vertex vertex = vertex(ordered ? "sort" : "limit", supplier, 1);
        dag.edge(Edge.between(input.vertex(), vertex).allToOne());
        return new Stage(vertex, 1, input.unbounded());
    }

    private Stage union(Union union) {
        if (!union.all) {
            throw new IllegalStateException("UNION DISTINCT should have been rewritten: " + union);
        }
        Vertex merge = vertex("union", Processors.map(FunctionEx.identity()), parallelism);
        boolean unbounded = false;
        for (int i = 0; i < union.getInputs().size(); i++) {
            Stage input = visit(union.getInputs().get(i));
            unbounded |= input.unbounded();
            dag.edge(Edge.from(input.vertex()).to(merge, i));
        }
        return new Stage(merge, parallelism, unbounded);
    }

    /** The value of a constant or a parameter, such as a LIMIT or a table function's argument. */
    long longValue(RexNode node, String what) {
        Object value;
        if (node instanceof RexLiteral literal) {
            value = literal.getValueAs(Long.class);
        } else if (node instanceof RexDynamicParam param) {
            value = parameters.value(param.getIndex());
        } else {
            throw new SqlException(SqlErrorCode.INVALID_QUERY, what + " must be a constant or a parameter, not " + node);
        }
        if (value == null) {
            throw new SqlException(SqlErrorCode.INVALID_QUERY, what + " must not be NULL");
        }
        return ((Number) value).longValue();
    }

    /** Adds a vertex named after {@code kind}, made unique with a number when needed. */
    Vertex vertex(String kind, ProcessorSupplier supplier, int localParallelism) {
        int n = nameCounts.merge(kind, 1, Integer::sum);
        String name = n == 1 ? kind : kind + "-" + n;
        return dag.newVertex(name, supplier).localParallelism(localParallelism);
    }

    DAG dag() {
        return dag;
    }

    int parallelism() {
        return parallelism;
    }

    StatementParameters parameters() {
        return parameters;
    }

    RexBuilder rexBuilder() {
        return query.rexBuilder();
    }
}
