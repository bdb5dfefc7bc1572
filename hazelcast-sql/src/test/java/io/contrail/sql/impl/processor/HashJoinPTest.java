package io.contrail.sql.impl.processor;

import io.contrail.jet.core.test.TestSupport;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.expression.CompiledExpressions;
import io.contrail.sql.impl.expression.StatementParameters;
import io.contrail.sql.impl.plan.ContrailTypeSystem;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link HashJoinP} through the processor drill: 1-slot outbox, snapshot and restore after every item. */
class HashJoinPTest {

    private static final JavaTypeFactoryImpl TYPES = new JavaTypeFactoryImpl(ContrailTypeSystem.INSTANCE);
    private static final RexBuilder REX = new RexBuilder(TYPES);
    /** Rows (k INTEGER, s VARCHAR), both sides. */
    private static final RelDataType ROW = TYPES.builder()
            .add("k", TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.INTEGER), true))
            .add("s", TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.VARCHAR), true))
            .build();
    private static final RelDataType JOINED = TYPES.builder().addAll(ROW.getFieldList())
            .add("k0", ROW.getFieldList().get(0).getType()).add("s0", ROW.getFieldList().get(1).getType()).build();
    private static final CompiledExpressions KEY =
            CompiledExpressions.of(REX, List.of(REX.makeInputRef(ROW, 0)), ROW);

    private static final List<Object[]> BUILD = List.of(r(1, "a"), r(1, "b"), r(null, "n"), r(2, "c"), r(5, "e"));
    private static final List<Object[]> PROBE = List.of(r(1, "x"), r(3, "y"), r(null, "z"), r(2, "w"));

    @Test
    void inner_oneRowPerMatchingPair() {
        verify(new HashJoinP.Spec(KEY, KEY, null, false, 2, 2, false, false))
                .expectOutput(List.of(r(1, "x", 1, "a"), r(1, "x", 1, "b"), r(2, "w", 2, "c")));
    }

    @Test
    void full_padsBothSides_nullKeysNeverMatch() {
        verify(new HashJoinP.Spec(KEY, KEY, null, false, 2, 2, true, true))
                .expectOutput(List.of(r(1, "x", 1, "a"), r(1, "x", 1, "b"), r(3, "y", null, null),
                        r(null, "z", null, null), r(2, "w", 2, "c"), r(null, null, null, "n"), r(null, null, 5, "e")));
    }

    @Test
    void buildOnTheLeft_remainingCondition_padsProbeRowsWhoseMatchesFailIt() {
        // joined row: build (left) columns, then probe (right) ones; condition: left.s <> 'a'
        CompiledExpressions condition = CompiledExpressions.of(REX, List.of(REX.makeCall(SqlStdOperatorTable.NOT_EQUALS,
                REX.makeInputRef(JOINED, 1), REX.makeLiteral("a"))), JOINED);
        verify(new HashJoinP.Spec(KEY, KEY, condition, true, 2, 2, true, false))
                .expectOutput(List.of(r(1, "b", 1, "x"), r(null, null, 3, "y"), r(null, null, null, "z"),
                        r(2, "c", 2, "w")));
    }

    @Test
    void noKeys_nestedLoop() {
        verify(new HashJoinP.Spec(null, null, null, false, 2, 2, false, false))
                .inputs(List.of(List.of(r(1, "a"), r(2, "b")), List.<Object[]>of(r(3, "x"))))
                .expectOutput(List.of(r(3, "x", 1, "a"), r(3, "x", 2, "b")));
    }

    @Test
    void buildSideOverTheCap_failsNamingTheOption() {
        assertThatThrownBy(() -> verify(new HashJoinP.Spec(KEY, KEY, null, false, 2, 2, false, false))
                .contextSetup(context -> context.setMaxProcessorAccumulatedRecords(4))
                .expectOutput(List.of()))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("maxProcessorAccumulatedRecords");
    }

    private static TestSupport verify(HashJoinP.Spec spec) {
        return TestSupport.verifyProcessor(HashJoinP.supplier(spec, StatementParameters.none()))
                .inputs(List.of(BUILD, PROBE))
                .outputChecker((expected, actual) -> Arrays.deepEquals(expected.toArray(), actual.toArray()));
    }

    private static Object[] r(Object... values) {
        return values;
    }
}
