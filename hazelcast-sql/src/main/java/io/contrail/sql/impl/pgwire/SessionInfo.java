package io.contrail.sql.impl.pgwire;

import static java.util.Objects.requireNonNull;

/**
 * Who is on a connection, as the StartupMessage and authentication established.
 *
 * @param user            the authenticated user name
 * @param applicationName the client's {@code application_name}, "" if none
 * @param processId       the id in BackendKeyData, also {@code pg_backend_pid()}
 */
record SessionInfo(String user, String applicationName, int processId) {

    SessionInfo {
        requireNonNull(user, "user is null");
        requireNonNull(applicationName, "applicationName is null");
    }
}
