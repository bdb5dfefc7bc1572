package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Map;

import static io.contrail.sql.impl.parse.ParserResource.RESOURCE;
import static java.util.Objects.requireNonNull;

/**
 * {@code CREATE JOB [IF NOT EXISTS] name [OPTIONS ('key' = 'value', ...)] AS statement}: submits
 * a job that outlives the session, running an INSERT INTO or SINK INTO statement.
 *
 * <p>The grammar reads any query after AS, so that {@link #validate()} can say why a SELECT is
 * refused (a job must write somewhere) instead of a bare syntax error. Options are those of
 * {@link JobOption}.
 */
public final class SqlCreateJob extends SqlCreate implements ValidatableStatement {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("CREATE JOB", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final SqlNodeList options;
    private final SqlNode statement;

    /**
     * @param replace   whether OR REPLACE was given; {@link #validate()} rejects it
     * @param options   {@link SqlOption}s, empty when none are given
     * @param statement the statement after AS
     */
    public SqlCreateJob(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
                        SqlNodeList options, SqlNode statement) {
        super(OPERATOR, pos, replace, ifNotExists);
        this.name = requireNonNull(name, "name is null");
        this.options = requireNonNull(options, "options is null");
        this.statement = requireNonNull(statement, "statement is null");
    }

    public SqlIdentifier getName() {
        return name;
    }

    /** The options ({@link SqlOption}), empty when none are given. */
    public SqlNodeList getOptions() {
        return options;
    }

    /** The options by name, in the order given; call after {@link #validate()}. */
    public Map<String, String> getOptionMap() {
        return JobOption.validate(options, false);
    }

    /** The statement after AS: an INSERT INTO or SINK INTO once validated. */
    public SqlNode getStatement() {
        return statement;
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
        return List.of(name, options, statement);
    }

    /** No OR REPLACE; the statement is INSERT INTO or SINK INTO; the options are valid. */
    @Override
    public void validate() {
        if (getReplace()) {
            throw SqlUtil.newContextException(getParserPosition(), RESOURCE.orReplaceNotSupported("JOB"));
        }
        if (!(statement instanceof SqlInsert)) {
            throw SqlUtil.newContextException(statement.getParserPosition(),
                    statement.isA(SqlKind.QUERY)
                            ? RESOURCE.jobQueryIsSelect()
                            : RESOURCE.jobStatementNotSupported(statement.getKind().sql));
        }
        JobOption.validate(options, false);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE");
        if (getReplace()) {
            writer.keyword("OR REPLACE");
        }
        writer.keyword("JOB");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        Unparsing.options(writer, options);
        writer.keyword("AS");
        writer.newlineAndIndent();
        statement.unparse(writer, 0, 0);
    }
}
