package io.contrail.sql.impl.pgwire;

import io.contrail.sql.impl.pgwire.catalog.PgCatalogQueries;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * The PostgreSQL wire protocol (v3) endpoint of a member, on Netty: clients such as
 * {@code psql}, the PostgreSQL JDBC driver and {@code bin/contrail sql} connect to database
 * {@code contrail} and run SQL through a {@link StatementRunner}. The protocol itself is in
 * {@link PgSession}; the statements clients send on their own in {@link CatalogInterceptor}.
 *
 * <pre>{@code
 * PgWireServer server = PgWireServer.start(new PgWireServer.Settings("127.0.0.1", 5433, 100),
 *         StatementRunner.of(user -> SqlService.of(member, user)), Authenticator.TRUST);
 * ...
 * server.close();
 * }</pre>
 *
 * <p>Threading: thread-safe. One acceptor thread and two event-loop threads do all network I/O
 * and never block; each connection runs its statements on a thread of its own, at most
 * {@code maxConnections} at once.
 */
public final class PgWireServer implements AutoCloseable, Backends {

    private static final Logger LOGGER = LoggerFactory.getLogger(PgWireServer.class);
    private static final int IO_THREADS = 2;

    /**
     * Where and how much to serve.
     *
     * @param bindAddress    the interface to listen on
     * @param port           the port; 0 picks a free one ({@link #port()} tells which)
     * @param maxConnections connections served at once; more are refused with SQLSTATE 53300
     * @param tls            TLS for clients that ask for it, or {@code null} for none
     */
    public record Settings(String bindAddress, int port, int maxConnections, Tls tls) {

        /** Settings without TLS. */
        public Settings(String bindAddress, int port, int maxConnections) {
            this(bindAddress, port, maxConnections, null);
        }

        public Settings {
            requireNonNull(bindAddress, "bindAddress is null");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("the SQL port must be 0..65535, got " + port);
            }
            if (maxConnections <= 0) {
                throw new IllegalArgumentException("maxConnections must be positive, got " + maxConnections);
            }
        }
    }

    private final Settings settings;
    private final StatementRunner runner;
    private final Authenticator authenticator;
    private final CatalogInterceptor interceptor;
    private final Map<Integer, PgSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger nextProcessId = new AtomicInteger(1);
    private final SecureRandom random = new SecureRandom();
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel serverChannel;

    private PgWireServer(Settings settings, StatementRunner runner, Authenticator authenticator) throws InterruptedException {
        this.settings = settings;
        this.runner = runner;
        this.interceptor = new CatalogInterceptor(runner, this);
        this.authenticator = authenticator;
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("contrail-pgwire-accept", true),
                NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(IO_THREADS, new DefaultThreadFactory("contrail-pgwire-io", true),
                NioIoHandler.newFactory());
        try {
            this.serverChannel = new ServerBootstrap()
                    .group(acceptor, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new PgMessageDecoder(), new PgConnectionHandler(PgWireServer.this));
                        }
                    })
                    .bind(settings.bindAddress(), settings.port()).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            shutdownEventLoops();
            throw e;
        }
    }

    /**
     * Starts listening.
     *
     * @throws IllegalStateException if the port cannot be bound (the message names it)
     */
    public static PgWireServer start(Settings settings, StatementRunner runner, Authenticator authenticator) {
        requireNonNull(settings, "settings is null");
        requireNonNull(runner, "runner is null");
        requireNonNull(authenticator, "authenticator is null");
        try {
            PgWireServer server = new PgWireServer(settings, runner, authenticator);
            LOGGER.info("SQL (PostgreSQL wire protocol) listening on {}:{}", settings.bindAddress(), server.port());
            return server;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the SQL endpoint", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot listen for SQL clients on " + settings.bindAddress() + ":" + settings.port()
                    + ": " + e.getMessage() + "; is another member or a PostgreSQL server using the port? Set sql.port", e);
        }
    }

    /** The port listened on. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    int maxConnections() {
        return settings.maxConnections();
    }

    /** TLS, or {@code null}. */
    Tls tls() {
        return settings.tls();
    }

    @Override
    public List<PgCatalogQueries.Activity> activity() {
        return sessions.values().stream().map(PgSession::activity).filter(Objects::nonNull)
                .sorted(Comparator.comparingInt(PgCatalogQueries.Activity::processId)).toList();
    }

    /**
     * A session for a new connection from {@code client}, or {@code null} when
     * {@code maxConnections} are open; event loop.
     */
    PgSession newSession(PgOutput output, SocketAddress client) {
        if (sessions.size() >= settings.maxConnections()) {
            return null;
        }
        int processId = nextProcessId.getAndIncrement();
        PgSession session = new PgSession(output, runner, interceptor, authenticator, processId, random.nextInt(), client,
                () -> sessions.remove(processId));
        sessions.put(processId, session);
        return session;
    }

    /** Cancels the running statement of the connection with that key; a wrong key does nothing, as in PostgreSQL. */
    void cancel(int processId, int secretKey) {
        PgSession session = sessions.get(processId);
        if (session != null && session.secretKey() == secretKey) {
            LOGGER.debug("Cancel request for connection {}", processId);
            session.cancel();
        }
    }

    @Override
    public boolean signal(int processId, boolean terminate) {
        PgSession session = sessions.get(processId);
        if (session == null) {
            return false;
        }
        LOGGER.info("{} connection {} on request", terminate ? "Terminating" : "Cancelling the statement of", processId);
        if (terminate) {
            session.terminate();
        } else {
            session.cancel();
        }
        return true;
    }

    /** Stops listening, closes every connection (cancelling what runs) and stops the threads. Idempotent. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        List.copyOf(sessions.values()).forEach(PgSession::close);
        shutdownEventLoops();
    }

    private void shutdownEventLoops() {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
