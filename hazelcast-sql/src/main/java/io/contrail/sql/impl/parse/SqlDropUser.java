package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code DROP USER [IF EXISTS] name [, name ...]}, as in CockroachDB. */
public final class SqlDropUser extends SqlDrop {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("DROP USER", SqlKind.OTHER_DDL);

    private final SqlNodeList names;

    /** @param names the users, {@code SqlIdentifier}s, at least one */
    public SqlDropUser(SqlParserPos pos, boolean ifExists, SqlNodeList names) {
        super(OPERATOR, pos, ifExists);
        this.names = requireNonNull(names, "names is null");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no user to drop");
        }
    }

    public SqlNodeList getNames() {
        return names;
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
        return List.of(names);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP USER");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        Unparsing.commaList(writer, names);
    }
}
