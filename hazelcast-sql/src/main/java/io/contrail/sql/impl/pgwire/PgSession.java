package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlRowMetadata;
import io.contrail.sql.impl.pgwire.Authenticator.AuthenticationFailedException;
import io.contrail.sql.impl.pgwire.ClientMessage.AuthenticationResponse;
import io.contrail.sql.impl.pgwire.ClientMessage.Bind;
import io.contrail.sql.impl.pgwire.ClientMessage.Close;
import io.contrail.sql.impl.pgwire.ClientMessage.Describe;
import io.contrail.sql.impl.pgwire.ClientMessage.Execute;
import io.contrail.sql.impl.pgwire.ClientMessage.Flush;
import io.contrail.sql.impl.pgwire.ClientMessage.Parse;
import io.contrail.sql.impl.pgwire.ClientMessage.Query;
import io.contrail.sql.impl.pgwire.ClientMessage.Startup;
import io.contrail.sql.impl.pgwire.ClientMessage.Sync;
import io.contrail.sql.impl.pgwire.ClientMessage.Terminate;
import io.contrail.sql.impl.pgwire.ClientMessage.Unsupported;
import io.contrail.sql.impl.pgwire.catalog.PgCatalogQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static java.util.Objects.requireNonNull;

/**
 * One client connection's protocol state: authentication, prepared statements, portals, and
 * the statement running now. The flows (F: frontend, B: backend):
 *
 * <pre>
 * startup     F: [SSLRequest -> B: 'S' and TLS, or 'N'] StartupMessage(user, database=contrail)
 *             B: Authentication* ... AuthenticationOk, ParameterStatus*, BackendKeyData, ReadyForQuery
 * simple      F: Query("s1; s2")
 *             B: per statement [RowDescription, DataRow*] CommandComplete | EmptyQueryResponse
 *                (an error ends the statements: ErrorResponse), then ReadyForQuery
 * extended    F: Parse, Bind, Describe(portal), Execute(max rows), ..., Sync
 *             B: ParseComplete, BindComplete, RowDescription | NoData, DataRow*,
 *                CommandComplete | PortalSuspended, ..., ReadyForQuery
 *             after an error (ErrorResponse) messages are skipped until Sync
 * cancel      F (new connection): CancelRequest(pid, key) -> the running statement fails with 57014
 * </pre>
 *
 * A portal's statement runs when the portal is first described or executed, so that Describe
 * can tell the row description; Execute then streams its rows. Parameters are PostgreSQL's
 * {@code $n}, turned into the engine's {@code ?} ({@link SqlText}). There are no transactions:
 * the state in ReadyForQuery is always idle, BEGIN and COMMIT are accepted and do nothing
 * ({@link CatalogInterceptor}). Sync closes the unnamed portal; named ones live until Close.
 *
 * <p>Threading: the event loop only calls {@link #submit}, which queues the message for this
 * session's own thread, where every protocol step and statement runs (statements may block, and
 * must never block an event loop). {@link #cancel()} and {@link #close()} may be called from any
 * thread. Fields without a note are confined to the session thread.
 */
final class PgSession {

    private static final Logger LOGGER = LoggerFactory.getLogger(PgSession.class);

    private enum Phase { STARTUP, AUTHENTICATING, READY }

    /** A parsed statement: the client's text, the engine's text and the parameter types (0: unspecified). */
    private record Prepared(String sql, SqlText.Placeholders placeholders, int[] parameterTypes) {

        /** The text for the engine: {@code ?} for each parameter. */
        String engineSql() {
            return placeholders != null ? placeholders.sql() : sql;
        }
    }

    /** A bound statement and, once it runs, its result. */
    private static final class Portal {
        final Prepared prepared;
        final Object[] parameters;
        final ResultFormats formats;
        StatementResult result;
        Iterator<SqlRow> rows;
        long rowCount;
        boolean finished;

        Portal(Prepared prepared, Object[] parameters, ResultFormats formats) {
            this.prepared = prepared;
            this.parameters = parameters;
            this.formats = formats;
        }

        void close() {
            finished = true;
            if (result != null) {
                result.close();
            }
        }
    }

