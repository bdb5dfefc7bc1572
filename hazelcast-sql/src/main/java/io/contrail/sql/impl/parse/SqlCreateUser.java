package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

import static io.contrail.sql.impl.parse.ParserResource.RESOURCE;
import static java.util.Objects.requireNonNull;

/**
 * {@code CREATE USER [IF NOT EXISTS] name [WITH] [PASSWORD 'pw' | PASSWORD NULL] [CONTROLJOB |
 * NOCONTROLJOB]}, in CockroachDB's syntax: a user who may log in (with a password) and own jobs.
 */
public final class SqlCreateUser extends SqlCreate implements ValidatableStatement {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("CREATE USER", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final SqlNodeList options;

    /** @param options {@link SqlUserOption}s in the order written */
    public SqlCreateUser(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
                         SqlNodeList options) {
        super(OPERATOR, pos, replace, ifNotExists);
        this.name = requireNonNull(name, "name is null");
        this.options = requireNonNull(options, "options is null");
    }

    public SqlIdentifier getName() {
        return name;
    }

    /** The options, {@link SqlUserOption}s; check them with {@link UserOptions}. */
    public SqlNodeList getOptions() {
        return options;
    }

    public boolean isIfNotExists() {
        return ifNotExists;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, options);
    }

    /** No OR REPLACE; each kind of option at most once; not both CONTROLJOB and NOCONTROLJOB. */
    @Override
    public void validate() {
        if (getReplace()) {
            throw SqlUtil.newContextException(getParserPosition(), RESOURCE.orReplaceNotSupported("USER"));
        }
        UserOptions.of(options);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE USER");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        UserOptions.unparse(writer, options);
    }
}
