package io.contrail.sql.impl.schema;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Arrays;

/**
 * {@code generate_series(start, stop[, step])}: a bounded table of one BIGINT column {@code v},
 * from {@code start} up (or down, for a negative step) to {@code stop} inclusive; {@code step}
 * defaults to 1 and must not be 0. Arguments are constants or parameters, as in Hazelcast.
 */
public final class GenerateSeriesFunction extends SqlFunction implements SqlTableFunction {

    /** A {@code ?} argument is a BIGINT. */
    static final SqlOperandTypeInference BIGINT_ARGUMENTS = (binding, returnType, operandTypes) ->
            Arrays.fill(operandTypes, binding.getTypeFactory().createSqlType(SqlTypeName.BIGINT));

    public static final String NAME = "generate_series";

    GenerateSeriesFunction() {
        super(NAME, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, BIGINT_ARGUMENTS,
                OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER),
                        OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)),
                SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return binding -> binding.getTypeFactory().builder().add("v", SqlTypeName.BIGINT).build();
    }
}
