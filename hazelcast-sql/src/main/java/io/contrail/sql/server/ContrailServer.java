package io.contrail.sql.server;

import com.hazelcast.core.Hazelcast;
import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailInstance;
import io.contrail.sql.SqlService;
import io.contrail.sql.impl.pgwire.Authenticator;
import io.contrail.sql.impl.pgwire.PgWireServer;
import io.contrail.sql.impl.pgwire.ScramAuthenticator;
import io.contrail.sql.impl.pgwire.StatementRunner;
import io.contrail.sql.impl.pgwire.Tls;
import io.contrail.sql.impl.users.User;
import io.contrail.sql.impl.users.UserStore;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * A standalone member: a Contrail member and its SQL endpoint (PostgreSQL wire protocol), as
 * {@code bin/contrail start} runs it. Several started on one machine with the same cluster name
 * form one cluster (member and SQL ports move on to the next free one).
 *
 * <pre>
 * java -cp ... io.contrail.sql.server.ContrailServer [--config contrail.yaml]
 * </pre>
 *
 * It runs in the foreground, logs through Log4j2 (configuration
 * {@code io/contrail/sql/server/log4j2.xml} unless {@code -Dlog4j2.configurationFile} names
 * another), authenticates SQL clients by SCRAM-SHA-256 against the users of the cluster (user
 * {@code admin} is created with the password of {@value #ADMIN_PASSWORD_VARIABLE} or
 * {@code sql.adminPassword} if the cluster has none) and shuts down cleanly on SIGTERM or Ctrl-C: the SQL endpoint closes its connections
 * (cancelling running statements), then the member leaves the cluster.
 *
 * <p>Threading: {@link #start} and {@link #close()} may be called from any thread.
 */
public final class ContrailServer implements AutoCloseable {

    /** The environment variable with the password of user admin for a fresh cluster. */
    public static final String ADMIN_PASSWORD_VARIABLE = "CONTRAIL_ADMIN_PASSWORD";

    private static final int SQL_PORT_ATTEMPTS = 100;

    private final ContrailInstance member;
    private final PgWireServer sqlEndpoint;

    private ContrailServer(ContrailInstance member, PgWireServer sqlEndpoint) {
        this.member = member;
        this.sqlEndpoint = sqlEndpoint;
    }

    /** Starts a member and its SQL endpoint; blocks until the member has joined its cluster. */
    public static ContrailServer start(ContrailServerConfig config) {
        requireNonNull(config, "config is null").validate();
        ContrailServerConfig.Sql sql = config.sql();
        // the TLS files are checked before the member starts
        Tls tls = sql.getTlsCertificate() == null ? null
                : Tls.fromPem(Path.of(sql.getTlsCertificate()), Path.of(sql.getTlsPrivateKey()), sql.isTlsRequired());
        ContrailInstance member = Contrail.newMember(config.member());
        try {
            String bindAddress = sql.getBindAddress() != null ? sql.getBindAddress() : config.member().getBindAddress();
            Authenticator authenticator = authenticator(member, sql);
            PgWireServer endpoint = startSqlEndpoint(bindAddress, sql, tls,
                    StatementRunner.of(user -> SqlService.of(member, user)), authenticator);
            return new ContrailServer(member, endpoint);
        } catch (RuntimeException | Error e) {
            member.shutdown();
            throw e;
        }
    }

    private static Authenticator authenticator(ContrailInstance member, ContrailServerConfig.Sql sql) {
        if (ContrailServerConfig.AUTHENTICATION_TRUST.equals(sql.getAuthentication())) {
            LoggerFactory.getLogger(ContrailServer.class).warn("sql.authentication is trust: SQL clients are let in"
                    + " as any user they name, without a password");
            return Authenticator.TRUST;
        }
        UserStore users = new UserStore(member.getHazelcastInstance());
        String environmentPassword = System.getenv(ADMIN_PASSWORD_VARIABLE);
        users.ensureAdmin(environmentPassword != null && !environmentPassword.isEmpty()
                ? environmentPassword : sql.getAdminPassword());
        return new ScramAuthenticator(name -> users.get(name).map(User::credentials));
    }

    private static PgWireServer startSqlEndpoint(String bindAddress, ContrailServerConfig.Sql sql, Tls tls,
                                                 StatementRunner runner, Authenticator authenticator) {
        int attempts = sql.isPortAutoIncrement() && sql.getPort() != 0 ? SQL_PORT_ATTEMPTS : 1;
        IllegalStateException failure = null;
        for (int i = 0; i < attempts && sql.getPort() + i <= 65535; i++) {
            try {
                return PgWireServer.start(new PgWireServer.Settings(bindAddress, sql.getPort() + i, sql.getMaxConnections(),
                        tls), runner, authenticator);
            } catch (IllegalStateException e) {
                failure = failure == null ? e : failure;
            }
        }
        throw new IllegalStateException("No free SQL port among " + sql.getPort() + ".." + (sql.getPort() + attempts - 1)
                + " on " + bindAddress + "; set sql.port in the configuration", failure);
    }

    /** The member. */
    public ContrailInstance member() {
        return member;
    }

    /** The port the SQL endpoint listens on. */
    public int sqlPort() {
        return sqlEndpoint.port();
    }

    /** Closes the SQL endpoint, then shuts the member down. Idempotent. */
    @Override
    public void close() {
        try {
            sqlEndpoint.close();
        } finally {
            member.shutdown();
        }
    }

    /**
     * Runs a member until SIGTERM or Ctrl-C. Arguments: {@code [--config file]}; without it,
     * {@code contrail.yaml} in the working directory if there is one, else the defaults.
     */
    public static void main(String[] args) throws InterruptedException {
        // before the first logger: our logging configuration, and shutdown hooks run by us, in order
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "io/contrail/sql/server/log4j2.xml");
        }
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        System.setProperty("hazelcast.shutdownhook.enabled", "false");
        System.setProperty("hazelcast.logging.type", "slf4j");
        Logger logger = LoggerFactory.getLogger(ContrailServer.class);
        AtomicReference<ContrailServer> started = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        // registered before the start, so that a SIGTERM while the member joins stops it too
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            logger.info("Shutting down");
            try {
                ContrailServer server = started.get();
                if (server != null) {
                    server.close();
                } else {
                    Hazelcast.shutdownAll();
                }
                logger.info("Stopped");
            } finally {
                stopped.countDown();
                LogManager.shutdown();
            }
        }, "contrail-shutdown"));
        try {
            ContrailServerConfig config = configFrom(args);
            ContrailServer server = start(config);
            started.set(server);
            if (stopping.get()) {
                server.close();
                return;
            }
            logger.info("Contrail member ready: cluster '{}', SQL on port {} (psql -h {} -p {} -U admin contrail)",
                    config.member().getClusterName(), server.sqlPort(), config.member().getBindAddress(), server.sqlPort());
        } catch (RuntimeException e) {
            if (stopping.get()) {
                // stopped while starting: the shutdown hook does the rest
                return;
            }
            logger.error("Contrail could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        stopped.await();
    }

    private static ContrailServerConfig configFrom(String[] args) {
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown argument '" + args[i] + "'; usage: ContrailServer [--config contrail.yaml]");
            }
        }
        if (file == null && Files.exists(Path.of("contrail.yaml"))) {
            file = Path.of("contrail.yaml");
        }
        return file == null ? new ContrailServerConfig() : ContrailServerConfig.load(file);
    }
}
