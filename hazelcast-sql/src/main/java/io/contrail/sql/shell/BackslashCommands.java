package io.contrail.sql.shell;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The shell's {@code psql}-style commands, which describe the database from
 * {@code information_schema} rather than run a statement:
 *
 * <pre>
 * \d             the tables and views
 * \d name        a table's or view's columns ("schema.name" or a bare name, found in public, then system)
 * \dt, \dv       the tables (mappings), the views (system tables)
 * \dn            the schemas
 * \?             this list
 * </pre>
 *
 * A name is case-sensitive, as in Contrail's SQL; double quotes around it are dropped.
 *
 * <p>Threading: used by the shell's thread only.
 */
final class BackslashCommands {

    static final String HELP = """
            \\d             list tables and views
            \\d NAME        describe a table or view (schema.name, or a name in public, then system)
            \\dt            list tables (mappings)
            \\dv            list views (system tables)
            \\dn            list schemas
            \\?             this help
            quit, exit     leave (Ctrl-D too)""";

    private static final String RELATIONS = "SELECT table_schema AS \"Schema\", table_name AS \"Name\", "
            + "CASE table_type WHEN 'BASE TABLE' THEN 'table' ELSE 'view' END AS \"Type\" "
            + "FROM information_schema.tables WHERE table_schema IN ('public', 'system') %s ORDER BY 1, 2";
    private static final String COLUMNS = "SELECT column_name AS \"Column\", data_type AS \"Type\" "
            + "FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";
    private static final String SCHEMAS = "SELECT schema_name AS \"Name\", schema_owner AS \"Owner\" "
            + "FROM information_schema.schemata WHERE schema_name IN ('public', 'system') ORDER BY 1";
    private static final List<String> SEARCH_PATH = List.of("public", "system");

    private final Connection connection;
    private final PrintWriter out;

    BackslashCommands(Connection connection, PrintWriter out) {
        this.connection = requireNonNull(connection, "connection is null");
        this.out = requireNonNull(out, "out is null");
    }

    /** Whether a line is a backslash command, which runs without a {@code ;}. */
    static boolean isCommand(String line) {
        return line.strip().startsWith("\\");
    }

    /**
     * Runs a command.
     *
     * @throws SQLException            if a catalog query fails
     * @throws IllegalArgumentException for a command we do not know, with the list
     */
    void run(String line) throws SQLException {
        // a trailing ; is allowed, as -e joins its statements with ;
        String[] words = line.strip().replaceAll("\\s*;+$", "").split("\\s+", 2);
        String argument = words.length > 1 ? words[1].strip() : "";
        long start = System.nanoTime();
        switch (words[0]) {
            case "\\d" -> {
                if (argument.isEmpty()) {
                    print(RELATIONS.formatted(""), start);
                } else {
                    describe(argument, start);
                }
            }
            case "\\dt" -> print(RELATIONS.formatted("AND table_type = 'BASE TABLE'"), start);
            case "\\dv" -> print(RELATIONS.formatted("AND table_type = 'VIEW'"), start);
            case "\\dn" -> print(SCHEMAS, start);
            case "\\?" -> out.println(HELP);
            default -> throw new IllegalArgumentException("Unknown command " + words[0] + "; the commands are:\n" + HELP);
        }
    }

    private void print(String sql, long start) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            new TablePrinter(out).print(rs, start);
        }
    }

    private void describe(String name, long start) throws SQLException {
        String unquoted = name.replace("\"", "");
        int dot = unquoted.indexOf('.');
        List<String> schemas = dot < 0 ? SEARCH_PATH : List.of(unquoted.substring(0, dot));
        String table = dot < 0 ? unquoted : unquoted.substring(dot + 1);
        for (String schema : schemas) {
            String type = tableType(schema, table);
            if (type != null) {
                out.println((type.equals("VIEW") ? "View" : "Table") + " \"" + schema + "." + table + "\"");
                try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
                    statement.setString(1, schema);
                    statement.setString(2, table);
                    try (ResultSet rs = statement.executeQuery()) {
                        new TablePrinter(out).print(rs, start);
                    }
                }
                return;
            }
        }
        throw new IllegalArgumentException("Did not find any table or view named \"" + name + "\"; \\d lists them"
                + (name.equals(name.toLowerCase(Locale.ROOT)) ? "" : " (names are case-sensitive)"));
    }

    /** {@code BASE TABLE}, {@code VIEW}, or {@code null} if there is no such table. */
    private String tableType(String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT table_type FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
