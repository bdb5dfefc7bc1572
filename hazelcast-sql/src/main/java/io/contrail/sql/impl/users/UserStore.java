package io.contrail.sql.impl.users;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * The users of the cluster, in the IMap {@value #MAP_NAME} (name to {@link User}), so that every
 * member authenticates the same ones. Passwords are kept only as salted SCRAM-SHA-256 verifiers
 * ({@link ScramCredentials}). A fresh cluster gets one user, {@value #ADMIN} with the admin role,
 * from {@link #ensureAdmin(String)}.
 *
 * <p>These are the storage operations of CREATE USER, ALTER USER, DROP USER, GRANT and REVOKE;
 * they report what happened and leave the error texts to the statements.
 *
 * <p>Threading: thread-safe; each operation is one atomic IMap operation (updates use
 * {@code replace(key, old, new)} in a loop).
 */
public final class UserStore {

    /** The IMap holding the users. */
    public static final String MAP_NAME = "__contrail.sql.users";
    /** The user every cluster starts with. */
    public static final String ADMIN = "admin";

    private final IMap<String, User> map;
    private final SecureRandom random = new SecureRandom();

    public UserStore(HazelcastInstance hazelcast) {
        this.map = requireNonNull(hazelcast, "hazelcast is null").getMap(MAP_NAME);
    }

    /**
     * Creates the {@value #ADMIN} user with that password unless it exists (another member may
     * have created it); an existing admin keeps its password.
     *
     * @param password the password, or {@code null} if none was configured
     * @throws IllegalStateException if there is no admin yet and no password
     */
    public void ensureAdmin(String password) {
        if (map.containsKey(ADMIN)) {
            return;
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("The cluster has no user '" + ADMIN + "' yet: set its password with the"
                    + " environment variable CONTRAIL_ADMIN_PASSWORD or sql.adminPassword in the configuration");
        }
        map.putIfAbsent(ADMIN, newUser(ADMIN, password, true, false));
    }

    public Optional<User> get(String name) {
        return Optional.ofNullable(map.get(requireNonNull(name, "name is null")));
    }

    /** The names of all users, sorted. */
    public List<String> names() {
        return map.keySet().stream().sorted().toList();
    }

    /**
     * Creates a user.
     *
     * @param password the password, or {@code null} for none (the user cannot log in with one)
     * @return whether it was created; {@code false} if one of that name exists (it is left as it is)
     * @throws IllegalArgumentException if the password is empty
     */
    public boolean create(String name, String password, boolean admin, boolean controlJob) {
        return map.putIfAbsent(name, newUser(name, password, admin, controlJob)) == null;
    }

    /**
     * Sets a user's password, or removes it ({@code null}).
     *
     * @return whether the user exists
     */
    public boolean setPassword(String name, String password) {
        ScramCredentials credentials = password == null ? null : ScramCredentials.of(password, random);
        return update(name, user -> user.withCredentials(credentials));
    }

    /** Grants or revokes the admin role; returns whether the user exists. */
    public boolean setAdmin(String name, boolean admin) {
        return update(name, user -> user.withAdmin(admin));
    }

    /** Sets or clears the CONTROLJOB option; returns whether the user exists. */
    public boolean setControlJob(String name, boolean controlJob) {
        return update(name, user -> user.withControlJob(controlJob));
    }

    /** Removes a user; returns whether there was one. */
    public boolean drop(String name) {
        return map.remove(requireNonNull(name, "name is null")) != null;
    }

    private User newUser(String name, String password, boolean admin, boolean controlJob) {
        return new User(name, password == null ? null : ScramCredentials.of(password, random), admin, controlJob,
                Instant.now());
    }

    private boolean update(String name, UnaryOperator<User> change) {
        requireNonNull(name, "name is null");
        while (true) {
            User current = map.get(name);
            if (current == null) {
                return false;
            }
            if (map.replace(name, current, change.apply(current))) {
                return true;
            }
        }
    }
}
