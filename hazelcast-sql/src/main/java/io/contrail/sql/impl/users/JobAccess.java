package io.contrail.sql.impl.users;

import io.contrail.jet.job.JobSummary;
import io.contrail.sql.SqlService;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * {@link JobPrivileges} for one user of one {@code SqlService}: which jobs they may see and
 * control. The user and the owners are looked up in the {@link UserStore} at each check, so a
 * GRANT or REVOKE takes effect at once.
 *
 * <p>Who counts as what: a user the store does not know (possible with {@code trust}
 * authentication) is an ordinary user; the embedding application's
 * {@link SqlService#EMBEDDED_USER} and the built-in {@value UserStore#ADMIN} are admins; a job
 * without an owner (submitted through the Java API) is an admin's.
 *
 * <p>Threading: thread-safe.
 */
public final class JobAccess {

    private final UserStore users;
    private final String userName;

    public JobAccess(UserStore users, String userName) {
        this.users = requireNonNull(users, "users is null");
        this.userName = requireNonNull(userName, "userName is null");
    }

    /** Whether the user may see and control the job. */
    public boolean mayControl(JobSummary job) {
        return JobPrivileges.mayControl(actor(), owner(job), ownerIsAdmin(job));
    }

    /** Why the user may not {@code operation} the job, for the error. */
    public String deniedMessage(JobSummary job, String operation) {
        return JobPrivileges.deniedMessage(actor(), operation, job.name(), owner(job), ownerIsAdmin(job));
    }

    private User actor() {
        return users.get(userName).orElseGet(() -> new User(userName, null, isBuiltInAdmin(userName), false,
                Instant.EPOCH));
    }

    private static String owner(JobSummary job) {
        return job.owner() == null ? "(Java API)" : job.owner();
    }

    private boolean ownerIsAdmin(JobSummary job) {
        String owner = job.owner();
        return owner == null || isBuiltInAdmin(owner) || users.get(owner).map(User::admin).orElse(false);
    }

    private static boolean isBuiltInAdmin(String name) {
        return name.equals(UserStore.ADMIN) || name.equals(SqlService.EMBEDDED_USER);
    }
}
