package io.contrail.sql.impl.pgwire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * The event-loop side of a connection: answers an SSLRequest with {@code S} and starts TLS when
 * the endpoint has it ({@link Tls}), else with {@code N}, as it answers a GSSENCRequest; refuses a
 * StartupMessage without TLS when TLS is required; turns a CancelRequest into a cancel of the
 * connection it names (then closes), and hands every other message to the connection's
 * {@link PgSession}, which runs it on its own thread.
 *
 * <p>Threading: Netty calls it on the connection's event loop; it never blocks.
 */
final class PgConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOGGER = LoggerFactory.getLogger(PgConnectionHandler.class);

    private final PgWireServer server;
    private PgSession session;
    private PgOutput output;
    /** Whether TLS runs on the connection. */
    private boolean encrypted;

    PgConnectionHandler(PgWireServer server) {
        this.server = requireNonNull(server, "server is null");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        output = new PgOutput(ctx.channel());
        session = server.newSession(output, ctx.channel().remoteAddress());
        if (session == null) {
            output.errorResponse(PgError.fatal(PgError.TOO_MANY_CONNECTIONS,
                    "sorry, too many clients already; the member serves at most " + server.maxConnections()
                            + " connections (sql.maxConnections)"));
            output.close();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (session == null) {
            return;
        }
        ClientMessage message = (ClientMessage) msg;
        Tls tls = server.tls();
        if (message instanceof ClientMessage.SslRequest && tls != null && !encrypted) {
            // 'S' goes out in clear text; everything after it through TLS
            ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte('S'));
            ctx.pipeline().addFirst("tls", tls.newHandler(ctx.alloc()));
            encrypted = true;
        } else if (message instanceof ClientMessage.SslRequest || message instanceof ClientMessage.GssEncRequest) {
            output.refuseEncryption();
        } else if (message instanceof ClientMessage.Startup && tls != null && tls.required() && !encrypted) {
            output.errorResponse(PgError.fatal(PgError.INVALID_AUTHORIZATION, "this member accepts only TLS"
                    + " connections (sql.tlsRequired); connect with sslmode=require"));
            output.close();
        } else if (message instanceof ClientMessage.CancelRequest cancel) {
            server.cancel(cancel.processId(), cancel.secretKey());
            ctx.close();
        } else {
            session.submit(message);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (output != null) {
            output.writabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            session.close();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            LOGGER.info("Closing connection {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
        } else if (cause instanceof IOException) {
            LOGGER.debug("Connection {} failed", ctx.channel().remoteAddress(), cause);
        } else {
            LOGGER.warn("Connection {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
