package io.contrail.sql.impl.parse;

import io.contrail.sql.SqlException;
import io.contrail.sql.impl.calcite.parser.ContrailSqlParserImpl;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Reads SQL text into Calcite nodes with Contrail's grammar: Calcite's own statements (SELECT,
 * INSERT, EXPLAIN, ...) and ours (see the package documentation).
 *
 * <p>Lexical rules ({@link #PARSER_CONFIG}): keywords are case-insensitive; identifiers keep
 * the case they are written in, quoted ({@code "Name"}) or not ({@code Name}), and are matched
 * case-sensitively, as in Hazelcast ({@link Casing#UNCHANGED}). Strings take single quotes,
 * identifiers double quotes; {@code --} and {@code /* *}{@code /} comments are skipped.
 *
 * <p>Every error, a syntax error or a broken rule of a statement
 * ({@link ValidatableStatement}), comes out as an {@link SqlException} with the line and column
 * it concerns; a syntax error also lists the tokens expected there.
 *
 * <p>Thread-safe: each call uses a parser of its own.
 */
public final class SqlParsing {

    /** Calcite's parser settings for Contrail, with our parser factory. */
    public static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
            .withParserFactory(ContrailSqlParserImpl.FACTORY)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(SqlConformanceEnum.DEFAULT);

    /**
     * The dialect {@link #unparse} writes: Calcite's, identifiers always in double quotes, so
     * that the text reads back with the same names, case and all.
     */
    public static final SqlDialect DIALECT = CalciteSqlDialect.DEFAULT;

    private static final int MAX_LISTED_TOKENS = 20;
    private static final String IDENTIFIER = "<IDENTIFIER>";

    /** Tokens of quoting styles other than ours ({@link Quoting#DOUBLE_QUOTE}), never expected. */
    private static final Set<String> OTHER_QUOTING_TOKENS = Set.of(
            "<BACK_QUOTED_IDENTIFIER>", "<BIG_QUERY_BACK_QUOTED_IDENTIFIER>",
            "<BIG_QUERY_DOUBLE_QUOTED_STRING>", "<BIG_QUERY_QUOTED_STRING>",
            "<BRACKET_QUOTED_IDENTIFIER>", "<HYPHENATED_IDENTIFIER>");

    /** The first word of a statement, after blanks and comments. */
    private static final Pattern FIRST_WORD = Pattern.compile("(?s)(?:\\s|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*([A-Za-z_]\\w*)");
    /** The words statements start with. */
    private static final Set<String> STATEMENT_WORDS = new TreeSet<>(Set.of("ALTER", "CANCEL", "CREATE", "DELETE",
            "DESCRIBE", "DROP", "EXPLAIN", "GRANT", "INSERT", "MERGE", "PAUSE", "RESET", "RESUME", "REVOKE", "SELECT",
            "SET", "SHOW", "SINK", "TABLE", "UPDATE", "VALUES", "WITH"));
    /** What follows our statement words that are not reserved, which Calcite cannot name when it is missing. */
    private static final Map<String, String> CONTINUATIONS = Map.of("CANCEL", "JOB or JOBS", "PAUSE", "JOB or JOBS",
            "RESUME", "JOB or JOBS", "SINK", "INTO");

    /** Which words are keywords, and which of those reserved. */
    private static final SqlAbstractParserImpl.Metadata METADATA =
            ContrailSqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();

    private SqlParsing() {
    }

    /** The keywords of Contrail's SQL, in upper case and alphabetical order. */
    public static List<String> keywords() {
        return METADATA.getTokens().stream().filter(METADATA::isKeyword).sorted().toList();
    }

    /** Whether the word is a keyword that cannot be a name unless quoted. */
    public static boolean isReservedWord(String word) {
        return METADATA.isReservedWord(word.toUpperCase(Locale.ROOT));
    }

    /**
     * Reads one statement, with nothing after it but blanks and comments (no semicolon: see
     * {@link #parseStatements} for a script).
     *
     * @throws SqlException if the text is not one valid statement, or holds none
     */
    public static SqlNode parse(String sql) {
        requireNonNull(sql, "sql is null");
        SqlNode node;
        try {
            node = SqlParser.create(sql, PARSER_CONFIG).parseStmt();
        } catch (SqlParseException e) {
            if (holdsNoStatement(sql)) {
                // Calcite fails on a text of blanks and comments with an IndexOutOfBoundsException
                throw new SqlException("The text holds no SQL statement", true, 1, 1, 1, 1, List.of(), e);
            }
            throw syntaxError(sql, e);
        }
        return validated(node);
    }

    /**
     * Reads statements separated by semicolons (one after the last is allowed).
     *
     * @return the statements in order; empty for a text of only blanks and comments
     * @throws SqlException at the first statement that cannot be read or is not valid
     */
    public static List<SqlNode> parseStatements(String sql) {
        requireNonNull(sql, "sql is null");
        List<SqlNode> nodes;
        try {
            nodes = SqlParser.create(sql, PARSER_CONFIG).parseStmtList().getList();
        } catch (SqlParseException e) {
            throw syntaxError(sql, e);
        }
        List<SqlNode> result = new ArrayList<>(nodes.size());
        for (SqlNode node : nodes) {
            result.add(validated(node));
        }
        return List.copyOf(result);
    }

    /** Writes the node as SQL in {@link #DIALECT}; {@link #parse} reads it back as the same. */
    public static String unparse(SqlNode node) {
        return node.toSqlString(DIALECT).getSql();
    }

    private static boolean holdsNoStatement(String sql) {
        if (sql.isBlank()) {
            return true;
        }
        try {
            return SqlParser.create(sql, PARSER_CONFIG).parseStmtList().isEmpty();
        } catch (SqlParseException e) {
            return false;
        }
    }

    private static SqlNode validated(SqlNode node) {
        if (node instanceof ValidatableStatement statement) {
            try {
                statement.validate();
            } catch (CalciteContextException e) {
                throw new SqlException(e.getMessage(), false, e.getPosLine(), e.getPosColumn(),
                        e.getEndPosLine(), e.getEndPosColumn(), List.of(), e);
            }
        }
        return node;
    }

    /**
     * Turns Calcite's exception into ours. Calcite's message lists every token that could have
     * come, one a line, hundreds where a name may stand (each non-reserved keyword is a name);
     * ours keeps its first line (what was found, where) and lists the expected tokens on one
     * line, without the keywords that {@code <IDENTIFIER>} already covers, nor the quoted-name
     * and string tokens of other quoting styles, at most {@value #MAX_LISTED_TOKENS} of them.
     */
    private static SqlException syntaxError(String sql, SqlParseException e) {
        SqlException firstWord = firstWordError(sql, e);
        if (firstWord != null) {
            return firstWord;
        }
        String calciteMessage = requireNonNull(e.getMessage(), "message");
        List<String> expected = e.getExpectedTokenNames() == null
                ? List.of()
                : expectedTokens(e.getExpectedTokenNames());
        String message = expected.isEmpty()
                ? calciteMessage
                : firstLine(calciteMessage) + "\nWas expecting one of: " + listed(expected);
        SqlParserPos pos = e.getPos();
        if (pos == null) {
            return new SqlException(message, true, 0, 0, 0, 0, expected, e);
        }
        String where = "line " + pos.getLineNum() + ", column " + pos.getColumnNum();
        if (!message.contains(where)) {
            // errors raised by Calcite's grammar actions, such as a non-query where a query must be
            message = "At " + where + ": " + message;
        }
        return new SqlException(message, true, pos.getLineNum(), pos.getColumnNum(),
                pos.getEndLineNum(), pos.getEndColumnNum(), expected, e);
    }

    /**
     * The error for a text whose first word is wrong, where Calcite's would not help: a word that
     * starts no statement ({@code SELEC 1}), or one of our non-reserved statement words followed by
     * something else ({@code CANCEL QUERY 1}), which Calcite reads as the start of an expression.
     * {@code null} when the error is elsewhere.
     */
    private static SqlException firstWordError(String sql, SqlParseException e) {
        Matcher first = FIRST_WORD.matcher(sql);
        SqlParserPos pos = e.getPos();
        if (!first.lookingAt() || pos == null) {
            return null;
        }
        String word = first.group(1);
        int line = 1 + (int) sql.substring(0, first.start(1)).chars().filter(c -> c == '\n').count();
        int column = first.start(1) - sql.lastIndexOf('\n', first.start(1) - 1);
        String upper = word.toUpperCase(Locale.ROOT);
        boolean atFirstWord = pos.getLineNum() == line && pos.getColumnNum() == column;
        String message;
        if (!STATEMENT_WORDS.contains(upper)) {
            message = "Unknown statement '" + word + "': a statement starts with " + String.join(", ", STATEMENT_WORDS);
        } else if (atFirstWord && CONTINUATIONS.containsKey(upper)) {
            message = upper + " must be followed by " + CONTINUATIONS.get(upper);
        } else {
            return null;
        }
        return new SqlException("At line " + line + ", column " + column + ": " + message, true, line, column, line,
                column + word.length() - 1, List.of(), e);
    }

    private static List<String> expectedTokens(Collection<String> names) {
        boolean name = names.contains(IDENTIFIER);
        Set<String> result = new TreeSet<>();
        for (String token : names) {
            boolean keyword = token.length() > 2 && token.startsWith("\"") && token.endsWith("\"");
            if (keyword && name && METADATA.isNonReservedKeyword(token.substring(1, token.length() - 1))) {
                continue;
            }
            if (!OTHER_QUOTING_TOKENS.contains(token)) {
                result.add(token);
            }
        }
        return List.copyOf(result);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String listed(List<String> tokens) {
        if (tokens.size() <= MAX_LISTED_TOKENS) {
            return String.join(", ", tokens);
        }
        return String.join(", ", tokens.subList(0, MAX_LISTED_TOKENS))
                + ", ... (" + tokens.size() + " in all)";
    }
}
