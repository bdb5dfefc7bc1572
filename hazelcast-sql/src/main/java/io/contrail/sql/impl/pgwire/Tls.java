package io.contrail.sql.impl.pgwire;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLException;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * TLS for the pgwire endpoint: the server's certificate and key, and whether clients must use
 * it. A client asks for TLS with an SSLRequest before its StartupMessage; the endpoint answers
 * {@code S} and the handshake follows, as with PostgreSQL's {@code ssl = on}. With
 * {@code required}, a client that starts without TLS is refused, as by a {@code hostssl}-only
 * {@code pg_hba.conf}.
 *
 * <p>Threading: immutable; shared by all connections.
 */
public final class Tls {

    private final SslContext context;
    private final boolean required;

    private Tls(SslContext context, boolean required) {
        this.context = context;
        this.required = required;
    }

    /**
     * TLS with a certificate chain and private key in PEM files.
     *
     * @param certificateChain the server's certificate first, then any intermediates
     * @param privateKey       its key, PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), not encrypted
     * @param required         whether clients without TLS are refused
     * @throws IllegalArgumentException naming the file when one is missing or cannot be used
     */
    public static Tls fromPem(Path certificateChain, Path privateKey, boolean required) {
        requireNonNull(certificateChain, "certificateChain is null");
        requireNonNull(privateKey, "privateKey is null");
        for (Path file : new Path[] {certificateChain, privateKey}) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("Cannot read the TLS file " + file.toAbsolutePath());
            }
        }
        try {
            return new Tls(SslContextBuilder.forServer(certificateChain.toFile(), privateKey.toFile()).build(), required);
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot use the TLS certificate " + certificateChain + " with the key "
                    + privateKey + " (PEM files; the key PKCS#8, not encrypted): " + e.getMessage(), e);
        }
    }

    /** Whether clients that do not ask for TLS are refused. */
    public boolean required() {
        return required;
    }

    /** The handler that runs TLS on one connection. */
    SslHandler newHandler(ByteBufAllocator allocator) {
        return context.newHandler(allocator);
    }
}
