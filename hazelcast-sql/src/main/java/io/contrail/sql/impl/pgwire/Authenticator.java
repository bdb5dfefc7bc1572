package io.contrail.sql.impl.pgwire;

import static java.util.Objects.requireNonNull;

/**
 * How the endpoint checks who connects. For each connection the session calls
 * {@link #start(String)} once the StartupMessage names the user, sends the
 * {@link Step} of {@link Exchange#first()}, and while the step is no {@link Step#isDone() final
 * one} hands each 'p' message of the client to {@link Exchange#next(byte[])}. A failure is an
 * {@link AuthenticationFailedException}: the client gets FATAL 28P01 and the connection closes.
 *
 * <p>Threading: {@link #start} is called by the session threads of all connections at once and
 * may block (to read a user store); an exchange is used by its connection's session thread only.
 */
@FunctionalInterface
public interface Authenticator {

    /** Lets everyone in as the user they name; for tests and a member on a trusted host. */
    Authenticator TRUST = user -> () -> Step.ok();

    /** Begins authenticating that user. */
    Exchange start(String user);

    /** One authentication conversation. */
    interface Exchange {

        /** What to send first. */
        Step first();

        /**
         * The answer to the client's response ('p' message body).
         *
         * @throws AuthenticationFailedException if the client failed
         */
        default Step next(byte[] response) {
            throw new AuthenticationFailedException("authentication failed: unexpected authentication response");
        }
    }

    /**
     * An Authentication message to send.
     *
     * @param code the Authentication request code (0 ok, 3 cleartext password, 10 SASL, 11 SASL
     *             continue, 12 SASL final)
     * @param data what follows the code, or {@code null}
     * @param done whether the client is authenticated once this is sent (AuthenticationOk follows
     *             unless this is it)
     */
    record Step(int code, byte[] data, boolean done) {

        static final int OK = 0;

        public static Step ok() {
            return new Step(OK, null, true);
        }

        public boolean isDone() {
            return done;
        }
    }

    /** The client did not prove who it is; the message is for the client, naming no secret. */
    final class AuthenticationFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public AuthenticationFailedException(String message) {
            super(requireNonNull(message, "message is null"));
        }
    }
}
