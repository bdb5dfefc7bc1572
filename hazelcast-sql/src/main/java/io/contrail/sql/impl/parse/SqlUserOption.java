package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One option of CREATE USER or ALTER USER, as in CockroachDB: {@code PASSWORD 'pw'},
 * {@code PASSWORD NULL} (no password: the user cannot log in with one), {@code CONTROLJOB} or
 * {@code NOCONTROLJOB}. A password is written back as {@code '***'}: statement texts are shown
 * and logged, passwords never are.
 */
public final class SqlUserOption extends SqlCall {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("USER OPTION", SqlKind.OTHER);

    /** What the option sets. */
    public enum Kind {
        /** The password, or none. */
        PASSWORD,
        /** The user may control the jobs of users who are not admins. */
        CONTROLJOB,
        /** The user controls only their own jobs. */
        NOCONTROLJOB
    }

    private final Kind kind;
    private final SqlLiteral password;

    /** @param password the password (a string or NULL literal) for {@link Kind#PASSWORD}, else {@code null} */
    public SqlUserOption(SqlParserPos pos, Kind kind, SqlLiteral password) {
        super(pos);
        this.kind = requireNonNull(kind, "kind is null");
        if ((kind == Kind.PASSWORD) != (password != null)) {
            throw new IllegalArgumentException("a password goes with PASSWORD only");
        }
        this.password = password;
    }

    public Kind getOptionKind() {
        return kind;
    }

    /** The password given, or {@code null} for PASSWORD NULL; only for {@link Kind#PASSWORD}. */
    public String getPassword() {
        return password == null || SqlUtil.isNullLiteral(password, false) ? null : password.getValueAs(String.class);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return password == null ? List.of() : Collections.singletonList(password);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(kind.name());
        if (password != null) {
            if (SqlUtil.isNullLiteral(password, false)) {
                writer.keyword("NULL");
            } else {
                writer.literal("'***'");
            }
        }
    }
}
