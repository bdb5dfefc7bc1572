package io.contrail.sql.impl.plan;

import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.function.ToLongFunctionEx;
import io.contrail.jet.processor.AggregateProcessors;
import io.contrail.jet.window.KeyedFrame;
import io.contrail.jet.window.SlidingWindowDefinition;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.aggregate.GroupKey;
import io.contrail.sql.impl.aggregate.RowAggregation;
import io.contrail.sql.impl.expression.CompiledExpressions;
import io.contrail.sql.impl.processor.CalcP;
import io.contrail.sql.impl.processor.ImposeOrderP;
import io.contrail.sql.impl.processor.WindowColumnsP;
import io.contrail.sql.impl.schema.ContrailOperatorTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Event time and windows: {@code IMPOSE_ORDER}, {@code TUMBLE} and {@code HOP}, and aggregations
 * grouped by a window.
 *
 * <p>An aggregation whose input is a window function (directly or through one filter and
 * projection that passes {@code window_start}/{@code window_end} through unchanged) runs as the
 * engine's two-stage sliding-window aggregation: the first stage accumulates each processor's
 * rows per key and frame ({@code slide} long), one partial per key and frame crosses an edge
 * partitioned by key, and the second stage combines frames into windows and emits each window
 * once the watermark passes its end (or, for bounded input, at the end). The GROUP BY must
 * include {@code window_start} or {@code window_end}. An unbounded input needs
 * {@code IMPOSE_ORDER} for the watermarks.
 *
 * <p>A window function whose rows are not aggregated gets its window columns computed per row
 * ({@link WindowColumnsP}).
 */
final class WindowTranslator {

    private final DagBuilder builder;

    WindowTranslator(DagBuilder builder) {
        this.builder = builder;
    }

    /** Whether {@code rel} is a call of IMPOSE_ORDER, TUMBLE or HOP. */
    static boolean isWindowingFunction(TableFunctionScan scan) {
        RexCall call = (RexCall) scan.getCall();
        return call.getOperator() == ContrailOperatorTable.IMPOSE_ORDER || isWindow(scan);
    }

    /** The stage of IMPOSE_ORDER, or of TUMBLE/HOP with their window columns. */
    Stage translate(TableFunctionScan scan) {
        RexCall call = (RexCall) scan.getCall();
        RelNode inputRel = scan.getInputs().get(0);
        Stage input = builder.visit(inputRel);
        int timeColumn = timeColumn(call);
        if (call.getOperator() == ContrailOperatorTable.IMPOSE_ORDER) {
            long lag = intervalMillis(call, 0, "the lag of IMPOSE_ORDER");
            Vertex vertex = builder.vertex("impose-order", ImposeOrderP.supplier(timeColumn, lag), input.parallelism());
            builder.dag().edge(Edge.between(input.vertex(), vertex).isolated());
            return new Stage(vertex, input.parallelism(), input.unbounded());
        }
        checkOrdered(inputRel, input);
        Vertex vertex = builder.vertex(call.getOperator().getName().toLowerCase(Locale.ROOT),
                WindowColumnsP.supplier(timeColumn, window(call)), input.parallelism());
        builder.dag().edge(Edge.between(input.vertex(), vertex).isolated());
        return new Stage(vertex, input.parallelism(), input.unbounded());
    }

    /**
     * The stage of an aggregation over windows, or {@code null} when {@code aggregate} does not
     * aggregate the rows of a window function.
     */
    Stage aggregate(Aggregate aggregate) {
        RelNode input = aggregate.getInput();
        RexProgram program = null;
        if (input instanceof Calc calc) {
            program = calc.getProgram();
            input = calc.getInput();
        } else if (input instanceof Project || input instanceof Filter) {
            program = RexProgram.create(input.getInput(0).getRowType(), projects(input), condition(input),
                    input.getRowType(), builder.rexBuilder());
            input = input.getInput(0);
        }
        if (!(input instanceof TableFunctionScan scan) || !isWindow(scan)) {
            return null;
        }
        RexCall call = (RexCall) scan.getCall();
        RelNode source = scan.getInputs().get(0);
        int sourceColumns = source.getRowType().getFieldCount();
        int windowStart = sourceColumns;
        int windowEnd = sourceColumns + 1;
        SlidingWindowDefinition window = window(call);
        int timeColumn = timeColumn(call);

        // The rows entering the first stage: the projection's columns over the window function's
        // input, with NULL where a window column passes through, then the event time.
        List<RexNode> projects = program == null ? identity(scan.getRowType()) : expandedProjects(program);
        RexNode condition = program == null || program.getCondition() == null ? null
                : program.expandLocalRef(program.getCondition());
        int[] windowRole = new int[projects.size()];
        List<RexNode> firstStage = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            RexNode project = projects.get(i);
            if (project instanceof RexInputRef ref && (ref.getIndex() == windowStart || ref.getIndex() == windowEnd)) {
                windowRole[i] = ref.getIndex() == windowStart ? 1 : 2;
                firstStage.add(builder.rexBuilder().makeNullLiteral(project.getType()));
            } else if (usesWindowColumns(project, windowStart)) {
                throw unsupported("an expression of window_start or window_end before the aggregation ("
                        + project + "); group by the window columns themselves and compute in the SELECT list");
            } else {
                firstStage.add(project);
            }
        }
        if (condition != null && usesWindowColumns(condition, windowStart)) {
            throw unsupported("a filter on window_start or window_end before the aggregation; filter after it,"
                    + " in HAVING or an outer query");
        }
        int timeIndex = firstStage.size();
        firstStage.add(RexInputRef.of(timeColumn, source.getRowType()));

