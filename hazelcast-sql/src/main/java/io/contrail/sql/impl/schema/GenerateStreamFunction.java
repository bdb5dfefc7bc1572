package io.contrail.sql.impl.schema;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code generate_stream(rate)}: an unbounded table of one BIGINT column {@code v} counting 0, 1,
 * 2, ... at {@code rate} rows per second (a positive integer constant or parameter). Row
 * {@code v} is due at {@code v / rate} seconds after the query started, so
 * {@code TO_TIMESTAMP_TZ(v * 1000 / rate)}-style expressions give an event time that advances
 * with the stream, as in Hazelcast.
 */
public final class GenerateStreamFunction extends SqlFunction implements SqlTableFunction {

    public static final String NAME = "generate_stream";

    GenerateStreamFunction() {
        super(NAME, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, GenerateSeriesFunction.BIGINT_ARGUMENTS,
                OperandTypes.family(SqlTypeFamily.INTEGER), SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return binding -> binding.getTypeFactory().builder().add("v", SqlTypeName.BIGINT).build();
    }
}
