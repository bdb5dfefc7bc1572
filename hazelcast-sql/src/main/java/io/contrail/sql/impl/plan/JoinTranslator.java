package io.contrail.sql.impl.plan;

import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Vertex;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.Connector;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.connector.IMapRowCodec;
import io.contrail.sql.impl.expression.CompiledExpressions;
import io.contrail.sql.impl.processor.HashJoinP;
import io.contrail.sql.impl.processor.LookupJoinP;
import io.contrail.sql.impl.schema.MappingTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Turns a {@link Join} into DAG vertices for {@link DagBuilder}, picking one of two strategies:
 * <ul>
 *     <li><b>lookup join</b> ({@code lookup-join-<map>}): INNER and LEFT joins whose right side is
 *     an IMap mapping, read as is or through a filter and projection, and whose condition
 *     equates the mapping's whole-key column ({@code __key}) with an expression of the left side
 *     of the same type. Each left row looks its key up ({@link LookupJoinP}); the map is not
 *     scanned. The left side may be a stream.</li>
 *     <li><b>hash join</b> ({@code hash-join}, {@code nested-loop-join} without equality keys):
 *     every other INNER, LEFT, RIGHT and FULL join. One side, bounded, is built into a hash table
 *     that a broadcast edge of priority {@value #BUILD_PRIORITY} copies into every processor
 *     before the other side probes it ({@link HashJoinP}). The build side is the bounded one;
 *     with both bounded, the right for LEFT and FULL joins, the left for RIGHT joins, and for
 *     INNER joins the side Calcite estimates smaller (the right on a tie). A FULL join runs on
 *     one processor, which alone can tell which build rows found no partner.</li>
 * </ul>
 * Equality conjuncts between an expression of each side are the keys (both sides cast to a common
 * type when they differ); the other conjuncts are evaluated over the joined row.
 *
 * <p>Not thread-safe: part of one {@link DagBuilder}.
 */
final class JoinTranslator {

    /** The priority of build edges: lower than the probe edge's 0. */
    static final int BUILD_PRIORITY = -1;

    private final DagBuilder builder;

    JoinTranslator(DagBuilder builder) {
        this.builder = requireNonNull(builder, "builder is null");
    }

    /** Adds the vertices of {@code join} and its inputs; returns the stage of the joined rows. */
    Stage translate(Join join) {
        JoinRelType type = join.getJoinType();
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT
                && type != JoinRelType.FULL) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, type + " joins are not supported yet;"
                    + " write the query with INNER, LEFT, RIGHT or FULL JOIN");
        }
        Conditions conditions = Conditions.split(join, builder.rexBuilder());
        Stage lookup = lookupJoin(join, conditions);
        return lookup != null ? lookup : hashJoin(join, conditions);
    }

    /** The lookup join of {@code join}, or {@code null} if it does not qualify. */
    private Stage lookupJoin(Join join, Conditions conditions) {
        if (join.getJoinType() != JoinRelType.INNER && join.getJoinType() != JoinRelType.LEFT) {
            return null;
        }
        RelNode right = join.getRight();
        RexProgram program = right instanceof Calc calc ? calc.getProgram() : null;
        RelNode scanned = program != null ? ((Calc) right).getInput() : right;
        if (!(scanned instanceof TableScan scan)) {
            return null;
        }
        MappingTable table = scan.getTable().unwrap(MappingTable.class);
        if (table == null || Connector.byName(table.mapping().type()).orElse(null) != Connector.IMAP) {
            return null;
        }
        Mapping mapping = table.mapping();
        IMapRowCodec codec = IMapRowCodec.of(mapping);
        int keyColumn = codec.wholeKeyColumn();
        int pair = keyColumn < 0 ? -1 : conditions.pairOn(keyColumn, program);
        if (pair < 0) {
            return null;
        }
        RexBuilder rexBuilder = builder.rexBuilder();
        RelDataType scanType = scan.getRowType();
        CompiledExpressions rightCondition = null;
        CompiledExpressions rightProjection = null;
        if (program != null) {
            RexLocalRef condition = program.getCondition();
            rightCondition = condition == null ? null
                    : CompiledExpressions.of(rexBuilder, List.of(program.expandLocalRef(condition)), scanType);
            rightProjection = CompiledExpressions.of(rexBuilder,
                    program.getProjectList().stream().map(program::expandLocalRef).toList(), scanType);
        }
        Stage left = builder.visit(join.getLeft());
        LookupJoinP.Spec spec = new LookupJoinP.Spec(mapping.name(), codec,
                CompiledExpressions.of(rexBuilder, List.of(conditions.leftKeys.get(pair)), join.getLeft().getRowType()),
                rightCondition, rightProjection, conditions.remaining(pair, joinInputType(join), rexBuilder),
                join.getLeft().getRowType().getFieldCount(), join.getRight().getRowType().getFieldCount(),
                join.getJoinType() == JoinRelType.LEFT, LookupJoinP.DEFAULT_MAX_IN_FLIGHT);
        int parallelism = builder.parallelism();
        Vertex vertex = builder.vertex("lookup-join-" + mapping.name(),
                LookupJoinP.supplier(spec, builder.parameters()), parallelism);
        builder.dag().edge(Edge.between(left.vertex(), vertex));
        return new Stage(vertex, parallelism, left.unbounded());
    }

    private Stage hashJoin(Join join, Conditions conditions) {
        Stage left = builder.visit(join.getLeft());
        Stage right = builder.visit(join.getRight());
        JoinRelType type = join.getJoinType();
        boolean buildIsLeft = buildIsLeft(join, left, right);
        boolean probeOuter = buildIsLeft ? type.generatesNullsOnLeft() : type.generatesNullsOnRight();
        boolean buildOuter = buildIsLeft ? type.generatesNullsOnRight() : type.generatesNullsOnLeft();
        Stage build = buildIsLeft ? left : right;
        Stage probe = buildIsLeft ? right : left;
        if (buildOuter && probe.unbounded()) {
            throw new SqlException(SqlErrorCode.INVALID_STREAMING_QUERY, "A " + type + " join of a stream and a"
                    + " table never ends, so it could never emit the table rows that found no partner; join the"
                    + " table to the stream with INNER JOIN, or with the stream on the preserved side of a LEFT"
                    + " or RIGHT JOIN");
        }
        RexBuilder rexBuilder = builder.rexBuilder();
        RelNode buildRel = buildIsLeft ? join.getLeft() : join.getRight();
        RelNode probeRel = buildIsLeft ? join.getRight() : join.getLeft();
        boolean keyed = !conditions.leftKeys.isEmpty();
        List<RexNode> buildKeys = buildIsLeft ? conditions.leftKeys : conditions.rightKeys;
        List<RexNode> probeKeys = buildIsLeft ? conditions.rightKeys : conditions.leftKeys;
        HashJoinP.Spec spec = new HashJoinP.Spec(
                keyed ? CompiledExpressions.of(rexBuilder, buildKeys, buildRel.getRowType()) : null,
                keyed ? CompiledExpressions.of(rexBuilder, probeKeys, probeRel.getRowType()) : null,
                conditions.remaining(-1, joinInputType(join), rexBuilder),
                buildIsLeft, buildRel.getRowType().getFieldCount(), probeRel.getRowType().getFieldCount(),
                probeOuter, buildOuter);
        int parallelism = buildOuter ? 1 : builder.parallelism();
        Vertex vertex = builder.vertex(keyed ? "hash-join" : "nested-loop-join",
                HashJoinP.supplier(spec, builder.parameters()), parallelism);
        builder.dag().edge(Edge.from(build.vertex()).to(vertex, HashJoinP.BUILD_ORDINAL).broadcast()
                .priority(BUILD_PRIORITY));
        builder.dag().edge(Edge.from(probe.vertex()).to(vertex, HashJoinP.PROBE_ORDINAL));
        return new Stage(vertex, parallelism, probe.unbounded());
    }

    /** Which side to hold in memory: the bounded one, else as the class comment says. */
    private static boolean buildIsLeft(Join join, Stage left, Stage right) {
        if (left.unbounded() && right.unbounded()) {
            throw new SqlException(SqlErrorCode.INVALID_STREAMING_QUERY, "A join of two unbounded streams is not"
                    + " supported: one side of a join must be bounded (an IMap, generate_series, VALUES) so it can"
                    + " be held in memory, or the right side an IMap mapping looked up by its key (ON stream.x ="
                    + " map.key_column)");
        }
        if (left.unbounded() || right.unbounded()) {
            return right.unbounded();
        }
        return switch (join.getJoinType()) {
            case RIGHT -> true;
            case INNER -> {
                var metadata = join.getCluster().getMetadataQuery();
                Double leftRows = metadata.getRowCount(join.getLeft());
                Double rightRows = metadata.getRowCount(join.getRight());
                yield leftRows != null && rightRows != null && leftRows < rightRows;
            }
            default -> false;
        };
    }

    /** The row type the join's condition reads: the left columns, then the right ones, as typed in the inputs. */
    private static RelDataType joinInputType(Join join) {
        return SqlValidatorUtil.deriveJoinRowType(join.getLeft().getRowType(), join.getRight().getRowType(),
                JoinRelType.INNER, join.getCluster().getTypeFactory(), null, List.of());
    }

    /** A join condition split into equality keys and the rest; filled by {@link #split}, then read only. */
    private static final class Conditions {

        /** Per key, an expression over the left row. */
        final List<RexNode> leftKeys = new ArrayList<>();
        /** Per key, an expression over the right row, of the left key's type. */
        final List<RexNode> rightKeys = new ArrayList<>();
        /** Per key, the conjunct it came from, over the joined row. */
        final List<RexNode> keyConjuncts = new ArrayList<>();
        /** The other conjuncts, over the joined row. */
        final List<RexNode> rest = new ArrayList<>();

        static Conditions split(Join join, RexBuilder rexBuilder) {
            int leftWidth = join.getLeft().getRowType().getFieldCount();
            Conditions conditions = new Conditions();
            for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
                if (!conjunct.isA(SqlKind.EQUALS) || !conditions.addKey((RexCall) conjunct, leftWidth, rexBuilder)) {
                    conditions.rest.add(conjunct);
                }
            }
            return conditions;
        }

        /** Adds {@code a = b} as a key if one operand reads only the left side and the other only the right. */
        private boolean addKey(RexCall equals, int leftWidth, RexBuilder rexBuilder) {
            RexNode a = equals.getOperands().get(0);
            RexNode b = equals.getOperands().get(1);
            int sideA = side(a, leftWidth);
            int sideB = side(b, leftWidth);
            if (sideA * sideB != -1) {
                return false;
            }
            RexNode left = sideA < 0 ? a : b;
            RexNode right = RexUtil.shift(sideA < 0 ? b : a, -leftWidth);
            RelDataTypeFactory typeFactory = rexBuilder.getTypeFactory();
            if (!SqlTypeUtil.equalSansNullability(typeFactory, left.getType(), right.getType())) {
                RelDataType common = typeFactory.leastRestrictive(List.of(left.getType(), right.getType()));
                if (common == null) {
                    return false;
                }
                left = cast(rexBuilder, left, common);
                right = cast(rexBuilder, right, common);
            }
            leftKeys.add(left);
            rightKeys.add(right);
            keyConjuncts.add(equals);
            return true;
        }

        private static RexNode cast(RexBuilder rexBuilder, RexNode node, RelDataType type) {
            RelDataType nullable = rexBuilder.getTypeFactory()
                    .createTypeWithNullability(type, node.getType().isNullable());
            return SqlTypeUtil.equalSansNullability(rexBuilder.getTypeFactory(), node.getType(), type)
                    ? node : rexBuilder.makeCast(nullable, node);
        }

        /** -1: reads only left columns; 1: only right columns; 0: none or both. */
        private static int side(RexNode node, int leftWidth) {
            ImmutableBitSet bits = RelOptUtil.InputFinder.bits(node);
            if (bits.isEmpty()) {
                return 0;
            }
            if (bits.nextSetBit(leftWidth) < 0) {
                return -1;
            }
            return bits.nextSetBit(0) >= leftWidth ? 1 : 0;
        }

        /**
         * The key whose right side is the right input's column reading the scanned mapping's
         * column {@code scanColumn} (through {@code program} when there is one), typed as its left
         * side, or -1.
         */
        int pairOn(int scanColumn, RexProgram program) {
            for (int i = 0; i < rightKeys.size(); i++) {
                if (!(rightKeys.get(i) instanceof RexInputRef ref)
                        || !SqlTypeUtil.equalSansNullability(ref.getType(), leftKeys.get(i).getType())) {
                    continue;
                }
                int column = ref.getIndex();
                if (program != null) {
                    RexNode projected = program.expandLocalRef(program.getProjectList().get(column));
                    column = projected instanceof RexInputRef scanRef ? scanRef.getIndex() : -1;
                }
                if (column == scanColumn) {
                    return i;
                }
            }
            return -1;
        }

        /** The conjuncts other than key {@code exceptKey} (-1: all keys are used), compiled over the joined row. */
        CompiledExpressions remaining(int exceptKey, RelDataType joinInputType, RexBuilder rexBuilder) {
            List<RexNode> remaining = new ArrayList<>(rest);
            if (exceptKey >= 0) {
                for (int i = 0; i < keyConjuncts.size(); i++) {
                    if (i != exceptKey) {
                        remaining.add(keyConjuncts.get(i));
                    }
                }
            }
            if (remaining.isEmpty()) {
                return null;
            }
            return CompiledExpressions.of(rexBuilder, List.of(RexUtil.composeConjunction(rexBuilder, remaining)),
                    joinInputType);
        }
    }
}
