package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;
import io.contrail.sql.impl.pgwire.catalog.PgCatalogQueries;
import io.contrail.sql.impl.users.UserStatements;
import io.contrail.sql.impl.users.UserStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Answers, without the engine, the statements PostgreSQL clients send by themselves on connect
 * or for metadata, so that {@code psql}, the JDBC driver and GUI tools work. Everything else goes
 * to the engine. Matching is case-insensitive on the whole statement:
 *
 * <table>
 * <caption>Intercepted statements</caption>
 * <tr><th>statement</th><th>answer</th></tr>
 * <tr><td>{@code SET ...}, {@code RESET ...}</td><td>tag {@code SET}/{@code RESET}; nothing changes</td></tr>
 * <tr><td>{@code BEGIN}, {@code START TRANSACTION ...}</td><td>tag {@code BEGIN}; there are no transactions, every statement acts at once</td></tr>
 * <tr><td>{@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}</td><td>tag {@code COMMIT}/{@code ROLLBACK}</td></tr>
 * <tr><td>{@code DISCARD ALL}, {@code DEALLOCATE ...}</td><td>their tag (connection pools send them)</td></tr>
 * <tr><td>{@code SHOW TRANSACTION ISOLATION LEVEL}, {@code SHOW name} of a setting below</td><td>one row, one column</td></tr>
 * <tr><td>a query of {@code version()}, {@code current_database()}, {@code current_schema()},
 *     {@code current_user}, ... alone, or a query reading {@code pg_catalog.*},
 *     {@code information_schema.*} or a {@code pg_class}/{@code pg_type}/... table</td>
 *     <td>its rows, from {@link PgCatalogQueries}: a PostgreSQL catalog describing the user's
 *     mappings and the system tables, so that {@code DatabaseMetaData}, {@code psql}'s {@code \d}
 *     and GUI tools' object browsers work</td></tr>
 * <tr><td>{@code SELECT pg_cancel_backend(pid)}, {@code SELECT pg_terminate_backend(pid)}</td>
 *     <td>the connection's statement cancelled, or the connection ended; one boolean</td></tr>
 * </table>
 *
 * Settings for SHOW: {@code server_version}, {@code server_encoding}, {@code client_encoding},
 * {@code DateStyle}, {@code TimeZone}, {@code integer_datetimes},
 * {@code standard_conforming_strings}, {@code transaction_isolation}, {@code search_path},
 * {@code max_identifier_length}, {@code is_superuser}, {@code transaction_read_only},
 * {@code default_transaction_read_only}, {@code application_name}. {@code SHOW MAPPINGS},
 * {@code SHOW JOBS} and the other SHOW statements of Contrail are not intercepted.
 *
 * <p>Threading: immutable; shared by all connections. A catalog query reads the user's tables
 * and the users from the {@link StatementRunner} when it runs.
 */
final class CatalogInterceptor {


    private static final Pattern SET = Pattern.compile("(?is)(SET|RESET)\\s.*");
    private static final Pattern BEGIN = Pattern.compile("(?is)(BEGIN|START\\s+TRANSACTION)(\\s.*)?");
    private static final Pattern COMMIT = Pattern.compile("(?is)(COMMIT|END)(\\s+(WORK|TRANSACTION))?");
    private static final Pattern ROLLBACK = Pattern.compile("(?is)(ROLLBACK|ABORT)(\\s+(WORK|TRANSACTION))?");
    private static final Pattern DISCARD = Pattern.compile("(?is)DISCARD\\s+ALL|DEALLOCATE(\\s.*)?");
    private static final Pattern SHOW = Pattern.compile("(?is)SHOW\\s+(\\w+|TRANSACTION\\s+ISOLATION\\s+LEVEL)");
    /** One function of the session, as a column: {@code version()}, {@code current_user}, ... */
    private static final String SESSION_COLUMN = "(?:pg_catalog\\.)?(?:version\\(\\)|current_database\\(\\)"
            + "|current_schema(?:\\(\\))?|current_schemas\\(\\w+\\)|current_catalog|current_user|session_user|user"
            + "|pg_backend_pid\\(\\))(?:\\s+AS\\s+\\S+)?";
    /** {@code SELECT pg_cancel_backend(pid)} or {@code pg_terminate_backend}, pid a number or {@code ?}. */
    private static final Pattern SIGNAL = Pattern.compile(
            "(?is)SELECT\\s+(?:pg_catalog\\.)?pg_(cancel|terminate)_backend\\s*\\(\\s*(\\d+|\\?)\\s*\\)(?:\\s+AS\\s+\\S+)?");
    /** A SELECT of session functions only, without FROM. */
    private static final Pattern SESSION_FUNCTIONS = Pattern.compile(
            "(?is)SELECT\\s+" + SESSION_COLUMN + "(?:\\s*,\\s*" + SESSION_COLUMN + ")*");

