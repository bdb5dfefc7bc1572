package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
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

/** One column of CREATE MAPPING: {@code name type [EXTERNAL NAME externalName]}. */
public final class SqlMappingColumn extends SqlCall {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("MAPPING COLUMN", SqlKind.COLUMN_DECL);

    private final SqlIdentifier name;
    private final SqlDataTypeSpec type;
    private final SqlIdentifier externalName;

    /** @param externalName the name in the source, or {@code null} if the same as {@code name} */
    public SqlMappingColumn(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type, SqlIdentifier externalName) {
        super(pos);
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.externalName = externalName;
    }

    public SqlIdentifier getName() {
        return name;
    }

    public SqlDataTypeSpec getType() {
        return type;
    }

    /** The name of the field in the source, as in {@code EXTERNAL NAME __key.id}, or {@code null}. */
    public SqlIdentifier getExternalName() {
        return externalName;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, type, externalName);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        name.unparse(writer, 0, 0);
        type.unparse(writer, 0, 0);
        if (externalName != null) {
            writer.keyword("EXTERNAL NAME");
            externalName.unparse(writer, 0, 0);
        }
    }
}
