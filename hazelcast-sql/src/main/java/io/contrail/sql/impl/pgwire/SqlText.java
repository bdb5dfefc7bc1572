package io.contrail.sql.impl.pgwire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * Lexical work on SQL text that the pgwire endpoint does before the engine sees it: splitting a
 * simple query into statements at {@code ;}, and turning PostgreSQL's {@code $n} parameters
 * into the engine's {@code ?}. Both skip what is quoted or commented: {@code '...'} (with
 * {@code ''} inside), {@code E'...'} (with backslash escapes), {@code "..."}, {@code -- ...} to
 * the end of the line and {@code /* ... *&#47;} (nested, as PostgreSQL reads them).
 *
 * The shell ({@code io.contrail.sql.shell}) uses the same rules to tell where a statement it
 * reads ends.
 *
 * <p>Threading: stateless.
 */
public final class SqlText {

    private SqlText() {
    }

    /**
     * The statements of a script, trimmed, without their {@code ;}; empty statements (blank or
     * only comments) are left out.
     */
    public static List<String> split(String text) {
        requireNonNull(text, "text is null");
        List<String> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int skipped = skipQuotedOrComment(text, i);
            if (skipped > i) {
                i = skipped;
            } else if (text.charAt(i) == ';') {
                addStatement(statements, text.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        addStatement(statements, text.substring(start));
        return statements;
    }

    private static void addStatement(List<String> statements, String statement) {
        String trimmed = statement.strip();
        if (!isBlankOrComment(trimmed)) {
            statements.add(trimmed);
        }
    }

    /**
     * Whether the text ends a statement: its last character outside quotes and comments is a
     * {@code ;}. An open quote or comment is never complete.
     */
    public static boolean endsWithSemicolon(String text) {
        requireNonNull(text, "text is null");
        char last = 0;
        int i = 0;
        while (i < text.length()) {
            int skipped = skipQuotedOrComment(text, i);
            if (skipped > text.length()) {
                return false;
            }
            if (skipped > i) {
                if (!startsComment(text, i)) {
                    last = text.charAt(skipped - 1);
                }
                i = skipped;
            } else {
                if (!Character.isWhitespace(text.charAt(i))) {
                    last = text.charAt(i);
                }
                i++;
            }
        }
        return last == ';';
    }

    /** Whether the text holds nothing but white space and comments. */
    public static boolean isBlankOrComment(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (startsComment(text, i)) {
                i = skipQuotedOrComment(text, i);
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * The statement with {@code code} applied to each stretch outside string literals and
     * comments, which stay as they are. Quoted identifiers count as code.
     */
    public static String mapCode(String sql, UnaryOperator<String> code) {
        return map(sql, code, UnaryOperator.identity());
    }

    /** The statement with each string literal and comment replaced by a space. */
    public static String withoutLiterals(String sql) {
        return map(sql, UnaryOperator.identity(), literal -> " ");
    }

    private static String map(String sql, UnaryOperator<String> code, UnaryOperator<String> literalOrComment) {
        requireNonNull(sql, "sql is null");
        StringBuilder out = new StringBuilder(sql.length());
        int codeStart = 0;
        int i = 0;
        while (i < sql.length()) {
            int skipped = Math.min(skipQuotedOrComment(sql, i), sql.length());
            if (skipped > i && sql.charAt(i) != '"') {
                out.append(code.apply(sql.substring(codeStart, i)))
                        .append(literalOrComment.apply(sql.substring(i, skipped)));
                codeStart = skipped;
            }
            i = Math.max(skipped, i + 1);
        }
        return out.append(code.apply(sql.substring(codeStart))).toString();
    }

    /**
     * Rewrites {@code $1}, {@code $2}, ... to {@code ?}. A parameter may appear several times
     * and in any order; {@link Placeholders#parameterOrder()} says which {@code $n} each
     * {@code ?} stands for.
     */
    static Placeholders translatePlaceholders(String sql) {
        requireNonNull(sql, "sql is null");
        StringBuilder out = new StringBuilder(sql.length());
        List<Integer> order = new ArrayList<>();
        int maxNumber = 0;
        int i = 0;
        while (i < sql.length()) {
            int skipped = skipQuotedOrComment(sql, i);
            if (skipped > i) {
                out.append(sql, i, Math.min(skipped, sql.length()));
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            int end = i + 1;
            while (c == '$' && end < sql.length() && Character.isDigit(sql.charAt(end))) {
                end++;
            }
            if (end > i + 1 && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                int number = Integer.parseInt(sql.substring(i + 1, end));
                if (number < 1) {
                    throw new IllegalArgumentException("There is no parameter $" + number + "; parameters count from $1");
                }
                order.add(number - 1);
                maxNumber = Math.max(maxNumber, number);
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Placeholders(out.toString(), order, maxNumber);
    }

    /**
     * A statement with {@code ?} parameters.
     *
     * @param sql            the text for the engine
     * @param parameterOrder for each {@code ?} in order, the index (from 0) of the {@code $n} it was
     * @param parameterCount the highest {@code $n}: how many values the client binds
     */
    record Placeholders(String sql, List<Integer> parameterOrder, int parameterCount) {

        Placeholders {
            requireNonNull(sql, "sql is null");
            parameterOrder = List.copyOf(parameterOrder);
        }

        /** The engine's parameters from the client's values of {@code $1..$n}. */
        Object[] engineParameters(Object[] values) {
            Object[] params = new Object[parameterOrder.size()];
            for (int i = 0; i < params.length; i++) {
                params[i] = values[parameterOrder.get(i)];
            }
            return params;
        }
    }

    private static boolean startsComment(String text, int i) {
        return text.startsWith("--", i) || text.startsWith("/*", i);
    }

    /**
     * The index after the quoted string or comment starting at {@code i}, or {@code i} if none
     * starts there; {@code text.length() + 1} if the quote or block comment is not closed.
     */
    private static int skipQuotedOrComment(String text, int i) {
        char c = text.charAt(i);
        if (c == '\'') {
            boolean backslashEscapes = i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                    && (i == 1 || !Character.isLetterOrDigit(text.charAt(i - 2)));
            return skipQuoted(text, i, '\'', backslashEscapes);
        }
        if (c == '"') {
            return skipQuoted(text, i, '"', false);
        }
        if (text.startsWith("--", i)) {
            int newline = text.indexOf('\n', i);
            return newline < 0 ? text.length() : newline + 1;
        }
        if (text.startsWith("/*", i)) {
            int depth = 0;
            int j = i;
            while (j < text.length()) {
                if (text.startsWith("/*", j)) {
                    depth++;
                    j += 2;
                } else if (text.startsWith("*/", j)) {
                    j += 2;
                    if (--depth == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            return text.length() + 1;
        }
        return i;
    }

    private static int skipQuoted(String text, int start, char quote, boolean backslashEscapes) {
        int j = start + 1;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < text.length() && text.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return text.length() + 1;
    }
}
