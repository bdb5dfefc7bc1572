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
 * {@code SHOW JOB [WHEN COMPLETE] id}: shows one job; with WHEN COMPLETE, once it has finished.
 * The id is a number, a string or {@code ?}.
 */
public final class SqlShowJob extends SqlCall implements ValidatableStatement {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("SHOW JOB", SqlKind.OTHER);

    private final boolean whenComplete;
    private final SqlNode jobId;

    public SqlShowJob(SqlParserPos pos, boolean whenComplete, SqlNode jobId) {
        super(pos);
        this.whenComplete = whenComplete;
        this.jobId = requireNonNull(jobId, "jobId is null");
    }

    /** Whether to wait until the job has finished. */
    public boolean isWhenComplete() {
        return whenComplete;
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
        writer.keyword("SHOW JOB");
        if (whenComplete) {
            writer.keyword("WHEN COMPLETE");
        }
        jobId.unparse(writer, 0, 0);
    }
}
