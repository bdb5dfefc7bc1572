package io.contrail.sql.impl.users;

import java.io.Serializable;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A user of the SQL endpoint as {@link UserStore} keeps it. Immutable.
 *
 * @param name        the name clients log in with (case-sensitive)
 * @param credentials the password's SCRAM-SHA-256 verifier, never the password; {@code null} for a
 *                    user without a password, who cannot log in with one
 * @param admin       whether the user has the {@code admin} role: controls every job and user
 * @param controlJob  the {@code CONTROLJOB} option: controls the jobs of non-admin users
 * @param createdAt   when the user was created
 */
public record User(String name, ScramCredentials credentials, boolean admin, boolean controlJob, Instant createdAt)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public User {
        requireNonNull(name, "name is null");
        requireNonNull(createdAt, "createdAt is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A user name must not be blank");
        }
    }

    public User withCredentials(ScramCredentials newCredentials) {
        return new User(name, newCredentials, admin, controlJob, createdAt);
    }

    public User withAdmin(boolean newAdmin) {
        return new User(name, credentials, newAdmin, controlJob, createdAt);
    }

    public User withControlJob(boolean newControlJob) {
        return new User(name, credentials, admin, newControlJob, createdAt);
    }
}