    private final StatementRunner runner;
    private final Backends backends;
    private final Map<String, String> settings;

    /**
     * @param runner   where catalog queries read the user's tables and the users
     * @param backends the member's client connections, for {@code pg_stat_activity} and the signals
     */
    CatalogInterceptor(StatementRunner runner, Backends backends) {
        this.runner = requireNonNull(runner, "runner is null");
        this.backends = requireNonNull(backends, "backends is null");
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.put("server_version", PgCatalogQueries.SERVER_VERSION);
        map.put("server_encoding", "UTF8");
        map.put("client_encoding", "UTF8");
        map.put("DateStyle", "ISO, MDY");
        map.put("TimeZone", "UTC");
        map.put("integer_datetimes", "on");
        map.put("standard_conforming_strings", "on");
        map.put("transaction_isolation", "read committed");
        map.put("search_path", "public");
        map.put("max_identifier_length", "63");
        map.put("is_superuser", "off");
        map.put("transaction_read_only", "off");
        map.put("default_transaction_read_only", "off");
        map.put("max_index_keys", "32");
        this.settings = map;
    }

    /** The ParameterStatus values sent after authentication. */
    Map<String, String> startupParameters(String applicationName) {
        Map<String, String> status = new TreeMap<>();
        for (String name : new String[] {"server_version", "server_encoding", "client_encoding", "DateStyle",
                "TimeZone", "integer_datetimes", "standard_conforming_strings", "is_superuser"}) {
            status.put(name, settings.get(name));
        }
        status.put("application_name", applicationName);
        return status;
    }

