package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW SNAPSHOTS}: lists the exported snapshots, one row each. */
public final class SqlShowSnapshots extends SqlShowAll {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("SHOW SNAPSHOTS", SqlKind.OTHER);

    public SqlShowSnapshots(SqlParserPos pos) {
        super(pos);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }
}
