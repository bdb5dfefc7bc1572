package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/**
 * {@code SHOW <objects>} without clauses (MAPPINGS, SNAPSHOTS, USERS): what those statements
 * share. The operator's name is the statement's text.
 */
abstract class SqlShowAll extends SqlCall {

    SqlShowAll(SqlParserPos pos) {
        super(pos);
    }

    @Override
    public abstract SqlOperator getOperator();

    @Override
    public final List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public final void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(getOperator().getName());
    }
}
