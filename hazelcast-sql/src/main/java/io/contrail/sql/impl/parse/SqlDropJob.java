package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code DROP JOB [IF EXISTS] name [WITH SNAPSHOT snapshot]}: cancels a job, first exporting a
 * snapshot of its state under the given name if asked.
 */
public final class SqlDropJob extends SqlDrop {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("DROP JOB", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final SqlIdentifier snapshotName;

    /** @param snapshotName the snapshot to export before cancelling, or {@code null} */
    public SqlDropJob(SqlParserPos pos, boolean ifExists, SqlIdentifier name, SqlIdentifier snapshotName) {
        super(OPERATOR, pos, ifExists);
        this.name = requireNonNull(name, "name is null");
        this.snapshotName = snapshotName;
    }

    public SqlIdentifier getName() {
        return name;
    }

    /** The snapshot to export before cancelling, or {@code null}. */
    public SqlIdentifier getSnapshotName() {
        return snapshotName;
    }

    public boolean isIfExists() {
        return ifExists;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, snapshotName);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP JOB");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (snapshotName != null) {
            writer.keyword("WITH SNAPSHOT");
            snapshotName.unparse(writer, 0, 0);
        }
    }
}
