package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW USERS}: lists the users with their roles and options, one row each. */
public final class SqlShowUsers extends SqlShowAll {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("SHOW USERS", SqlKind.OTHER);

    public SqlShowUsers(SqlParserPos pos) {
        super(pos);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }
}
