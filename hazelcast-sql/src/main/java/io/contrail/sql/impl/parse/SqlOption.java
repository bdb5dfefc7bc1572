package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One entry of an {@code OPTIONS (...)} list: {@code 'key' = 'value'} or {@code key = 'value'}.
 * The key is kept as written, a string literal or a simple identifier, so that it unparses
 * the same; {@link #getKeyString()} gives its text either way.
 */
public final class SqlOption extends SqlCall {

    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("OPTION", SqlKind.OTHER);

    private final SqlNode key;
    private final SqlLiteral value;

    /**
     * @param key   a character string literal or a simple identifier
     * @param value a character string literal
     */
    public SqlOption(SqlParserPos pos, SqlNode key, SqlNode value) {
        super(pos);
        requireNonNull(key, "key is null");
        if (!(key instanceof SqlIdentifier id && id.isSimple())
                && !(key instanceof SqlLiteral)) {
            throw new IllegalArgumentException("key must be a string literal or a simple name: " + key);
        }
        this.key = key;
        this.value = (SqlLiteral) requireNonNull(value, "value is null");
    }

    /** The key as written: a string literal or a simple identifier. */
    public SqlNode getKey() {
        return key;
    }

    /** The text of the key. */
    public String getKeyString() {
        return key instanceof SqlIdentifier id ? id.getSimple() : ((SqlLiteral) key).getValueAs(String.class);
    }

    /** The value, a string literal. */
    public SqlLiteral getValue() {
        return value;
    }

    /** The text of the value. */
    public String getValueString() {
        return value.getValueAs(String.class);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(key, value);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        key.unparse(writer, 0, 0);
        writer.keyword("=");
        value.unparse(writer, 0, 0);
    }
}
