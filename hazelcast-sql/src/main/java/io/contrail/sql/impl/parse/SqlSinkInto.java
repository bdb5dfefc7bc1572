package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code SINK INTO table [(column, ...)] query}: writes the rows of the query to the table, as
 * Hazelcast's SINK INTO does: like INSERT, except that a sink with keys (an IMap, say) may
 * overwrite a row of the same key. The grammar only records which of the two was written.
 *
 * <p>It is a {@link SqlInsert} (kind {@link SqlKind#INSERT}) so that Calcite's validator and
 * planner treat it as one. Unlike our other nodes it is therefore not immutable: it inherits
 * {@link SqlInsert#setOperand}, which Calcite's validator uses to rewrite the source; nothing
 * of ours calls it.
 */
public final class SqlSinkInto extends SqlInsert {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("SINK INTO", SqlKind.INSERT);

    /** @param columns the target columns, or {@code null} for all */
    public SqlSinkInto(SqlParserPos pos, SqlIdentifier table, SqlNodeList columns, SqlNode source) {
        super(pos, SqlNodeList.EMPTY, table, source, columns);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT);
        writer.sep("SINK INTO");
        getTargetTable().unparse(writer, 0, 0);
        SqlNodeList columns = getTargetColumnList();
        if (columns != null) {
            Unparsing.list(writer, columns);
        }
        writer.newlineAndIndent();
        getSource().unparse(writer, 0, 0);
        writer.endList(frame);
    }
}
