package io.contrail.sql.impl.pgwire.catalog;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlResult;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;
import io.contrail.sql.SqlTableMetadata;
import io.contrail.sql.impl.pgwire.SqlText;
import io.contrail.sql.impl.type.SqlTypes;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.apache.calcite.tools.RelConversionException;
import org.apache.calcite.tools.RelRunner;
import org.apache.calcite.tools.ValidationException;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Runs the queries clients send to PostgreSQL's catalog ({@code pg_catalog.*},
 * {@code information_schema.*}): the JDBC driver's {@code DatabaseMetaData}, {@code psql}'s
 * {@code \d} commands, the object browsers of GUI tools. They are PostgreSQL, not Contrail's
 * SQL, and they read tables that describe Contrail's tables rather than stream data, so they run
 * here, on Calcite's in-memory executor, rather than as jobs:
 *
 * <ol>
 *   <li>{@link PgCatalogSchema} builds the catalog from the user's tables as they are now;</li>
 *   <li>Calcite's Babel parser reads the PostgreSQL ({@code ::} casts, {@code ~}, {@code E''},
 *       array subscripts), with PostgreSQL's identifier rules: unquoted names fold to lower case;</li>
 *   <li>{@link PgDialectRewriter} rewrites what Calcite lacks; the rest of PostgreSQL's functions
 *       come from Calcite's PostgreSQL library;</li>
 *   <li>Calcite validates, plans and runs the query, and the rows come back materialized.</li>
 * </ol>
 *
 * A query using PostgreSQL beyond that fails with an error naming what is not supported.
 *
 * <p>Threading: thread-safe; each query builds its own catalog and planner.
 */
public final class PgCatalogQueries {

    /** The PostgreSQL version we announce: 14's protocol and behaviour, which clients check. */
    public static final String SERVER_VERSION = "14.0";
    /** What {@code version()} says. */
    public static final String VERSION = "PostgreSQL " + SERVER_VERSION + " (Contrail)";
    /** The one database clients connect to. */
    public static final String DATABASE = "contrail";

