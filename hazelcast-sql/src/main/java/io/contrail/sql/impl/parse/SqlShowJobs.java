package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

/**
 * {@code SHOW JOBS [WHERE condition]}: lists the jobs, one row each, those meeting the condition
 * if one is given.
 *
 * <p>The jobs are a table too. In FROM, {@code [SHOW JOBS [WHERE condition]]} in brackets is
 * this node as a table reference ({@code SELECT job_id FROM [SHOW JOBS] WHERE ...}). Where a
 * query may stand ({@code WITH j AS (SHOW JOBS) SELECT ...}, {@code FROM (SHOW JOBS)}, after
 * UNION), {@code SHOW JOBS [WHERE condition]} is read as
 * {@code SELECT * FROM [SHOW JOBS] [WHERE condition]} ({@link #asQuery}), so that Calcite sees
 * an ordinary query and later stages meet SHOW JOBS only as a statement or a table.
 * {@link #unparse} writes the brackets when the node is not the whole statement.
 */
public final class SqlShowJobs extends SqlCall {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("SHOW JOBS", SqlKind.OTHER);

    private final SqlNode where;

    /** @param where the condition, or {@code null} for all jobs */
    public SqlShowJobs(SqlParserPos pos, SqlNode where) {
        super(pos);
        this.where = where;
    }

    /** The condition, or {@code null}. */
    public SqlNode getWhere() {
        return where;
    }

    /** {@code SELECT * FROM [SHOW JOBS] [WHERE condition]}: SHOW JOBS where a query stands. */
    public static SqlSelect asQuery(SqlParserPos pos, SqlNode where) {
        SqlNodeList star = new SqlNodeList(List.of(SqlIdentifier.star(pos)), pos);
        return new SqlSelect(pos, null, star, new SqlShowJobs(pos, null), where,
                null, null, null, null, null, null, null, null);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(where);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        // A frame of "[" and "]" would glue "[" to the word before, as Calcite writes a[1].
        boolean nested = leftPrec > 0 || rightPrec > 0;
        writer.keyword(nested ? "[SHOW JOBS" : "SHOW JOBS");
        if (where != null) {
            writer.keyword("WHERE");
            where.unparse(writer, 0, 0);
        }
        if (nested) {
            writer.keyword("]");
        }
    }
}
