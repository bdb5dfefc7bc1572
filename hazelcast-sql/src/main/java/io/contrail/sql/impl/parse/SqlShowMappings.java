package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW MAPPINGS}: lists the mappings, one row each. */
public final class SqlShowMappings extends SqlShowAll {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("SHOW MAPPINGS", SqlKind.OTHER);

    public SqlShowMappings(SqlParserPos pos) {
        super(pos);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }
}
