package io.contrail.sql.impl.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's type rules with three changes that users of other databases expect: DECIMAL holds up
 * to {@value #MAX_DECIMAL_PRECISION} digits (Calcite's default is 19), {@code SUM} over
 * any integer type is {@code BIGINT} (it fails on overflow instead of wrapping), and {@code AVG}
 * over an integer or decimal is {@code DECIMAL} rather than an integer (the average of 1 and 2
 * is 1.5, as in PostgreSQL and Hazelcast); {@code AVG} over floating point stays {@code DOUBLE}.
 */
public final class ContrailTypeSystem extends RelDataTypeSystemImpl {

    public static final ContrailTypeSystem INSTANCE = new ContrailTypeSystem();

    /** The most digits of a DECIMAL, as in Hazelcast and many databases. */
    static final int MAX_DECIMAL_PRECISION = 38;

    /** The scale of AVG over exact numbers. */
    static final int AVG_SCALE = 6;

    private ContrailTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxNumericPrecision() {
        return MAX_DECIMAL_PRECISION;
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.BIGINT),
                    argumentType.isNullable());
        }
        if (SqlTypeUtil.isApproximateNumeric(argumentType)) {
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE),
                    argumentType.isNullable());
        }
        return super.deriveSumType(typeFactory, argumentType);
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        RelDataType type = SqlTypeUtil.isExactNumeric(argumentType)
                ? typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION,
                        Math.max(AVG_SCALE, argumentType.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? 0
                                : argumentType.getScale()))
                : typeFactory.createSqlType(SqlTypeName.DOUBLE);
        return typeFactory.createTypeWithNullability(type, argumentType.isNullable());
    }
}