    /** Babel's: lenient typing, as PostgreSQL's ({@code int_array = '{0}'}) needs. */
    private static final SqlConformanceEnum CONFORMANCE = SqlConformanceEnum.BABEL;
    /**
     * How Babel's lookup of select-list aliases reports a column that exists nowhere (the alias
     * it tried is the column itself).
     */
    private static final Pattern SELF_DEPENDENT_COLUMN = Pattern.compile(
            "(.*)The definition of column '([^']+)' depends on itself through the following columns: '\\2'");
    private static final SqlParser.Config PARSER = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withConformance(CONFORMANCE)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true);
    private static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
                    EnumSet.of(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL)),
            SqlOperatorTables.of(SqlLibraryOperators.ARRAY_TO_STRING));

    /** A user as a role of {@code pg_roles}. */
    public record Role(String name, boolean superuser) {

        public Role {
            requireNonNull(name, "name is null");
        }

        /** Whether {@code user} is a superuser (an admin) among {@code roles}. */
        public static boolean isSuperuser(List<Role> roles, String user) {
            return roles.stream().anyMatch(role -> role.name().equals(user) && role.superuser());
        }
    }

    /**
     * What one client connection does, for {@code pg_stat_activity}.
     *
     * @param processId     the connection's process ID
     * @param user          its user
     * @param clientAddress the client's IP address, or {@code null}
     * @param clientPort    the client's port, or -1
     * @param backendStart  when it connected
     * @param state         {@code active} while a statement runs, else {@code idle}
     * @param query         the statement running, or the last one; {@code null} before the first
     * @param queryStart    when that statement started, or {@code null}
     * @param stateChange   when the state last changed
     */
    public record Activity(int processId, String user, String applicationName, String clientAddress, int clientPort,
                           Instant backendStart, String state, String query, Instant queryStart, Instant stateChange) {

        public Activity {
            requireNonNull(user, "user is null");
            requireNonNull(applicationName, "applicationName is null");
            requireNonNull(backendStart, "backendStart is null");
            requireNonNull(state, "state is null");
            requireNonNull(stateChange, "stateChange is null");
        }
    }

    /**
     * Who asks and what they see.
     *
     * @param user      the session's user
     * @param processId the session's process ID, for {@code pg_backend_pid()}
     * @param tables    the tables the user's queries can read
     * @param roles     the users; the first is the bootstrap admin, who owns every object
     * @param settings  the session's settings, for {@code pg_settings}
     * @param activity  the client connections of this member, for {@code pg_stat_activity}
     */
    public record Session(String user, int processId, List<SqlTableMetadata> tables, List<Role> roles,
                          Map<String, String> settings, List<Activity> activity) {

        public Session {
            requireNonNull(user, "user is null");
            tables = List.copyOf(requireNonNull(tables, "tables is null"));
            roles = List.copyOf(requireNonNull(roles, "roles is null"));
            settings = Map.copyOf(requireNonNull(settings, "settings is null"));
            activity = List.copyOf(requireNonNull(activity, "activity is null"));
        }
    }

    /**
     * A query naming {@code pg_catalog.}, {@code information_schema.} or a table of pg_catalog, or
     * casting to an OID alias type ({@code 'name'::regclass}).
     */
    private static final Pattern CATALOG_QUERY = Pattern.compile("(?is)(SELECT|WITH)\\s.*(\\b("
            + PgCatalogSchema.PG_CATALOG + "\\s*\\.|" + PgCatalogSchema.INFORMATION_SCHEMA + "\\s*\\.|"
            + String.join("|", PgCatalogSchema.catalogTableNames()) + ")\\b|::\\s*reg(class|type|proc|namespace)\\b).*");

    private PgCatalogQueries() {
    }

    /** Whether a statement is a query of the catalog, which {@link #execute} runs. */
    public static boolean readsCatalog(String statement) {
        return CATALOG_QUERY.matcher(SqlText.withoutLiterals(statement)).matches();
    }

    /**
     * Runs a catalog query.
     *
     * @param sql        one query, {@code ?} for each parameter
     * @param parameters the values of the parameters, in order; {@code null} values are SQL NULL
     * @throws SqlException for a query that is not valid or not supported, with what is wrong
     */
    public static SqlResult execute(String sql, Object[] parameters, Session session) {
        requireNonNull(sql, "sql is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(session, "session is null");
        PgCatalogSchema catalog = new PgCatalogSchema(session);
        // the connection's root schema holds the catalog: the generated code finds tables through it
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.TIME_ZONE.camelName(), "UTC");
        try (CalciteConnection connection = (CalciteConnection) new Driver().connect("jdbc:calcite:", properties)) {
            catalog.addTo(connection.getRootSchema());
            RelRoot plan = plan(sql, parameters, session, catalog, connection.getRootSchema());
            List<SqlColumnMetadata> columns = new ArrayList<>();
            for (RelDataTypeField field : plan.validatedRowType.getFieldList()) {
                SqlTypeName type = field.getType().getSqlTypeName();
                columns.add(new SqlColumnMetadata(field.getName(),
                        type == SqlTypeName.ARRAY || type == SqlTypeName.ROW
                                ? SqlColumnType.VARCHAR : SqlTypes.toColumnType(field.getType())));
            }
            SqlRowMetadata metadata = new SqlRowMetadata(columns);
            List<SqlRow> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.unwrap(RelRunner.class).prepareStatement(plan.project());
                 ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    List<Object> values = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        values.add(value(resultSet.getObject(i + 1), columns.get(i).type()));
                    }
                    rows.add(new SqlRow(metadata, values));
                }
            }
            return SqlResult.ofRows(metadata, rows);
        } catch (SqlException e) {
            throw e;
        } catch (SQLException | RuntimeException | AssertionError e) {
            // AssertionError: Calcite's own checks, with assertions on; the session must go on
            throw new SqlException(SqlErrorCode.EXECUTION_FAILED, "Catalog query failed: "
                    + firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    private static RelRoot plan(String sql, Object[] parameters, Session session, PgCatalogSchema catalog,
                                SchemaPlus root) {
        FrameworkConfig config = Frameworks.newConfigBuilder()
                .parserConfig(PARSER)
                .defaultSchema(root.getSubSchema(PgCatalogSchema.PG_CATALOG))
                .operatorTable(OPERATORS)
                .sqlValidatorConfig(SqlValidator.Config.DEFAULT
                        .withConformance(CONFORMANCE)
                        .withIdentifierExpansion(true))
                .build();
        Planner planner = Frameworks.getPlanner(config);
        try {
            SqlNode parsed = planner.parse(PgDialectRewriter.normalizeText(sql));
            SqlNode rewritten = parsed.accept(new PgDialectRewriter(catalog, session.user(), session.processId(),
                    parameters, PARSER));
            return planner.rel(planner.validate(rewritten));
        } catch (SqlParseException e) {
            throw new SqlException(SqlErrorCode.SYNTAX_ERROR, "Catalog query not understood: "
                    + firstLine(e.getMessage()) + " (Contrail runs the PostgreSQL catalog queries of clients, not all"
                    + " of PostgreSQL's syntax)", e);
        } catch (ValidationException e) {
            String message = SELF_DEPENDENT_COLUMN.matcher(firstLine(e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage())).replaceAll("$1Column '$2' not found in any table");
            throw new SqlException(SqlErrorCode.INVALID_QUERY, "Catalog query not valid: " + message
                    + (message.contains("not found") ? " (a query of pg_catalog or information_schema reads only"
                    + " those; query Contrail's tables on their own)" : ""), e);
        } catch (RelConversionException | UnsupportedOperationException e) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "Catalog query not supported: "
                    + firstLine(e.getMessage()), e);
        } catch (AssertionError e) {
            // Calcite's checks of what it cannot plan, with assertions on
            throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "Catalog query not supported: "
                    + firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    private static Object value(Object value, SqlColumnType type) throws SQLException {
        if (value instanceof Array array) {
            return text((Object[]) array.getArray(), "{", "}");
        }
        if (value instanceof Timestamp timestamp) {
            // the connection's time zone is UTC
            return type == SqlColumnType.TIMESTAMP_WITH_TIME_ZONE ? timestamp.toLocalDateTime().atOffset(ZoneOffset.UTC)
                    : timestamp.toLocalDateTime();
        }
        if (value instanceof Struct struct) {
            return text(struct.getAttributes(), "(", ")");
        }
        if (value instanceof List<?> record) {
            return text(record.toArray(), "(", ")");
        }
        if (value == null || type.getValueClass().isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            return switch (type) {
                case TINYINT -> number.byteValue();
                case SMALLINT -> number.shortValue();
                case INTEGER -> number.intValue();
                case BIGINT -> number.longValue();
                case REAL -> number.floatValue();
                case DOUBLE -> number.doubleValue();
                default -> value.toString();
            };
        }
        return type == SqlColumnType.VARCHAR ? value.toString() : value;
    }

    /** An array or record in PostgreSQL's text form: {@code {a,b,NULL}}, {@code (a,b,NULL)}. */
    private static String text(Object[] elements, String open, String close) {
        StringJoiner text = new StringJoiner(",", open, close);
        Arrays.stream(elements).forEach(element -> text.add(element == null ? "NULL" : element.toString()));
        return text.toString();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
