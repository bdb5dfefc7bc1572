package io.contrail.sql.impl.pgwire;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A message from the client, as {@link PgMessageDecoder} reads it: the three kinds of first
 * message (no type byte) and the typed messages of protocol 3.0 that the endpoint serves.
 * Immutable.
 */
sealed interface ClientMessage {

    /** StartupMessage: protocol version and parameters such as {@code user} and {@code database}. */
    record Startup(int protocolVersion, Map<String, String> parameters) implements ClientMessage {
        public Startup {
            parameters = Map.copyOf(parameters);
        }
    }

    /** SSLRequest; answered with {@code N}: no TLS. */
    record SslRequest() implements ClientMessage {
    }

    /** GSSENCRequest; answered with {@code N}: no GSSAPI encryption. */
    record GssEncRequest() implements ClientMessage {
    }

    /** CancelRequest, sent on a new connection with the key of the connection to cancel. */
    record CancelRequest(int processId, int secretKey) implements ClientMessage {
    }

    /** 'p': a password, or a SASL message, depending on the authentication in progress. */
    record AuthenticationResponse(byte[] data) implements ClientMessage {
        public AuthenticationResponse {
            requireNonNull(data, "data is null");
        }
    }

    /** 'Q': simple query, one or more statements. */
    record Query(String sql) implements ClientMessage {
    }

    /** 'P': parse into a prepared statement ("" is the unnamed one). */
    record Parse(String statementName, String sql, int[] parameterTypes) implements ClientMessage {
    }

    /**
     * 'B': bind parameters to a statement, making a portal.
     *
     * @param parameterFormats 0 text, 1 binary: none (all text), one (for all) or one per parameter
     * @param parameters       the values, {@code null} for NULL
     * @param resultFormats    the same rule, for the result columns
     */
    record Bind(String portalName, String statementName, short[] parameterFormats, List<byte[]> parameters,
                short[] resultFormats) implements ClientMessage {
    }

    /** 'D': describe a statement ('S') or a portal ('P'). */
    record Describe(char kind, String name) implements ClientMessage {
    }

    /** 'E': run a portal, at most {@code maxRows} rows (0: all). */
    record Execute(String portalName, int maxRows) implements ClientMessage {
    }

    /** 'C': close a statement ('S') or a portal ('P'). */
    record Close(char kind, String name) implements ClientMessage {
    }

    /** 'S': end of an extended-protocol batch. */
    record Sync() implements ClientMessage {
    }

    /** 'H': send what is pending. */
    record Flush() implements ClientMessage {
    }

    /** 'X': the client closes the connection. */
    record Terminate() implements ClientMessage {
    }

    /** Any other type, such as a function call or COPY data: refused. */
    record Unsupported(char type) implements ClientMessage {
    }
}
