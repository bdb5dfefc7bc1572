package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** {@code SHOW SNAPSHOTS}: lists the exported snapshots, one row each. */
public final class SqlShowSnapshots extends SqlCall {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("SHOW SNAPSHOTS", SqlKind.OTHER);

    public SqlShowSnapshots(SqlParserPos pos) {
        super(pos);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("SHOW SNAPSHOTS");
    }
}
