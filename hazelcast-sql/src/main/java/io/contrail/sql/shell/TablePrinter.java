package io.contrail.sql.shell;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Renders a result set as a table, the way Flink's tableau does:
 * <pre>
 * +----+--------+
 * | id | name   |
 * +----+--------+
 * |  1 | apple  |
 * |  2 | &lt;NULL&gt; |
 * +----+--------+
 * 2 rows in set (0.012 s)
 * </pre>
 * Numbers are right-aligned, NULL shows as {@code <NULL>}. Column widths come from the first
 * {@value #SIZING_ROWS} rows, which are held back until then (or until the result ends); later
 * rows print at once, a longer text cut to its column's width and ending in {@code ~} (a longer
 * number is never cut: it widens its row). So an endless streaming result prints as it comes and
 * never piles up in memory.
 *
 * <p>Threading: one result at a time, on the caller's thread.
 */
final class TablePrinter {

    static final int SIZING_ROWS = 50;
    static final String NULL = "<NULL>";
    private static final int MAX_WIDTH = 60;

    private final PrintWriter out;

    TablePrinter(PrintWriter out) {
        this.out = requireNonNull(out, "out is null");
    }

    /** Prints every row of the result, then a footer with the count; returns the count. */
    long print(ResultSet rs, long startNanos) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        String[] names = new String[columns];
        boolean[] rightAligned = new boolean[columns];
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            names[c] = meta.getColumnLabel(c + 1);
            rightAligned[c] = isNumeric(meta.getColumnType(c + 1));
            widths[c] = names[c].length();
        }
        List<String[]> held = new ArrayList<>();
        long count = 0;
        boolean headerPrinted = false;
        while (rs.next()) {
            String[] row = new String[columns];
            for (int c = 0; c < columns; c++) {
                String value = rs.getString(c + 1);
                row[c] = value == null ? NULL : value.replace('\n', ' ');
            }
            count++;
            if (!headerPrinted) {
                held.add(row);
                for (int c = 0; c < columns; c++) {
                    widths[c] = Math.min(MAX_WIDTH, Math.max(widths[c], row[c].length()));
                }
                if (held.size() == SIZING_ROWS) {
                    printHeader(names, widths);
                    headerPrinted = true;
                    held.forEach(r -> printRow(r, widths, rightAligned));
                    held.clear();
                }
            } else {
                printRow(row, widths, rightAligned);
            }
        }
        if (!headerPrinted) {
            printHeader(names, widths);
            held.forEach(r -> printRow(r, widths, rightAligned));
        }
        printLine(widths);
        out.println(count + (count == 1 ? " row" : " rows") + " in set " + elapsed(startNanos));
        out.flush();
        return count;
    }

    static String elapsed(long startNanos) {
        return String.format("(%.3f s)", (System.nanoTime() - startNanos) / 1e9);
    }

    private void printHeader(String[] names, int[] widths) {
        printLine(widths);
        printRow(names, widths, new boolean[names.length]);
        printLine(widths);
    }

    private void printLine(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('+');
        }
        out.println(line);
    }

    private void printRow(String[] values, int[] widths, boolean[] rightAligned) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < values.length; c++) {
            String value = values[c].length() > widths[c] && !rightAligned[c]
                    ? values[c].substring(0, Math.max(widths[c] - 1, 0)) + "~" : values[c];
            String padding = " ".repeat(Math.max(widths[c] - value.length(), 0));
            line.append(' ').append(rightAligned[c] ? padding + value : value + padding).append(" |");
        }
        out.println(line);
        out.flush();
    }

    private static boolean isNumeric(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC,
                 Types.REAL, Types.FLOAT, Types.DOUBLE -> true;
            default -> false;
        };
    }
}
