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

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.contrail.sql.impl.parse.ParserResource.RESOURCE;
import static java.util.Objects.requireNonNull;

/**
 * {@code CREATE [OR REPLACE] MAPPING [IF NOT EXISTS] name [(column type [EXTERNAL NAME x], ...)]
 * TYPE type [OPTIONS ('key' = 'value', ...)]}: declares a source or sink ("mapping") of the
 * given connector type. Option keys depend on the connector and are checked there, not here.
 */
public final class SqlCreateMapping extends SqlCreate implements ValidatableStatement {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("CREATE MAPPING", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final SqlNodeList columns;
    private final SqlIdentifier type;
    private final SqlNodeList options;

    /**
     * @param columns {@link SqlMappingColumn}s, empty when none are given
     * @param options {@link SqlOption}s, empty when none are given
     */
    public SqlCreateMapping(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
                            SqlNodeList columns, SqlIdentifier type, SqlNodeList options) {
        super(OPERATOR, pos, replace, ifNotExists);
        this.name = requireNonNull(name, "name is null");
        this.columns = requireNonNull(columns, "columns is null");
        this.type = requireNonNull(type, "type is null");
        this.options = requireNonNull(options, "options is null");
    }

    public SqlIdentifier getName() {
        return name;
    }

    /** The declared columns ({@link SqlMappingColumn}), empty when none are given. */
    public SqlNodeList getColumns() {
        return columns;
    }

    /** The connector type, as in {@code TYPE IMap}. */
    public SqlIdentifier getType() {
        return type;
    }

    /** The options ({@link SqlOption}), empty when none are given. */
    public SqlNodeList getOptions() {
        return options;
    }

    public boolean isIfNotExists() {
        return ifNotExists;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, columns, type, options);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    /** OR REPLACE excludes IF NOT EXISTS; column names and option keys are unique. */
    @Override
    public void validate() {
        if (getReplace() && ifNotExists) {
            throw SqlUtil.newContextException(getParserPosition(), RESOURCE.orReplaceWithIfNotExists());
        }
        Set<String> columnNames = new HashSet<>();
        for (SqlNode node : columns) {
            SqlMappingColumn column = (SqlMappingColumn) node;
            if (!columnNames.add(column.getName().getSimple())) {
                throw SqlUtil.newContextException(column.getName().getParserPosition(),
                        RESOURCE.duplicateColumn(column.getName().getSimple()));
            }
        }
        Set<String> keys = new HashSet<>();
        for (SqlNode node : options) {
            SqlOption option = (SqlOption) node;
            if (!keys.add(option.getKeyString())) {
                throw SqlUtil.newContextException(option.getKey().getParserPosition(),
                        RESOURCE.duplicateOption(option.getKeyString()));
            }
        }
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE");
        if (getReplace()) {
            writer.keyword("OR REPLACE");
        }
        writer.keyword("MAPPING");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (!columns.isEmpty()) {
            Unparsing.list(writer, columns);
        }
        writer.keyword("TYPE");
        type.unparse(writer, 0, 0);
        Unparsing.options(writer, options);
    }
}
