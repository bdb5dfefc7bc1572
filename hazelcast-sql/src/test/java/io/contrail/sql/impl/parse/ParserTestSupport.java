package io.contrail.sql.impl.parse;

import io.contrail.sql.SqlException;
import org.apache.calcite.sql.SqlNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Checks shared by the parser tests: parse, round trip, and the two kinds of error. */
final class ParserTestSupport {

    private ParserTestSupport() {
    }

    /**
     * Parses the statement, checks that its unparsed text reads back as the same text, and
     * returns it as the expected type.
     */
    static <T extends SqlNode> T parse(String sql, Class<T> type) {
        SqlNode node = SqlParsing.parse(sql);
        assertThat(node).isInstanceOf(type);
        assertRoundTrip(node);
        return type.cast(node);
    }

    /** parse(unparse(node)) unparses to the same text. */
    static void assertRoundTrip(SqlNode node) {
        String unparsed = SqlParsing.unparse(node);
        SqlNode again = SqlParsing.parse(unparsed);
        assertThat(again.getClass()).isEqualTo(node.getClass());
        assertThat(SqlParsing.unparse(again)).isEqualTo(unparsed);
    }

    /** The unparsed text of the statement, on one line. */
    static String unparsed(String sql) {
        return SqlParsing.unparse(SqlParsing.parse(sql)).replace('\n', ' ');
    }

    /**
     * The statement cannot be read: the error is at the given line and column and lists (at
     * least) the given tokens as expected there.
     */
    static SqlException assertSyntaxError(String sql, int line, int column, String... expectedTokens) {
        SqlException e = catchThrowableOfType(SqlException.class, () -> SqlParsing.parse(sql));
        assertThat(e).as("error for %s", sql).isNotNull();
        assertThat(e.isSyntaxError()).as(e.getMessage()).isTrue();
        assertThat(e.getLine()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getColumn()).as(e.getMessage()).isEqualTo(column);
        assertThat(e.getMessage()).contains("line " + line + ", column " + column);
        if (expectedTokens.length > 0) {
            assertThat(e.getExpectedTokens()).as(e.getMessage()).contains(expectedTokens);
            assertThat(e.getMessage()).contains("\nWas expecting one of: ");
        }
        return e;
    }

    /**
     * The statement reads but breaks a rule: the error starts at the given line and column and
     * its message is the given text after the position.
     */
    static SqlException assertInvalid(String sql, int line, int column, String message) {
        SqlException e = catchThrowableOfType(SqlException.class, () -> SqlParsing.parse(sql));
        assertThat(e).as("error for %s", sql).isNotNull();
        assertThat(e.isSyntaxError()).as(e.getMessage()).isFalse();
        assertThat(e.getLine()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getColumn()).as(e.getMessage()).isEqualTo(column);
        // Calcite writes "At line 1, column 5: ..." for one token, "From line 1, column 5 to ..." for more
        assertThat(e.getMessage()).matches("(At line " + line + ", column " + column + "|From line " + line
                + ", column " + column + " to line \\d+, column \\d+): .*");
        assertThat(e.getMessage()).endsWith(": " + message);
        assertThat(e.getExpectedTokens()).isEmpty();
        return e;
    }
}
