package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP MAPPING [IF EXISTS] name}. */
public final class SqlDropMapping extends SqlDropNamedObject {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("DROP MAPPING", SqlKind.OTHER_DDL);

    public SqlDropMapping(SqlParserPos pos, boolean ifExists, SqlIdentifier name) {
        super(OPERATOR, pos, ifExists, name);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }
}
