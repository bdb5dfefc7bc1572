package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code GRANT role TO user [, user ...]} or {@code REVOKE role FROM user [, user ...]}, as in
 * CockroachDB; the only role is {@code admin}, which the statement's execution checks.
 */
public final class SqlGrantRole extends SqlCall {

    public static final SqlSpecialOperator GRANT = new SqlSpecialOperator("GRANT", SqlKind.OTHER_DDL);
    public static final SqlSpecialOperator REVOKE = new SqlSpecialOperator("REVOKE", SqlKind.OTHER_DDL);

    private final boolean grant;
    private final SqlIdentifier role;
    private final SqlNodeList users;

    /** @param grant {@code true} for GRANT, {@code false} for REVOKE */
    public SqlGrantRole(SqlParserPos pos, boolean grant, SqlIdentifier role, SqlNodeList users) {
        super(pos);
        this.grant = grant;
        this.role = requireNonNull(role, "role is null");
        this.users = requireNonNull(users, "users is null");
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no user");
        }
    }

    public boolean isGrant() {
        return grant;
    }

    public SqlIdentifier getRole() {
        return role;
    }

    /** The users, {@code SqlIdentifier}s. */
    public SqlNodeList getUsers() {
        return users;
    }

    @Override
    public SqlOperator getOperator() {
        return grant ? GRANT : REVOKE;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(role, users);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(grant ? "GRANT" : "REVOKE");
        role.unparse(writer, 0, 0);
        writer.keyword(grant ? "TO" : "FROM");
        Unparsing.commaList(writer, users);
    }
}