        int[] groupFields = aggregate.getGroupSet().toArray();
        List<Integer> keyFields = new ArrayList<>();
        boolean groupedByWindow = false;
        for (int field : groupFields) {
            if (windowRole[field] != 0) {
                groupedByWindow = true;
            } else {
                keyFields.add(field);
            }
        }
        if (!groupedByWindow) {
            return null;
        }
        for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
            for (int arg : aggregateCall.getArgList()) {
                if (windowRole[arg] != 0) {
                    throw unsupported("an aggregate of window_start or window_end (" + aggregateCall + ")");
                }
            }
        }

        Stage sourceStage = builder.visit(source);
        checkOrdered(source, sourceStage);
        RelDataType sourceType = source.getRowType();
        CompiledExpressions compiledCondition = condition == null ? null
                : CompiledExpressions.of(builder.rexBuilder(), List.of(condition), sourceType);
        CompiledExpressions compiledProjection = CompiledExpressions.of(builder.rexBuilder(), firstStage, sourceType);
        Vertex calc = builder.vertex("calc", CalcP.supplier(compiledCondition, compiledProjection,
                builder.parameters()), sourceStage.parallelism());
        builder.dag().edge(Edge.between(sourceStage.vertex(), calc).isolated());

        RelDataType aggregatedType = program == null ? scan.getRowType() : program.getOutputRowType();
        RowAggregation aggregation = RowAggregation.of(aggregate.getAggCallList(), aggregatedType);
        int[] keys = keyFields.stream().mapToInt(Integer::intValue).toArray();
        FunctionEx<Object[], GroupKey> keyFn = row -> GroupKey.of(row, keys);
        ToLongFunctionEx<Object[]> timestampFn = row -> (Long) row[timeIndex];
        Vertex accumulate = builder.vertex("accumulate-frames", AggregateProcessors.accumulateByFrame(
                keyFn, timestampFn, window, aggregation.operation()), sourceStage.parallelism());
        builder.dag().edge(Edge.between(calc, accumulate).isolated());

        int[] roles = new int[groupFields.length];
        for (int i = 0; i < groupFields.length; i++) {
            roles[i] = windowRole[groupFields[i]];
        }
        Vertex combine = builder.vertex("combine-windows", AggregateProcessors.combineToSlidingWindow(window,
                aggregation.operation(), (long start, long end, GroupKey key, Object[] results)
                        -> windowRow(roles, start, end, key, results), 0, Long.MAX_VALUE), builder.parallelism());
        builder.dag().edge(Edge.between(accumulate, combine).partitioned(KeyedFrame<GroupKey, Object>::key));
        return new Stage(combine, builder.parallelism(), sourceStage.unbounded());
    }

    /** The aggregate's row: the group columns in GROUP BY order (window ones from the window), then results. */
    private static Object[] windowRow(int[] roles, long start, long end, GroupKey key, Object[] results) {
        Object[] row = new Object[roles.length + results.length];
        int k = 0;
        for (int i = 0; i < roles.length; i++) {
            row[i] = switch (roles[i]) {
                case 1 -> start;
                case 2 -> end;
                default -> key.get(k++);
            };
        }
        System.arraycopy(results, 0, row, roles.length, results.length);
        return row;
    }

    private static void checkOrdered(RelNode inputRel, Stage input) {
        if (input.unbounded() && !hasImposedOrder(inputRel)) {
            throw new SqlException(SqlErrorCode.INVALID_STREAMING_QUERY, "Windows over a stream need event time:"
                    + " wrap the stream in IMPOSE_ORDER, as in TUMBLE((SELECT * FROM TABLE(IMPOSE_ORDER("
                    + "(SELECT ...), DESCRIPTOR(ts), INTERVAL '1' SECOND))), DESCRIPTOR(ts), INTERVAL '10' SECOND)");
        }
    }

    /** Whether rows reach {@code rel} from an IMPOSE_ORDER through filters and projections only. */
    private static boolean hasImposedOrder(RelNode rel) {
        for (RelNode node = rel; ; node = node.getInput(0)) {
            if (node instanceof TableFunctionScan scan) {
                return ((RexCall) scan.getCall()).getOperator() == ContrailOperatorTable.IMPOSE_ORDER;
            }
            if (!(node instanceof Calc || node instanceof Project || node instanceof Filter)) {
                return false;
            }
        }
    }

    private static boolean isWindow(TableFunctionScan scan) {
        SqlOperator operator = ((RexCall) scan.getCall()).getOperator();
        return operator == SqlStdOperatorTable.TUMBLE || operator == SqlStdOperatorTable.HOP;
    }

    private static boolean isTumble(RexCall call) {
        return call.getOperator() == SqlStdOperatorTable.TUMBLE;
    }

    private SlidingWindowDefinition window(RexCall call) {
        String function = call.getOperator().getName();
        long size;
        long slide;
        int intervals = intervalCount(call);
        if (isTumble(call)) {
            if (intervals > 1) {
                throw unsupported("the offset argument of TUMBLE");
            }
            size = intervalMillis(call, 0, "the size of TUMBLE");
            slide = size;
        } else {
            if (intervals > 2) {
                throw unsupported("the offset argument of HOP");
            }
            slide = intervalMillis(call, 0, "the slide of HOP");
            size = intervalMillis(call, 1, "the size of HOP");
        }
        if (size <= 0 || slide <= 0) {
            throw new SqlException(SqlErrorCode.INVALID_QUERY, "The intervals of " + function + " must be positive");
        }
        if (size % slide != 0) {
            throw new SqlException(SqlErrorCode.INVALID_QUERY, "The size of HOP (" + size + " ms) must be a multiple"
                    + " of its slide (" + slide + " ms): HOP(data, DESCRIPTOR(ts), slide, size)");
        }
        return new SlidingWindowDefinition(size, slide);
    }

    /** The column index in DESCRIPTOR(...). */
    private static int timeColumn(RexCall call) {
        for (RexNode operand : call.getOperands()) {
            if (operand.getKind() == SqlKind.DESCRIPTOR) {
                return ((RexInputRef) ((RexCall) operand).getOperands().get(0)).getIndex();
            }
        }
        throw new IllegalStateException("no DESCRIPTOR in " + call);
    }

    private static int intervalCount(RexCall call) {
        return (int) call.getOperands().stream().filter(o -> o.getKind() != SqlKind.DESCRIPTOR).count();
    }

    /** The {@code index}-th interval argument (after the descriptor), in milliseconds. */
    private long intervalMillis(RexCall call, int index, String what) {
        RexNode node = call.getOperands().stream().filter(o -> o.getKind() != SqlKind.DESCRIPTOR)
                .skip(index).findFirst().orElseThrow();
        if (node instanceof RexLiteral literal && literal.getValue() instanceof BigDecimal millis) {
            return millis.longValueExact();
        }
        throw new SqlException(SqlErrorCode.INVALID_QUERY, what + " must be a constant INTERVAL, not " + node);
    }

    private static boolean usesWindowColumns(RexNode node, int windowStart) {
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(node);
        return used.get(windowStart) || used.get(windowStart + 1);
    }

    private List<RexNode> identity(RelDataType type) {
        return builder.rexBuilder().identityProjects(type);
    }

    private static List<RexNode> expandedProjects(RexProgram program) {
        return program.getProjectList().stream().map(program::expandLocalRef).toList();
    }

    private List<RexNode> projects(RelNode rel) {
        return rel instanceof Project project ? project.getProjects() : identity(rel.getRowType());
    }

    private static RexNode condition(RelNode rel) {
        return rel instanceof Filter filter ? filter.getCondition() : null;
    }

    private static SqlException unsupported(String what) {
        return new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "Windowed aggregation does not support " + what);
    }
}
