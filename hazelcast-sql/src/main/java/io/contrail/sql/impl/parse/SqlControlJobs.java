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
 * {@code PAUSE JOBS (query)}, {@code RESUME JOBS (query)} or {@code CANCEL JOBS (query)}: acts on
 * every job whose id the query returns, for example
 * {@code CANCEL JOBS (SELECT job_id FROM [SHOW JOBS] WHERE status = 'FAILED')}.
 */
public final class SqlControlJobs extends SqlCall {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("CONTROL JOBS", SqlKind.OTHER_DDL);

    private final SqlControlJob.Action action;
    private final SqlNode query;

    public SqlControlJobs(SqlParserPos pos, SqlControlJob.Action action, SqlNode query) {
        super(pos);
        this.action = requireNonNull(action, "action is null");
        this.query = requireNonNull(query, "query is null");
    }

    public SqlControlJob.Action getAction() {
        return action;
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
        writer.keyword(action.name());
        writer.keyword("JOBS");
        Unparsing.parenthesized(writer, query);
    }
}
