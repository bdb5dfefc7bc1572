package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code SHOW JOBS WHEN COMPLETE (query)}: shows the jobs whose ids the query returns, once all
 * have finished.
 */
public final class SqlShowJobsWhenComplete extends SqlCall {

    public static final SqlSpecialOperator OPERATOR =
            new SqlSpecialOperator("SHOW JOBS WHEN COMPLETE", SqlKind.OTHER);

    private final SqlNode query;

    public SqlShowJobsWhenComplete(SqlParserPos pos, SqlNode query) {
        super(pos);
        this.query = requireNonNull(query, "query is null");
    }

    /** The query returning job ids. */
    public SqlNode getQuery() {
        return query;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(query);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("SHOW JOBS WHEN COMPLETE");
        Unparsing.parenthesized(writer, query);
    }
}
