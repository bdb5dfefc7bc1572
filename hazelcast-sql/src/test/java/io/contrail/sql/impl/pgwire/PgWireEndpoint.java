package io.contrail.sql.impl.pgwire;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.sql.SqlService;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/**
 * For tests: a member of its own cluster with the pgwire endpoint on a free loopback port,
 * trusting every user (each statement runs as the user the client names).
 */
public final class PgWireEndpoint implements AutoCloseable {

    private final ContrailInstance member;
    private final PgWireServer server;

    private PgWireEndpoint(ContrailInstance member, PgWireServer server) {
        this.member = member;
        this.server = server;
    }

    /** @param clusterPrefix the start of the cluster's name, which ends in a random UUID */
    public static PgWireEndpoint start(String clusterPrefix) {
        ContrailInstance member = Contrail.newMember(new ContrailConfig()
                .setClusterName(clusterPrefix + "-" + UUID.randomUUID()).setCooperativeThreadCount(1));
        PgWireServer server = PgWireServer.start(new PgWireServer.Settings("127.0.0.1", 0, 10),
                StatementRunner.of(user -> SqlService.of(member, user)), Authenticator.TRUST);
        return new PgWireEndpoint(member, server);
    }

    public ContrailInstance member() {
        return member;
    }

    public int port() {
        return server.port();
    }

    /** A JDBC connection as {@code user} to database {@code contrail}. */
    public Connection connect(String user) throws SQLException {
        return connect(user, "contrail", new Properties());
    }

    /** A JDBC connection as {@code user} to {@code database}, with extra driver properties. */
    public Connection connect(String user, String database, Properties extra) throws SQLException {
        return connect(port(), user, database, extra);
    }

    /** A JDBC connection to the endpoint on {@code port} of this machine. */
    public static Connection connect(int port, String user, String database, Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", "unused");
        properties.putAll(extra);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    @Override
    public void close() {
        server.close();
        member.shutdown();
    }
}
