package io.contrail.sql.impl.users;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlResult;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;
import io.contrail.sql.SqlService;
import io.contrail.sql.impl.parse.SqlAlterUser;
import io.contrail.sql.impl.parse.SqlCreateUser;
import io.contrail.sql.impl.parse.SqlDropUser;
import io.contrail.sql.impl.parse.SqlGrantRole;
import io.contrail.sql.impl.parse.UserOptions;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Runs the user statements: CREATE USER, ALTER USER, DROP USER, GRANT/REVOKE admin, SHOW USERS.
 *
 * <p>Who may do what: an admin manages every user; any user may change their own password (and
 * nothing else about themselves). The built-in user {@value UserStore#ADMIN} cannot be dropped
 * nor lose the admin role, and nobody drops themselves, so a cluster always keeps an admin.
 * Denied statements change nothing and fail with {@link SqlErrorCode#PERMISSION_DENIED}.
 *
 * <p>Threading: thread-safe; the store is an IMap.
 */
public final class UserStatements {

    static final SqlRowMetadata SHOW_USERS_METADATA = new SqlRowMetadata(List.of(
            new SqlColumnMetadata("username", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("options", SqlColumnType.VARCHAR),
            new SqlColumnMetadata("member_of", SqlColumnType.VARCHAR)));

    /** The role that makes a user an admin, as SHOW USERS lists it in {@code member_of}. */
    public static final String ADMIN_ROLE = "admin";

    private final UserStore users;

    public UserStatements(UserStore users) {
        this.users = requireNonNull(users, "users is null");
    }

    /**
     * The user a statement runs as. The embedding application's {@link SqlService#EMBEDDED_USER}
     * is an admin even when the store has no such user (an embedded member may have none).
     *
     * @throws SqlException with {@link SqlErrorCode#USER_NOT_FOUND} for another unknown user
     */
    public User actor(String name) {
        return users.get(name).orElseGet(() -> {
            if (name.equals(SqlService.EMBEDDED_USER)) {
                return new User(name, null, true, false, Instant.EPOCH);
            }
            throw new SqlException(SqlErrorCode.USER_NOT_FOUND, "User '" + name + "' does not exist (any more)");
        });
    }

    public SqlResult create(SqlCreateUser create, String actorName) {
        requireAdmin(actorName, "create users");
        String name = create.getName().getSimple();
        UserOptions options = UserOptions.of(create.getOptions());
        if (!users.create(name, options.password(), false, options.controlJob().orElse(false))
                && !create.isIfNotExists()) {
            throw new SqlException(SqlErrorCode.USER_ALREADY_EXISTS, "User '" + name + "' already exists; ALTER USER"
                    + " changes it, CREATE USER IF NOT EXISTS does nothing in that case");
        }
        return SqlResult.ofUpdateCount(0);
    }

    public SqlResult alter(SqlAlterUser alter, String actorName) {
        User actor = actor(actorName);
        String name = alter.getName().getSimple();
        UserOptions options = UserOptions.of(alter.getOptions());
        boolean self = actor.name().equals(name);
        if (!actor.admin() && !(self && options.controlJob().isEmpty())) {
            throw denied(actor, self ? "change their own CONTROLJOB option" : "alter user '" + name + "'",
                    "an admin may; a user may change only their own password");
        }
        if (users.get(name).isEmpty()) {
            return missing(name, alter.isIfExists());
        }
        if (options.passwordGiven()) {
            users.setPassword(name, options.password());
        }
        options.controlJob().ifPresent(controlJob -> users.setControlJob(name, controlJob));
        return SqlResult.ofUpdateCount(0);
    }

    public SqlResult drop(SqlDropUser drop, String actorName) {
        User actor = requireAdmin(actorName, "drop users");
        List<String> names = names(drop.getNames());
        for (String name : names) {
            if (name.equals(UserStore.ADMIN) || name.equals(actor.name())) {
                throw denied(actor, "drop user '" + name + "'", "nobody drops the built-in user '" + UserStore.ADMIN
                        + "' or themselves, so the cluster keeps an admin");
            }
            if (users.get(name).isEmpty() && !drop.isIfExists()) {
                throw notFound(name);
            }
        }
        names.forEach(users::drop);
        return SqlResult.ofUpdateCount(0);
    }

    public SqlResult grant(SqlGrantRole grant, String actorName) {
        User actor = requireAdmin(actorName, grant.isGrant() ? "grant roles" : "revoke roles");
        String role = grant.getRole().getSimple();
        if (!role.toLowerCase(Locale.ROOT).equals(ADMIN_ROLE)) {
            throw new SqlException(SqlErrorCode.INVALID_STATEMENT, "Unknown role '" + role + "'; the only role is '"
                    + ADMIN_ROLE + "'");
        }
        List<String> names = names(grant.getUsers());
        for (String name : names) {
            if (!grant.isGrant() && name.equals(UserStore.ADMIN)) {
                throw denied(actor, "revoke admin from '" + name + "'", "the built-in user keeps its role");
            }
            if (users.get(name).isEmpty()) {
                throw notFound(name);
            }
        }
        names.forEach(name -> users.setAdmin(name, grant.isGrant()));
        return SqlResult.ofUpdateCount(0);
    }

    /** SHOW USERS: every user, sorted by name, with CONTROLJOB (and NOLOGIN without a password) and role. */
    public SqlResult show() {
        List<SqlRow> rows = new ArrayList<>();
        for (String name : users.names()) {
            users.get(name).ifPresent(user -> {
                List<String> options = new ArrayList<>();
                if (user.controlJob()) {
                    options.add("CONTROLJOB");
                }
                if (user.credentials() == null) {
                    options.add("NOPASSWORD");
                }
                rows.add(new SqlRow(SHOW_USERS_METADATA, List.of(name, String.join(", ", options),
                        user.admin() ? ADMIN_ROLE : "")));
            });
        }
        return SqlResult.ofRows(SHOW_USERS_METADATA, rows);
    }

    private User requireAdmin(String actorName, String what) {
        User actor = actor(actorName);
        if (!actor.admin()) {
            throw denied(actor, what, "only an admin may");
        }
        return actor;
    }

    private SqlResult missing(String name, boolean ifExists) {
        if (!ifExists) {
            throw notFound(name);
        }
        return SqlResult.ofUpdateCount(0);
    }

    private static List<String> names(Iterable<SqlNode> identifiers) {
        List<String> names = new ArrayList<>();
        identifiers.forEach(node -> names.add(((SqlIdentifier) node).getSimple()));
        return names;
    }

    private static SqlException notFound(String name) {
        return new SqlException(SqlErrorCode.USER_NOT_FOUND, "User '" + name + "' does not exist; SHOW USERS lists"
                + " the users");
    }

    private static SqlException denied(User actor, String what, String rule) {
        return new SqlException(SqlErrorCode.PERMISSION_DENIED, "User '" + actor.name() + "' may not " + what + ": "
                + rule);
    }
}
