package io.contrail.sql.impl.aggregate;

import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.io.Serializable;
import java.util.List;

/**
 * The aggregate functions of one SQL {@code Aggregate} as an engine {@link AggregateOperation}
 * over rows: the accumulator is an array with one {@link SqlAccumulator} per function, the result
 * an array with one value per function, in the order of the calls.
 *
 * <p>Supported: {@code COUNT(*)}, {@code COUNT(x)}, {@code SUM}, {@code MIN}, {@code MAX},
 * {@code AVG}, each with {@code DISTINCT} and {@code FILTER (WHERE ...)}; and the planner's own
 * {@code SINGLE_VALUE} and {@code LITERAL_AGG}, which sub-queries turn into.
 */
public final class RowAggregation implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Function[] functions;

    private RowAggregation(Function[] functions) {
        this.functions = functions;
    }

    /**
     * The aggregation of {@code calls} over rows of {@code inputType}.
     *
     * @throws SqlException for a function other than the supported ones
     */
    public static RowAggregation of(List<AggregateCall> calls, RelDataType inputType) {
        Function[] functions = new Function[calls.size()];
        for (int i = 0; i < functions.length; i++) {
            functions[i] = function(calls.get(i), inputType);
        }
        return new RowAggregation(functions);
    }

    /** The engine operation: rows in, one result value per function out. */
    public AggregateOperation<Object[], SqlAccumulator[], Object[]> operation() {
        Function[] fns = functions;
        return AggregateOperation
                .withCreate(() -> create(fns))
                .<Object[]>andAccumulate((accumulators, row) -> accumulate(fns, accumulators, row))
                .andCombine(RowAggregation::combine)
                .andExport(RowAggregation::results);
    }

    /** The results over no rows at all: COUNT gives 0, the others NULL. */
    public Object[] emptyResult() {
        return results(create(functions));
    }

    private static SqlAccumulator[] create(Function[] functions) {
        SqlAccumulator[] accumulators = new SqlAccumulator[functions.length];
        for (int i = 0; i < functions.length; i++) {
            accumulators[i] = functions[i].newAccumulator();
        }
        return accumulators;
    }

    private static void accumulate(Function[] functions, SqlAccumulator[] accumulators, Object[] row) {
        for (int i = 0; i < functions.length; i++) {
            Function function = functions[i];
            if (function.filterArg >= 0 && !Boolean.TRUE.equals(row[function.filterArg])) {
                continue;
            }
            accumulators[i].accumulate(function.arg < 0 ? SqlAccumulator.ROW : row[function.arg]);
        }
    }

    private static void combine(SqlAccumulator[] left, SqlAccumulator[] right) {
        for (int i = 0; i < left.length; i++) {
            left[i].combine(right[i]);
        }
    }

    private static Object[] results(SqlAccumulator[] accumulators) {
        Object[] results = new Object[accumulators.length];
        for (int i = 0; i < accumulators.length; i++) {
            results[i] = accumulators[i].result();
        }
        return results;
    }

    private static Function function(AggregateCall call, RelDataType inputType) {
        List<Integer> args = call.getArgList();
        int arg = args.isEmpty() ? -1 : args.get(0);
        RelDataType resultType = call.getType();
        DistinctAccumulator.SerializableSupplier factory = switch (call.getAggregation().getKind()) {
            case COUNT -> {
                if (args.size() > 1) {
                    throw unsupported(call, "COUNT takes one argument or *");
                }
                yield CountAccumulator::new;
            }
            case SUM, SUM0 -> {
                SumAccumulator.Kind kind = resultType.getSqlTypeName() == SqlTypeName.DECIMAL ? SumAccumulator.Kind.DECIMAL
                        : SqlTypeUtil.isApproximateNumeric(resultType) ? SumAccumulator.Kind.DOUBLE : SumAccumulator.Kind.LONG;
                yield () -> new SumAccumulator(kind);
            }
            case SINGLE_VALUE -> SingleValueAccumulator::new;
            case LITERAL_AGG -> {
                Object literal = literalValue(call);
                yield () -> new LiteralAccumulator(literal);
            }
            case MIN -> () -> new MinMaxAccumulator(false);
            case MAX -> () -> new MinMaxAccumulator(true);
            case AVG -> {
                boolean exact = SqlTypeUtil.isExactNumeric(inputType.getFieldList().get(arg).getType());
                int scale = Math.max(resultType.getScale(), 0);
                yield () -> new AvgAccumulator(exact, scale);
            }
            default -> throw unsupported(call, "the supported aggregate functions are COUNT, SUM, MIN, MAX and AVG");
        };
        return new Function(arg, call.filterArg, call.isDistinct() && arg >= 0
                ? () -> new DistinctAccumulator(factory) : factory);
    }

    /** The constant of LITERAL_AGG, in internal form (a boolean or a number in practice). */
    private static Object literalValue(AggregateCall call) {
        RexLiteral literal = (RexLiteral) call.rexList.get(0);
        return literal.isNull() ? null : literal.getValueAs(Comparable.class);
    }

    private static SqlException unsupported(AggregateCall call, String what) {
        return new SqlException(SqlErrorCode.INVALID_QUERY, "Aggregate " + call + " is not supported: " + what);
    }

    /** One aggregate call: its argument column (-1 for *), FILTER column (-1 for none) and accumulator. */
    private record Function(int arg, int filterArg, DistinctAccumulator.SerializableSupplier factory)
            implements Serializable {

        SqlAccumulator newAccumulator() {
            return factory.get();
        }
    }
}