    private final PgOutput output;
    private final StatementRunner runner;
    private final CatalogInterceptor interceptor;
    private final Authenticator authenticator;
    private final int processId;
    private final int secretKey;
    private final Runnable onClose;
    private final ExecutorService thread;
    private final Map<String, Prepared> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();

    private Phase phase = Phase.STARTUP;
    private Authenticator.Exchange authentication;
    private SessionInfo info;
    private String applicationName = "";
    private boolean skipUntilSync;
    /** The result being produced or streamed now; read by cancel() on any thread. */
    private volatile StatementResult running;
    /** What the connection does, for pg_stat_activity; written by the session thread, read by any. */
    private volatile PgCatalogQueries.Activity activity;
    private final String clientAddress;
    private final int clientPort;
    private final Instant backendStart = Instant.now();
    /** Set by cancel() on any thread, cleared by the session thread when a statement starts. */
    private volatile boolean cancelRequested;
    private volatile boolean closed;

    /**
     * @param processId the id in BackendKeyData
     * @param secretKey the key a CancelRequest must give
     * @param client    where the client connects from
     * @param onClose   run once when the session closes (the server forgets it)
     */
    PgSession(PgOutput output, StatementRunner runner, CatalogInterceptor interceptor, Authenticator authenticator,
              int processId, int secretKey, SocketAddress client, Runnable onClose) {
        this.output = requireNonNull(output, "output is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.interceptor = requireNonNull(interceptor, "interceptor is null");
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.processId = processId;
        this.secretKey = secretKey;
        this.onClose = requireNonNull(onClose, "onClose is null");
        InetSocketAddress inet = client instanceof InetSocketAddress address ? address : null;
        this.clientAddress = inet != null && inet.getAddress() != null ? inet.getAddress().getHostAddress() : null;
        this.clientPort = inet != null ? inet.getPort() : -1;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "contrail-pgwire-session-" + processId);
            t.setDaemon(true);
            return t;
        });
    }

    int processId() {
        return processId;
    }

    int secretKey() {
        return secretKey;
    }

    /** What the connection does now; {@code null} until the user has logged in. */
    PgCatalogQueries.Activity activity() {
        return activity;
    }

    /** Records that a statement started ({@code sql}) or that none runs ({@code null}: idle). */
    private void recordActivity(String sql) {
        PgCatalogQueries.Activity last = activity;
        Instant now = Instant.now();
        activity = new PgCatalogQueries.Activity(processId, info.user(), info.applicationName(), clientAddress,
                clientPort, backendStart, sql != null ? "active" : "idle",
                sql != null ? sql : last != null ? last.query() : null,
                sql != null ? now : last != null ? last.queryStart() : null, now);
    }

    /** Queues a message for the session thread; called on the event loop, in arrival order. */
    void submit(ClientMessage message) {
        if (!closed) {
            thread.execute(() -> handleSafely(message));
        }
    }

    /** Cancels the running statement, if any; any thread (a CancelRequest's event loop). */
    void cancel() {
        cancelRequested = true;
        StatementResult result = running;
        if (result != null) {
            result.close();
        }
    }

    /** Ends the connection on another user's request (pg_terminate_backend); any thread. */
    void terminate() {
        output.errorResponse(PgError.fatal(PgError.ADMIN_SHUTDOWN, "terminating connection due to administrator command"));
        output.close();
        close();
    }

    /** Cancels what runs and stops the session thread; idempotent, any thread. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancel();
        thread.execute(this::closePortals);
        thread.shutdown();
        onClose.run();
    }

    private void handleSafely(ClientMessage message) {
        try {
            handle(message);
        } catch (RuntimeException e) {
            LOGGER.warn("Connection {} failed on {}; closing it", processId, message.getClass().getSimpleName(), e);
            output.errorResponse(PgError.fatal("XX000", "internal error: " + e.getMessage()));
            output.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output.close();
        }
    }

    private void handle(ClientMessage message) throws InterruptedException {
        switch (phase) {
            case STARTUP -> startup(message);
            case AUTHENTICATING -> authenticate(message);
            case READY -> ready(message);
        }
    }

    private void startup(ClientMessage message) {
        if (!(message instanceof Startup startup)) {
            fatal(PgError.PROTOCOL_VIOLATION, "expected a startup message, got " + message);
            return;
        }
        if (startup.protocolVersion() != PgMessageDecoder.PROTOCOL_3_0) {
            fatal(PgError.PROTOCOL_VIOLATION, "unsupported frontend protocol " + (startup.protocolVersion() >> 16) + "."
                    + (startup.protocolVersion() & 0xFFFF) + ": Contrail serves protocol 3.0");
            return;
        }
        String user = startup.parameters().get("user");
        if (user == null || user.isBlank()) {
            fatal("28000", "no user name in the startup message; connect with a user (-U for psql)");
            return;
        }
        String database = startup.parameters().getOrDefault("database", PgCatalogQueries.DATABASE);
        if (!database.equals(PgCatalogQueries.DATABASE)) {
            fatal(PgError.INVALID_CATALOG_NAME, "database \"" + database + "\" does not exist; Contrail has one database: connect to \""
                    + PgCatalogQueries.DATABASE + "\"");
            return;
        }
        applicationName = startup.parameters().getOrDefault("application_name", "");
        info = new SessionInfo(user, applicationName, processId);
        try {
            authentication = authenticator.start(user);
            phase = Phase.AUTHENTICATING;
            send(authentication.first());
        } catch (AuthenticationFailedException e) {
            fatal(PgError.INVALID_PASSWORD, e.getMessage());
        }
    }

    private void authenticate(ClientMessage message) {
        if (!(message instanceof AuthenticationResponse response)) {
            fatal(PgError.PROTOCOL_VIOLATION, "expected an authentication response, got " + message.getClass().getSimpleName());
            return;
        }
        try {
            send(authentication.next(response.data()));
        } catch (AuthenticationFailedException e) {
            fatal(PgError.INVALID_PASSWORD, e.getMessage());
        }
    }

    private void send(Authenticator.Step step) {
        output.authentication(step.code(), step.data());
        if (!step.isDone()) {
            output.flush();
            return;
        }
        if (step.code() != Authenticator.Step.OK) {
            output.authenticationOk();
        }
        authentication = null;
        phase = Phase.READY;
        interceptor.startupParameters(applicationName).forEach(output::parameterStatus);
        output.backendKeyData(processId, secretKey);
        recordActivity(null);
        output.readyForQuery();
        output.flush();
        LOGGER.debug("Connection {}: user {} authenticated", processId, info.user());
    }

    private void fatal(String sqlState, String message) {
        output.errorResponse(PgError.fatal(sqlState, message));
        output.close();
    }

    private void ready(ClientMessage message) throws InterruptedException {
        if (message instanceof Sync) {
            skipUntilSync = false;
            closePortal("");
            recordActivity(null);
            output.readyForQuery();
            output.flush();
            return;
        }
        if (message instanceof Query query) {
            simpleQuery(query.sql());
            return;
        }
        if (message instanceof Terminate) {
            output.close();
            return;
        }
        if (skipUntilSync) {
            return;
        }
        try {
            extended(message);
        } catch (RuntimeException e) {
            sendError(e, null);
            skipUntilSync = true;
        }
    }

    private void extended(ClientMessage message) throws InterruptedException {
        if (message instanceof Parse parse) {
            parse(parse);
        } else if (message instanceof Bind bind) {
            bind(bind);
        } else if (message instanceof Describe describe) {
            describe(describe);
        } else if (message instanceof Execute execute) {
            execute(execute);
        } else if (message instanceof Close close) {
            if (close.kind() == 'S') {
                statements.remove(close.name());
            } else {
                closePortal(close.name());
            }
            output.closeComplete();
        } else if (message instanceof Flush) {
            output.flush();
        } else if (message instanceof Unsupported unsupported) {
            throw new PgException(PgError.error(PgError.FEATURE_NOT_SUPPORTED, "message type '" + unsupported.type()
                    + "' is not supported (no COPY, no function calls)"));
        } else {
            throw new PgException(PgError.error(PgError.PROTOCOL_VIOLATION, "unexpected message " + message.getClass().getSimpleName()));
        }
    }

    private void simpleQuery(String text) throws InterruptedException {
        cancelRequested = false;
        List<String> list = SqlText.split(text);
        if (list.isEmpty()) {
            output.emptyQueryResponse();
        }
        for (String statement : list) {
            Portal portal = new Portal(new Prepared(statement, null, new int[0]), new Object[0], ResultFormats.TEXT);
            try {
                start(portal);
                SqlRowMetadata metadata = portal.result.rowMetadata();
                if (metadata != null) {
                    output.rowDescription(metadata, portal.formats);
                }
                complete(portal, 0);
            } catch (RuntimeException e) {
                sendError(e, statement);
                break;
            } finally {
                portal.close();
            }
        }
        recordActivity(null);
        output.readyForQuery();
        output.flush();
    }

    private void parse(Parse parse) {
        if (!parse.statementName().isEmpty() && statements.containsKey(parse.statementName())) {
            throw new PgException(PgError.error(PgError.DUPLICATE_PREPARED_STATEMENT,
                    "prepared statement \"" + parse.statementName() + "\" already exists; close it first"));
        }
        SqlText.Placeholders placeholders = SqlText.translatePlaceholders(parse.sql().strip());
        int[] types = Arrays.copyOf(parse.parameterTypes(), Math.max(placeholders.parameterCount(), parse.parameterTypes().length));
        statements.put(parse.statementName(), new Prepared(parse.sql().strip(), placeholders, types));
        output.parseComplete();
    }

    private void bind(Bind bind) {
        Prepared prepared = statement(bind.statementName());
        if (bind.parameters().size() != prepared.parameterTypes().length) {
            throw new PgException(PgError.error(PgError.PROTOCOL_VIOLATION, "bind message supplies " + bind.parameters().size()
                    + " parameters, but the prepared statement requires " + prepared.parameterTypes().length));
        }
        Object[] values = new Object[bind.parameters().size()];
        short[] formats = bind.parameterFormats();
        for (int i = 0; i < values.length; i++) {
            boolean binary = formats.length != 0 && (formats.length == 1 ? formats[0] : formats[i]) == 1;
            values[i] = PgParameters.decode(i, prepared.parameterTypes()[i], binary, bind.parameters().get(i));
        }
        if (bind.portalName().isEmpty()) {
            closePortal("");
        } else if (portals.containsKey(bind.portalName())) {
            throw new PgException(PgError.error(PgError.DUPLICATE_CURSOR, "portal \"" + bind.portalName() + "\" already exists"));
        }
        portals.put(bind.portalName(), new Portal(prepared, prepared.placeholders().engineParameters(values),
                new ResultFormats(bind.resultFormats())));
        output.bindComplete();
    }

    private void describe(Describe describe) {
        if (describe.kind() == 'S') {
            Prepared prepared = statement(describe.name());
            int[] types = prepared.parameterTypes().clone();
            for (int i = 0; i < types.length; i++) {
                types[i] = types[i] == 0 ? PgType.TEXT.oid() : types[i];
            }
            output.parameterDescription(types);
            // Answers known without running the statement: the interceptor's, else the engine's plan.
            SqlRowMetadata metadata = interceptor.intercept(prepared.engineSql(),
                            new Object[prepared.placeholders().parameterOrder().size()], info)
                    .map(StatementResult::rowMetadata)
                    .orElseGet(() -> describedByEngine(prepared));
            if (metadata != null) {
                output.rowDescription(metadata, ResultFormats.TEXT);
            } else {
                output.noData();
            }
            return;
        }
        Portal portal = portal(describe.name());
        cancelRequested = false;
        start(portal);
        SqlRowMetadata metadata = portal.result.rowMetadata();
        if (metadata != null) {
            output.rowDescription(metadata, portal.formats);
        } else {
            output.noData();
        }
    }

    /**
     * The engine's description of a prepared statement's rows, or {@code null}. An invalid
     * statement describes as no rows: its error comes when it runs, with its position.
     */
    private SqlRowMetadata describedByEngine(Prepared prepared) {
        try {
            return runner.describe(info.user(), prepared.engineSql()).orElse(null);
        } catch (SqlException e) {
            return null;
        }
    }

    private void execute(Execute execute) throws InterruptedException {
        Portal portal = portal(execute.portalName());
        if (portal.result == null) {
            cancelRequested = false;
            start(portal);
        }
        if (portal.finished) {
            output.commandComplete(CatalogInterceptor.commandTag(portal.prepared.sql(), portal.result.rowMetadata() != null, 0));
            return;
        }
        complete(portal, execute.maxRows());
    }

    /** Runs the portal's statement, unless the interceptor answers it. */
    private void start(Portal portal) {
        if (portal.result != null) {
            return;
        }
        String engineSql = portal.prepared.engineSql();
        recordActivity(portal.prepared.sql());
        StatementResult result;
        try {
            result = interceptor.intercept(engineSql, portal.parameters, info).orElse(null);
        } catch (RuntimeException e) {
            throw new PgException(PgError.of(e, engineSql), e);
        }
        if (result == null) {
            try {
                result = runner.run(info.user(), engineSql, portal.parameters);
            } catch (RuntimeException e) {
                throw new PgException(PgError.of(e, engineSql), e);
            }
        }
        portal.result = result;
        if (cancelRequested) {
            throw PgException.cancelled();
        }
    }

    /**
     * Streams the rows of a started portal, at most {@code maxRows} (0: all), then sends
     * CommandComplete or, if rows remain, PortalSuspended.
     */
    private void complete(Portal portal, int maxRows) throws InterruptedException {
        StatementResult result = portal.result;
        if (result.rowMetadata() == null) {
            portal.close();
            output.commandComplete(CatalogInterceptor.commandTag(portal.prepared.sql(), false, result.updateCount()));
            return;
        }
        if (portal.rows == null) {
            portal.rows = result.rows();
        }
        running = result;
        try {
            for (int sent = 0; maxRows <= 0 || sent < maxRows; sent++) {
                output.awaitWritable(() -> cancelRequested);
                if (cancelRequested) {
                    throw PgException.cancelled();
                }
                if (!output.isOpen()) {
                    throw new PgException(PgError.error(PgError.QUERY_CANCELED, "the client closed the connection"));
                }
                if (!portal.rows.hasNext()) {
                    if (cancelRequested) {
                        // a result closed by cancel() may simply end
                        throw PgException.cancelled();
                    }
                    portal.close();
                    output.commandComplete(CatalogInterceptor.commandTag(portal.prepared.sql(), true, portal.rowCount));
                    return;
                }
                SqlRow row = portal.rows.next();
                if (cancelRequested) {
                    throw PgException.cancelled();
                }
                output.dataRow(row, portal.formats);
                portal.rowCount++;
            }
            output.portalSuspended();
        } catch (RuntimeException e) {
            portal.close();
            throw cancelRequested && !(e instanceof PgException) ? PgException.cancelled() : e;
        } finally {
            running = null;
        }
    }

    private Prepared statement(String name) {
        Prepared prepared = statements.get(name);
        if (prepared == null) {
            throw new PgException(PgError.error(PgError.INVALID_STATEMENT_NAME, "prepared statement \"" + name + "\" does not exist"));
        }
        return prepared;
    }

    private Portal portal(String name) {
        Portal portal = portals.get(name);
        if (portal == null) {
            throw new PgException(PgError.error(PgError.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist"));
        }
        return portal;
    }

    private void closePortal(String name) {
        Portal portal = portals.remove(name);
        if (portal != null) {
            portal.close();
        }
    }

    private void closePortals() {
        portals.values().forEach(Portal::close);
        portals.clear();
    }

    private void sendError(RuntimeException e, String statement) {
        PgError error = e instanceof PgException pg ? pg.error() : PgError.of(e, statement);
        if (error.sqlState().equals("XX000")) {
            LOGGER.warn("Connection {}: statement failed", processId, e);
        }
        output.errorResponse(error);
    }
}
