package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code CREATE [OR REPLACE] SNAPSHOT name FOR JOB job}: exports a snapshot of a running job,
 * which goes on running. An exported snapshot of the same name is replaced either way; OR
 * REPLACE is kept only so that the statement reads back as written.
 */
public final class SqlCreateSnapshot extends SqlCreate {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("CREATE SNAPSHOT", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final SqlIdentifier jobName;

    public SqlCreateSnapshot(SqlParserPos pos, boolean replace, SqlIdentifier name, SqlIdentifier jobName) {
        super(OPERATOR, pos, replace, false);
        this.name = requireNonNull(name, "name is null");
        this.jobName = requireNonNull(jobName, "jobName is null");
    }

    public SqlIdentifier getName() {
        return name;
    }

    public SqlIdentifier getJobName() {
        return jobName;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, jobName);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE");
        if (getReplace()) {
            writer.keyword("OR REPLACE");
        }
        writer.keyword("SNAPSHOT");
        name.unparse(writer, 0, 0);
        writer.keyword("FOR JOB");
        jobName.unparse(writer, 0, 0);
    }
}
