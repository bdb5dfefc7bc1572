package io.contrail.sql.impl.pgwire;

import io.contrail.sql.impl.users.ScramCredentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * SCRAM-SHA-256 authentication (RFC 5802, RFC 7677) as PostgreSQL does it, against stored
 * verifiers; without channel binding (there is no TLS yet):
 *
 * <pre>
 * B: AuthenticationSASL         "SCRAM-SHA-256"
 * F: SASLInitialResponse        "SCRAM-SHA-256", client-first  = "n,,n=,r=&lt;client nonce&gt;"
 * B: AuthenticationSASLContinue server-first  = "r=&lt;client nonce+server nonce&gt;,s=&lt;salt&gt;,i=&lt;iterations&gt;"
 * F: SASLResponse               client-final  = "c=biws,r=&lt;nonce&gt;,p=&lt;client proof&gt;"
 * B: AuthenticationSASLFinal    server-final  = "v=&lt;server signature&gt;"
 * B: AuthenticationOk
 * </pre>
 *
 * As in PostgreSQL, the user name is the one of the StartupMessage (the {@code n=} of SCRAM is
 * ignored). An unknown user goes through the same exchange with a verifier no password matches,
 * so that a client cannot tell it from a wrong password.
 *
 * <p>Threading: thread-safe; each exchange belongs to one connection's session thread.
 */
public final class ScramAuthenticator implements Authenticator {

    static final String MECHANISM = "SCRAM-SHA-256";

    private static final int SASL = 10;
    private static final int SASL_CONTINUE = 11;
    private static final int SASL_FINAL = 12;
    private static final int NONCE_BYTES = 18;

    private final Function<String, Optional<ScramCredentials>> verifiers;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param verifiers the verifier of a user, empty for an unknown user; may block (an IMap read)
     */
    public ScramAuthenticator(Function<String, Optional<ScramCredentials>> verifiers) {
        this.verifiers = requireNonNull(verifiers, "verifiers is null");
    }

    @Override
    public Exchange start(String user) {
        ScramCredentials credentials = verifiers.apply(requireNonNull(user, "user is null"))
                .orElseGet(() -> ScramCredentials.impossible(random));
        return new ScramExchange(user, credentials);
    }

    private final class ScramExchange implements Exchange {
        private final String user;
        private final ScramCredentials credentials;
        private String gs2Header;
        private String clientFirstBare;
        private String serverFirst;
        private String nonce;

        ScramExchange(String user, ScramCredentials credentials) {
            this.user = user;
            this.credentials = credentials;
        }

        @Override
        public Step first() {
            return new Step(SASL, (MECHANISM + "\0\0").getBytes(StandardCharsets.UTF_8), false);
        }

        @Override
        public Step next(byte[] response) {
            return serverFirst == null ? clientFirst(response) : clientFinal(response);
        }

        /** SASLInitialResponse: String mechanism, int32 length, client-first-message. */
        private Step clientFirst(byte[] response) {
            ByteBuffer buffer = ByteBuffer.wrap(response);
            int end = 0;
            while (end < response.length && response[end] != 0) {
                end++;
            }
            String mechanism = new String(response, 0, end, StandardCharsets.UTF_8);
            if (!mechanism.equals(MECHANISM) || end + 5 > response.length) {
                throw new AuthenticationFailedException("SASL mechanism " + mechanism + " is not supported; use " + MECHANISM);
            }
            buffer.position(end + 1);
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw malformed();
            }
            String message = new String(response, buffer.position(), length, StandardCharsets.UTF_8);
            if (message.startsWith("p=")) {
                throw new AuthenticationFailedException("SCRAM channel binding is not supported (the connection has no TLS);"
                        + " connect with channel_binding=disable or prefer");
            }
            int secondComma = message.indexOf(',', message.indexOf(',') + 1);
            if (!(message.startsWith("n,") || message.startsWith("y,")) || secondComma < 0) {
                throw malformed();
            }
            gs2Header = message.substring(0, secondComma + 1);
            clientFirstBare = message.substring(secondComma + 1);
            String clientNonce = attribute(clientFirstBare, 'r');
            byte[] serverNonce = new byte[NONCE_BYTES];
            random.nextBytes(serverNonce);
            nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
            serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credentials.salt())
                    + ",i=" + credentials.iterations();
            return new Step(SASL_CONTINUE, serverFirst.getBytes(StandardCharsets.UTF_8), false);
        }

        /** SASLResponse: client-final-message. */
        private Step clientFinal(byte[] response) {
            String message = new String(response, StandardCharsets.UTF_8);
            int proofAt = message.lastIndexOf(",p=");
            if (proofAt < 0) {
                throw malformed();
            }
            String withoutProof = message.substring(0, proofAt);
            String binding = attribute(withoutProof, 'c');
            if (!binding.equals(Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8)))
                    || !attribute(withoutProof, 'r').equals(nonce)) {
                throw malformed();
            }
            byte[] proof;
            try {
                proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
            } catch (IllegalArgumentException e) {
                throw malformed();
            }
            String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            if (!credentials.verifyClientProof(authMessage, proof)) {
                throw new AuthenticationFailedException("password authentication failed for user \"" + user + "\"");
            }
            String serverFinal = "v=" + Base64.getEncoder().encodeToString(credentials.serverSignature(authMessage));
            return new Step(SASL_FINAL, serverFinal.getBytes(StandardCharsets.UTF_8), true);
        }

        private static String attribute(String message, char name) {
            for (String part : message.split(",")) {
                if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
                    return part.substring(2);
                }
            }
            throw malformed();
        }

        private static AuthenticationFailedException malformed() {
            return new AuthenticationFailedException("malformed SCRAM message");
        }
    }
}
