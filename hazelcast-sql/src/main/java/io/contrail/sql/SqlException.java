package io.contrail.sql;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An SQL statement that could not be read or that breaks a rule of its statement. It says where:
 * {@link #getLine()} and {@link #getColumn()} give the first character concerned (both from 1),
 * {@link #getEndLine()} and {@link #getEndColumn()} the last; all four are 0 when no position is
 * known. The message names the position too.
 *
 * <p>A syntax error also lists the tokens that could have come instead
 * ({@link #getExpectedTokens()}), the way Calcite spells them: {@code "JOB"} for a keyword,
 * {@code <IDENTIFIER>} or {@code <QUOTED_STRING>} for a kind of token.
 */
public class SqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean syntaxError;
    private final int line;
    private final int column;
    private final int endLine;
    private final int endColumn;
    private final List<String> expectedTokens;
    private final SqlErrorCode errorCode;

    /**
     * @param message        the whole message, naming the position
     * @param syntaxError    whether the text could not be read, as opposed to breaking a rule
     * @param line           line of the first character concerned, from 1; 0 if unknown
     * @param column         column of the first character concerned, from 1; 0 if unknown
     * @param endLine        line of the last character concerned; 0 if unknown
     * @param endColumn      column of the last character concerned; 0 if unknown
     * @param expectedTokens the tokens that could have come instead, empty if not a syntax error
     * @param cause          the underlying error, or {@code null}
     */
    public SqlException(String message, boolean syntaxError, int line, int column, int endLine,
                        int endColumn, List<String> expectedTokens, Throwable cause) {
        this(syntaxError ? SqlErrorCode.SYNTAX_ERROR : SqlErrorCode.INVALID_STATEMENT, message,
                syntaxError, line, column, endLine, endColumn, expectedTokens, cause);
    }

    /**
     * An error with no position in the text, such as a conflict with the catalog.
     *
     * @param errorCode what went wrong
     * @param message   the whole message, saying what to do about it
     */
    public SqlException(SqlErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    /**
     * An error with no position in the text, with its cause.
     *
     * @param errorCode what went wrong
     * @param message   the whole message, saying what to do about it
     * @param cause     the underlying error, or {@code null}
     */
    public SqlException(SqlErrorCode errorCode, String message, Throwable cause) {
        this(errorCode, message, errorCode == SqlErrorCode.SYNTAX_ERROR, 0, 0, 0, 0, List.of(), cause);
    }

    /**
     * An error at a position in the text that is no syntax error, such as a column that does not
     * exist.
     *
     * @param errorCode what went wrong
     * @param message   the whole message, naming the position
     * @param line      line of the first character concerned, from 1; 0 if unknown
     * @param column    column of the first character concerned, from 1; 0 if unknown
     * @param endLine   line of the last character concerned; 0 if unknown
     * @param endColumn column of the last character concerned; 0 if unknown
     * @param cause     the underlying error, or {@code null}
     */
    public SqlException(SqlErrorCode errorCode, String message, int line, int column, int endLine, int endColumn,
                        Throwable cause) {
        this(errorCode, message, false, line, column, endLine, endColumn, List.of(), cause);
    }

    private SqlException(SqlErrorCode errorCode, String message, boolean syntaxError, int line,
                         int column, int endLine, int endColumn, List<String> expectedTokens,
                         Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
        this.syntaxError = syntaxError;
        this.line = line;
        this.column = column;
        this.endLine = endLine;
        this.endColumn = endColumn;
        this.expectedTokens = List.copyOf(expectedTokens);
    }

    /**
     * What went wrong: {@link SqlErrorCode#SYNTAX_ERROR} for a syntax error,
     * {@link SqlErrorCode#INVALID_STATEMENT} for a rule of the statement found while reading
     * it, otherwise the code given by the engine.
     */
    public SqlErrorCode getErrorCode() {
        return errorCode;
    }

    /** Line of the first character concerned, from 1; 0 if unknown. */
    public int getLine() {
        return line;
    }

    /** Column of the first character concerned, from 1; 0 if unknown. */
    public int getColumn() {
        return column;
    }

    /** Line of the last character concerned, from 1; 0 if unknown. */
    public int getEndLine() {
        return endLine;
    }

    /** Column of the last character concerned, from 1; 0 if unknown. */
    public int getEndColumn() {
        return endColumn;
    }

    /**
     * For a syntax error, the tokens that could have come where the error is, sorted; for other
     * errors, empty.
     */
    public List<String> getExpectedTokens() {
        return expectedTokens;
    }

    /**
     * Whether the text could not be read as a statement (a syntax error), as opposed to a
     * statement that breaks a rule of its own, such as an unknown job option.
     */
    public boolean isSyntaxError() {
        return syntaxError;
    }
}
