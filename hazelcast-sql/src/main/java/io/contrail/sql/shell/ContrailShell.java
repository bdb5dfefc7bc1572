package io.contrail.sql.shell;

import io.contrail.sql.impl.pgwire.SqlText;
import org.jline.reader.EndOfFileException;
import org.postgresql.PGConnection;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * {@code bin/contrail sql}: a SQL shell on the PostgreSQL JDBC driver.
 *
 * <pre>
 * contrail sql [--host h] [--port p] [--user u] [--fetch-size n] [-e "statements"] [-f file.sql]
 * (defaults: 127.0.0.1, 5433, admin)
 * </pre>
 *
 * Interactive (no {@code -e}, {@code -f}): a JLine prompt with history (in
 * {@code ~/.contrail_history}); a statement may span lines and runs once a line ends it with
 * {@code ;}; Ctrl-C cancels the running statement (or clears the line being typed), Ctrl-D
 * quits, as do {@code quit}, {@code exit} and {@code \q}. A line starting with a backslash is a
 * command ({@link BackslashCommands}: {@code \d}, {@code \d name}, {@code \dt}, ...), also in
 * scripts. Results print as tables ({@link TablePrinter})
 * with their time; rows are fetched {@code --fetch-size} at a time (default 50) so a streaming
 * query prints as rows come. {@code -e} and {@code -f} run their statements in order and stop
 * at the first error, exiting with 1. The password comes from {@code CONTRAIL_PASSWORD} (or
 * {@code PGPASSWORD}); the interactive shell asks for it when the member wants one.
 *
 * <p>Threading: the main thread runs everything; the Ctrl-C handler (JLine's signal thread)
 * only cancels the running statement.
 */
public final class ContrailShell {

    private final Connection connection;
    private final PrintWriter out;
    private final PrintWriter err;
    private final int fetchSize;
    /** The statement running now, for Ctrl-C; written by the main thread, read by the signal handler. */
    private volatile Statement running;

    ContrailShell(Connection connection, PrintWriter out, PrintWriter err, int fetchSize) throws SQLException {
        this.connection = requireNonNull(connection, "connection is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.fetchSize = fetchSize;
        // a cursor (and so rows fetched in portions, as they come) needs autocommit off; there are no
        // transactions, BEGIN and COMMIT do nothing
        connection.setAutoCommit(false);
    }

    /** Command-line options. */
    record Options(String host, int port, String user, int fetchSize, List<String> statements, Path file) {

        static Options parse(String[] args) {
            String host = "127.0.0.1";
            int port = 5433;
            String user = "admin";
            int fetchSize = 50;
            List<String> statements = new ArrayList<>();
            Path file = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException("Option " + args[i] + " needs a value\n" + USAGE);
                }
                switch (args[i]) {
                    case "--host", "-h" -> host = value;
                    case "--port", "-p" -> port = Integer.parseInt(value);
                    case "--user", "-U", "-u" -> user = value;
                    case "--fetch-size" -> fetchSize = Integer.parseInt(value);
                    case "-e" -> statements.add(value);
                    case "-f" -> file = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
                }
                i++;
            }
            return new Options(host, port, user, fetchSize, statements, file);
        }
    }

    static final String USAGE = "usage: contrail sql [--host h] [--port p] [--user u] [--fetch-size n] [-e \"statements\"] [-f file.sql]";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the shell; returns the exit code. */
    static int run(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        boolean interactive = options.statements().isEmpty() && options.file() == null;
        try {
            if (!interactive) {
                String script = String.join(";\n", options.statements());
                if (options.file() != null) {
                    script = Files.readString(options.file(), StandardCharsets.UTF_8);
                }
                try (Connection connection = connect(options, password(), null)) {
                    return new ContrailShell(connection, out, err, options.fetchSize()).runScript(script) ? 0 : 1;
                }
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("contrail")
                        .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".contrail_history"))
                        .build();
                try (Connection connection = connect(options, password(), reader)) {
                    ContrailShell shell = new ContrailShell(connection, terminal.writer(), terminal.writer(), options.fetchSize());
                    terminal.handle(Terminal.Signal.INT, signal -> shell.cancel());
                    terminal.writer().println("Connected to Contrail at " + options.host() + ":" + options.port()
                            + " as " + options.user() + ". End statements with ;  \\? lists commands, Ctrl-C cancels, Ctrl-D quits.");
                    shell.interact(reader);
                    return 0;
                }
            }
        } catch (SQLException e) {
            err.println(describe(e));
            return 1;
        } catch (IOException e) {
            err.println("ERROR: " + e.getMessage());
            return 1;
        }
    }

    private static String password() {
        String password = System.getenv("CONTRAIL_PASSWORD");
        return password != null ? password : System.getenv("PGPASSWORD");
    }

    /** Connects; when the member wants a password none was given for, asks the reader for one, if any. */
    private static Connection connect(Options options, String password, LineReader reader) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", options.user());
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "contrail-shell");
        String url = "jdbc:postgresql://" + options.host() + ":" + options.port() + "/contrail";
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            // 08004: the server asked for a password and the driver had none
            if (password == null && reader != null && "08004".equals(e.getSQLState())) {
                properties.setProperty("password", reader.readLine("Password for " + options.user() + ": ", '*'));
                return DriverManager.getConnection(url, properties);
            }
            throw e;
        }
    }

    /**
     * Cancels the running statement, if any; called by the Ctrl-C handler. It sends the
     * member a cancel request for the connection, not through {@code Statement.cancel()}: the
     * driver ignores that once the first rows of a cursor are in, and a streaming result is
     * read through a cursor for as long as it runs.
     */
    void cancel() {
        if (running != null) {
            try {
                connection.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                err.println("Could not cancel: " + describe(e));
            }
        }
    }

    /** Reads and runs statements until Ctrl-D, {@code quit} or {@code exit}. */
    void interact(LineReader reader) {
        StringBuilder buffer = new StringBuilder();
        while (true) {
            String line;
            try {
                line = reader.readLine(buffer.length() == 0 ? "contrail> " : "       -> ");
            } catch (UserInterruptException e) {
                buffer.setLength(0);
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            if (buffer.length() == 0 && line.strip().replaceAll(";$", "").matches("(?i)quit|exit|\\\\q")) {
                return;
            }
            if (buffer.length() == 0 && BackslashCommands.isCommand(line)) {
                runCommand(line);
                continue;
            }
            buffer.append(line).append('\n');
            if (SqlText.endsWithSemicolon(buffer.toString())) {
                runScript(buffer.toString());
                buffer.setLength(0);
            } else if (SqlText.isBlankOrComment(buffer.toString())) {
                buffer.setLength(0);
            }
        }
    }

    /**
     * Runs the statements of a script in order, and each line that is a backslash command between
     * them; stops at the first error. Returns whether all succeeded.
     */
    boolean runScript(String script) {
        StringBuilder statements = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String pending = statements.toString();
            boolean betweenStatements = SqlText.isBlankOrComment(pending) || SqlText.endsWithSemicolon(pending);
            if (betweenStatements && BackslashCommands.isCommand(line)) {
                if (!runStatements(pending) || !runCommand(line)) {
                    return false;
                }
                statements.setLength(0);
            } else {
                statements.append(line).append('\n');
            }
        }
        return runStatements(statements.toString());
    }

    private boolean runStatements(String script) {
        for (String sql : SqlText.split(script)) {
            if (!runStatement(sql)) {
                return false;
            }
        }
        return true;
    }

    private boolean runCommand(String line) {
        try {
            new BackslashCommands(connection, out).run(line);
            connection.commit();
            return true;
        } catch (SQLException e) {
            err.println(describe(e));
            rollbackQuietly();
            return false;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return false;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private boolean runStatement(String sql) {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(fetchSize);
            running = statement;
            if (statement.execute(sql)) {
                try (ResultSet rs = statement.getResultSet()) {
                    new TablePrinter(out).print(rs, start);
                }
            } else {
                long count = statement.getLargeUpdateCount();
                out.println("OK" + (count > 0 ? ", " + count + (count == 1 ? " row" : " rows") + " affected" : "")
                        + " " + TablePrinter.elapsed(start));
            }
            connection.commit();
            return true;
        } catch (SQLException e) {
            err.println(describe(e));
            err.flush();
            rollbackQuietly();
            return false;
        } finally {
            running = null;
            out.flush();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            err.println(describe(e));
        }
    }

    /** The error as a line for the user: severity, message and SQLSTATE. */
    private static String describe(SQLException e) {
        // the driver's messages of server errors start with their severity already
        String message = e.getMessage().matches("(?s)^(ERROR|FATAL|PANIC): .*") ? e.getMessage() : "ERROR: " + e.getMessage();
        return e.getSQLState() != null ? message + " (SQLSTATE " + e.getSQLState() + ")" : message;
    }
}
