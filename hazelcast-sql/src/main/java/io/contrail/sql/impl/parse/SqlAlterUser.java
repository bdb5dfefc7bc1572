package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCall;
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
 * {@code ALTER USER [IF EXISTS] name [WITH] option ...}, options as in {@link SqlCreateUser}: at
 * least one, each kind once.
 */
public final class SqlAlterUser extends SqlCall implements ValidatableStatement {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("ALTER USER", SqlKind.OTHER_DDL);

    private final boolean ifExists;
    private final SqlIdentifier name;
    private final SqlNodeList options;

    public SqlAlterUser(SqlParserPos pos, boolean ifExists, SqlIdentifier name, SqlNodeList options) {
        super(pos);
        this.ifExists = ifExists;
        this.name = requireNonNull(name, "name is null");
        this.options = requireNonNull(options, "options is null");
    }

    public boolean isIfExists() {
        return ifExists;
    }

    public SqlIdentifier getName() {
        return name;
    }

    /** The options, {@link SqlUserOption}s; check them with {@link UserOptions}. */
    public SqlNodeList getOptions() {
        return options;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, options);
    }

    @Override
    public void validate() {
        if (options.isEmpty()) {
            throw SqlUtil.newContextException(getParserPosition(), RESOURCE.alterUserWithoutOption());
        }
        UserOptions.of(options);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER USER");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
        UserOptions.unparse(writer, options);
    }
}
