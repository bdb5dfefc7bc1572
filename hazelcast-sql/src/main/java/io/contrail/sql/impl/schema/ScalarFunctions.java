package io.contrail.sql.impl.schema;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

import java.util.List;

/**
 * Contrail's scalar functions beyond Calcite's, as Hazelcast has them. Each is a static method
 * over internal values ({@link io.contrail.sql.impl.type.SqlTypes}), which Calcite's generated
 * code calls directly.
 */
public final class ScalarFunctions {

    /** {@code TO_TIMESTAMP_TZ(epoch_millis BIGINT)}: the instant as a TIMESTAMP WITH TIME ZONE. */
    static final SqlUserDefinedFunction TO_TIMESTAMP_TZ = function("TO_TIMESTAMP_TZ", "toTimestampTz",
            SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, SqlTypeFamily.INTEGER);

    /** {@code TO_EPOCH_MILLIS(ts)}: the instant of a TIMESTAMP WITH TIME ZONE as epoch milliseconds. */
    static final SqlUserDefinedFunction TO_EPOCH_MILLIS = function("TO_EPOCH_MILLIS", "toEpochMillis",
            SqlTypeName.BIGINT, RelDataType.PRECISION_NOT_SPECIFIED, SqlTypeFamily.TIMESTAMP);

    private ScalarFunctions() {
    }

    /** Implements TO_TIMESTAMP_TZ: both are epoch milliseconds inside. */
    public static long toTimestampTz(long epochMillis) {
        return epochMillis;
    }

    /** Implements TO_EPOCH_MILLIS. */
    public static long toEpochMillis(long timestamp) {
        return timestamp;
    }

    private static SqlUserDefinedFunction function(String name, String method, SqlTypeName returnType,
                                                   int precision, SqlTypeFamily argument) {
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.explicit(returnType, precision).andThen(SqlTypeTransforms.TO_NULLABLE),
                InferTypes.FIRST_KNOWN,
                OperandTypes.operandMetadata(List.of(argument), typeFactory -> List.of(), i -> "arg" + i, i -> false),
                ScalarFunctionImpl.create(ScalarFunctions.class, method));
    }
}
