package io.contrail.sql.impl.processor;

import io.contrail.jet.core.test.TestSupport;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlTestSupport;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingColumn;
import io.contrail.sql.impl.connector.IMapRowCodec;
import io.contrail.sql.impl.expression.CompiledExpressions;
import io.contrail.sql.impl.expression.StatementParameters;
import io.contrail.sql.impl.plan.ContrailTypeSystem;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@link LookupJoinP} against a real IMap, through the processor drill with a 1-slot outbox;
 * rows leave in completion order, so the output is compared as a multiset.
 */
class LookupJoinPTest extends SqlTestSupport {

    private static final JavaTypeFactoryImpl TYPES = new JavaTypeFactoryImpl(ContrailTypeSystem.INSTANCE);
    private static final RexBuilder REX = new RexBuilder(TYPES);
    private static final RelDataType LEFT = TYPES.builder()
            .add("v", TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.BIGINT), true)).build();
    private static final Mapping NAMES = new Mapping("lookup_names", "IMap", List.of(
            new MappingColumn("id", SqlColumnType.BIGINT, "__key"),
            new MappingColumn("name", SqlColumnType.VARCHAR, "this")),
            Map.of("keyFormat", "bigint", "valueFormat", "varchar"), "test", Instant.EPOCH);

    @Test
    void left_joinsFoundKeys_padsMissingAndNullKeys() {
        member.getHazelcastInstance().getMap("lookup_names").putAll(Map.of(1L, "Ann", 2L, "Bob"));
        LookupJoinP.Spec spec = new LookupJoinP.Spec("lookup_names", IMapRowCodec.of(NAMES),
                CompiledExpressions.of(REX, List.of(REX.makeInputRef(LEFT, 0)), LEFT), null, null, null,
                1, 2, true, 2);
        TestSupport.verifyProcessor(LookupJoinP.supplier(spec, StatementParameters.none()))
                .contextSetup(context -> context.setHazelcastInstance(member.getHazelcastInstance()))
                .disableSnapshots()
                .runUntilOutputMatches(10_000)
                .input(List.of(r(1L), r(5L), new Object[]{null}, r(2L), r(1L)))
                .outputChecker(LookupJoinPTest::sameRowsInAnyOrder)
                .expectOutput(List.of(r(1L, 1L, "Ann"), r(5L, null, null), r(null, null, null), r(2L, 2L, "Bob"),
                        r(1L, 1L, "Ann")));
    }

    private static boolean sameRowsInAnyOrder(List<?> expected, List<?> actual) {
        return expected.size() == actual.size() && sorted(expected).equals(sorted(actual));
    }

    private static List<String> sorted(List<?> rows) {
        return rows.stream().map(row -> Arrays.deepToString((Object[]) row)).sorted().toList();
    }

    private static Object[] r(Object... values) {
        return values;
    }
}
