package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code DROP <object kind> [IF EXISTS] name}: what the statements dropping one named object share. */
abstract class SqlDropNamedObject extends SqlDrop {

    private final SqlIdentifier name;

    SqlDropNamedObject(SqlSpecialOperator operator, SqlParserPos pos, boolean ifExists, SqlIdentifier name) {
        super(operator, pos, ifExists);
        this.name = requireNonNull(name, "name is null");
    }

    public SqlIdentifier getName() {
        return name;
    }

    public boolean isIfExists() {
        return ifExists;
    }

    @Override
    public abstract SqlOperator getOperator();

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    /** Writes the operator's name ("DROP MAPPING"), then the rest. */
    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(getOperator().getName());
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
    }
}
