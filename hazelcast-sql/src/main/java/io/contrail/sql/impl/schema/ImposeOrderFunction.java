package io.contrail.sql.impl.schema;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Resources.ExInst;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorException;

import java.util.List;

import static io.contrail.sql.impl.schema.FunctionResource.RESOURCE;

/**
 * {@code IMPOSE_ORDER(TABLE t | (subquery), DESCRIPTOR(ts), lag)}: the rows of the input, unchanged,
 * with event time taken from column {@code ts} (a TIMESTAMP or TIMESTAMP WITH TIME ZONE) and
 * watermarks {@code lag} (a day-time INTERVAL) behind the highest event time seen. A row whose
 * event time is already below the watermark arrives too late for windows and is dropped (the
 * vertex's items-out falls behind its items-in by the number dropped). As Hazelcast's function
 * of that name; windowing a stream with {@code TUMBLE} or {@code HOP} needs it.
 */
public final class ImposeOrderFunction extends SqlWindowTableFunction {

    public static final String NAME = "IMPOSE_ORDER";

    ImposeOrderFunction() {
        super(NAME, new OperandMetadata());
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return binding -> binding.getOperandType(0);
    }

    /** Checks the three operands: a table, one timestamp column of it, an interval. */
    private static final class OperandMetadata implements SqlOperandMetadata {

        @Override
        public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
            RelDataType any = typeFactory.createSqlType(SqlTypeName.ANY);
            return List.of(any, any, any);
        }

        @Override
        public List<String> paramNames() {
            return List.of("DATA", "TIMECOL", "LAG");
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.of(3);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return opName + "(TABLE table_name | (query), DESCRIPTOR(timestamp_column), lag_interval)";
        }

        @Override
        public boolean isOptional(int i) {
            return false;
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            SqlNode descriptor = binding.operand(1);
            if (descriptor.getKind() != SqlKind.DESCRIPTOR || ((SqlCall) descriptor).operandCount() != 1) {
                return fail(descriptor, RESOURCE.descriptorExpected(NAME), throwOnFailure);
            }
            SqlIdentifier column = (SqlIdentifier) ((SqlCall) descriptor).operand(0);
            RelDataType rowType = binding.getValidator().getValidatedNodeType(binding.operand(0));
            RelDataTypeField field = binding.getValidator().getCatalogReader().nameMatcher()
                    .field(rowType, column.getSimple());
            if (field == null) {
                return fail(column, RESOURCE.eventTimeColumnNotFound(column.getSimple(), NAME,
                        rowType.getFieldNames().toString()), throwOnFailure);
            }
            SqlTypeName type = field.getType().getSqlTypeName();
            if (type != SqlTypeName.TIMESTAMP && type != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
                return fail(column, RESOURCE.eventTimeColumnType(column.getSimple(), type.getName(), NAME),
                        throwOnFailure);
            }
            RelDataType lagType = binding.getOperandType(2);
            if (!SqlTypeName.DAY_INTERVAL_TYPES.contains(lagType.getSqlTypeName())) {
                return fail(binding.operand(2), RESOURCE.lagNotInterval(NAME), throwOnFailure);
            }
            return true;
        }

        private static boolean fail(SqlNode node, ExInst<SqlValidatorException> error, boolean throwOnFailure) {
            if (throwOnFailure) {
                throw SqlUtil.newContextException(node.getParserPosition(), error);
            }
            return false;
        }
    }
}