    /**
     * The answer to a statement, or empty if the engine is to run it.
     *
     * @param statement  one statement, trimmed, without its {@code ;}, {@code ?} for each parameter
     * @param parameters the values of the parameters
     * @param session    who asks
     * @throws SqlException for a catalog query that is not valid or not supported
     */
    Optional<StatementResult> intercept(String statement, Object[] parameters, SessionInfo session) {
        requireNonNull(statement, "statement is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(session, "session is null");
        if (SET.matcher(statement).matches()) {
            return Optional.of(MaterializedResult.updateCount(0));
        }
        if (BEGIN.matcher(statement).matches() || COMMIT.matcher(statement).matches()
                || ROLLBACK.matcher(statement).matches() || DISCARD.matcher(statement).matches()) {
            return Optional.of(MaterializedResult.updateCount(0));
        }
        Matcher show = SHOW.matcher(statement);
        if (show.matches()) {
            String name = show.group(1).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (name.equals("transaction isolation level")) {
                return Optional.of(MaterializedResult.varcharColumn("transaction_isolation", settings.get("transaction_isolation")));
            }
            if (name.equals("application_name")) {
                return Optional.of(MaterializedResult.varcharColumn(name, session.applicationName()));
            }
            if (settings.containsKey(name)) {
                return Optional.of(MaterializedResult.varcharColumn(name, settings.get(name)));
            }
            return Optional.empty();
        }
        Matcher signal = SIGNAL.matcher(statement);
        if (signal.matches()) {
            return Optional.of(signal(signal.group(1).equalsIgnoreCase("terminate"), signal.group(2), parameters, session));
        }
        if (SESSION_FUNCTIONS.matcher(statement).matches() || PgCatalogQueries.readsCatalog(statement)) {
            PgCatalogQueries.Session catalogSession = new PgCatalogQueries.Session(session.user(), session.processId(),
                    runner.tables(session.user()), roles(session.user()), sessionSettings(session), backends.activity());
            return Optional.of(StatementResult.of(PgCatalogQueries.execute(statement, parameters, catalogSession)));
        }
        return Optional.empty();
    }

    /**
     * {@code pg_cancel_backend(pid)} or {@code pg_terminate_backend(pid)}: an admin may signal any
     * connection of this member, a user their own; one boolean column, false when no connection
     * has that process ID.
     */
    private StatementResult signal(boolean terminate, String pidText, Object[] parameters, SessionInfo session) {
        String function = terminate ? "pg_terminate_backend" : "pg_cancel_backend";
        Object pidValue = pidText.equals("?") ? (parameters.length == 1 ? parameters[0] : null) : pidText;
        int pid;
        try {
            pid = Integer.parseInt(String.valueOf(pidValue).strip());
        } catch (NumberFormatException e) {
            throw new SqlException(SqlErrorCode.DATA_CONVERSION_ERROR, function + " takes a process ID (an integer, as"
                    + " pg_stat_activity.pid lists), got " + pidValue);
        }
        Optional<PgCatalogQueries.Activity> target = backends.activity().stream()
                .filter(connection -> connection.processId() == pid).findFirst();
        boolean admin = PgCatalogQueries.Role.isSuperuser(roles(session.user()), session.user());
        if (target.isPresent() && !admin && !target.get().user().equals(session.user())) {
            throw new SqlException(SqlErrorCode.PERMISSION_DENIED, "User '" + session.user() + "' may not signal"
                    + " connection " + pid + " of user '" + target.get().user() + "': only an admin signals other"
                    + " users' connections");
        }
        boolean signalled = target.isPresent() && backends.signal(pid, terminate);
        SqlRowMetadata metadata = new SqlRowMetadata(List.of(new SqlColumnMetadata(function, SqlColumnType.BOOLEAN)));
        return new MaterializedResult(metadata, List.of(new SqlRow(metadata, List.of(signalled))), -1);
    }

    /** The users as roles, from SHOW USERS; the bootstrap admin first. */
    private List<PgCatalogQueries.Role> roles(String user) {
        List<PgCatalogQueries.Role> roles = new ArrayList<>();
        roles.add(new PgCatalogQueries.Role(UserStore.ADMIN, true));
        try (StatementResult users = runner.run(user, "SHOW USERS", new Object[0])) {
            users.rows().forEachRemaining(row -> {
                String name = (String) row.getObject(0);
                if (!name.equals(UserStore.ADMIN)) {
                    roles.add(new PgCatalogQueries.Role(name, UserStatements.ADMIN_ROLE.equals(row.getObject(2))));
                }
            });
        } catch (SqlException e) {
            // a runner without users (an embedded member's tests): the admin and the session's user
        }
        if (roles.stream().noneMatch(role -> role.name().equals(user))) {
            roles.add(new PgCatalogQueries.Role(user, false));
        }
        return roles;
    }

    private Map<String, String> sessionSettings(SessionInfo session) {
        Map<String, String> values = new TreeMap<>(settings);
        values.put("application_name", session.applicationName());
        return values;
    }

    /**
     * The command tag of CommandComplete for a statement that ended with {@code rows} rows or an
     * update count: {@code SELECT n} for rows, {@code INSERT 0 n}, {@code UPDATE n},
     * {@code DELETE n}, {@code MERGE n} for changes, else the statement's leading keywords
     * ({@code CREATE MAPPING}, {@code DROP JOB}, {@code SET}, {@code BEGIN}, ...).
     */
    static String commandTag(String statement, boolean rowSet, long count) {
        String[] words = statement.strip().split("\\s+", 4);
        String first = words[0].toUpperCase(Locale.ROOT);
        if (rowSet) {
            return first.equals("SHOW") && words.length == 2 && !words[1].equalsIgnoreCase("MAPPINGS")
                    && !words[1].equalsIgnoreCase("JOBS") && !words[1].equalsIgnoreCase("SNAPSHOTS")
                    ? "SHOW" : "SELECT " + count;
        }
        return switch (first) {
            case "INSERT", "SINK" -> "INSERT 0 " + count;
            case "UPDATE", "DELETE", "MERGE" -> first + " " + count;
            case "START" -> "BEGIN";
            case "END" -> "COMMIT";
            case "ABORT" -> "ROLLBACK";
            case "CREATE", "DROP", "ALTER" -> words.length > 1 ? first + " " + secondKeyword(words) : first;
            case "DISCARD" -> "DISCARD ALL";
            default -> first;
        };
    }

    /** The object kind of CREATE/DROP/ALTER, skipping OR REPLACE. */
    private static String secondKeyword(String[] words) {
        String second = words[1].toUpperCase(Locale.ROOT);
        if (second.equals("OR") && words.length > 3) {
            return words[3].split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        }
        return second;
    }
}
