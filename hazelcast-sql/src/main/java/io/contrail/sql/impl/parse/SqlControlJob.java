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
 * {@code PAUSE JOB id}, {@code RESUME JOB id} or {@code CANCEL JOB id}: acts on one job, named by
 * its id (a number, a string or {@code ?}). {@link SqlControlJobs} acts on many.
 */
public final class SqlControlJob extends SqlCall implements ValidatableStatement {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("CONTROL JOB", SqlKind.OTHER_DDL);

    /** What to do with the job. */
    public enum Action {
        /** Suspends the job, keeping its state to resume from. */
        PAUSE,
        /** Resumes a paused job. */
        RESUME,
        /** Cancels the job for good. */
        CANCEL
    }

    private final Action action;
    private final SqlNode jobId;

    public SqlControlJob(SqlParserPos pos, Action action, SqlNode jobId) {
        super(pos);
        this.action = requireNonNull(action, "action is null");
        this.jobId = requireNonNull(jobId, "jobId is null");
    }

    public Action getAction() {
        return action;
    }

    /** A numeric or string literal or a dynamic parameter. */
    public SqlNode getJobId() {
        return jobId;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(jobId);
    }

    /** A numeric id is a whole 64-bit number. */
    @Override
    public void validate() {
        JobIds.validate(jobId);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(action.name());
        writer.keyword("JOB");
        jobId.unparse(writer, 0, 0);
    }
}
