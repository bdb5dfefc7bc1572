package io.contrail.sql.impl.users;

import static java.util.Objects.requireNonNull;

/**
 * Who may control (suspend, resume, restart, cancel, alter, drop, snapshot) and see a job, by
 * its owner:
 *
 * <ul>
 *   <li>an admin controls every job;</li>
 *   <li>a user with {@code CONTROLJOB} controls the jobs of non-admin users;</li>
 *   <li>any user controls their own jobs;</li>
 *   <li>nobody but an admin controls an admin's job.</li>
 * </ul>
 *
 * A user sees (SHOW JOBS, the jobs table) exactly the jobs they may control. The owner's admin
 * role is taken as it is now, not as it was when the job was created: revoking admin from a user
 * opens that user's jobs to CONTROLJOB users.
 *
 * <p>Threading: stateless.
 */
public final class JobPrivileges {

    private JobPrivileges() {
    }

    /**
     * @param actor        the user who asks
     * @param ownerName    the job's owner
     * @param ownerIsAdmin whether the owner has the admin role (false for an owner that no longer exists)
     */
    public static boolean mayControl(User actor, String ownerName, boolean ownerIsAdmin) {
        requireNonNull(actor, "actor is null");
        requireNonNull(ownerName, "ownerName is null");
        if (actor.admin()) {
            return true;
        }
        if (ownerIsAdmin) {
            return false;
        }
        return actor.name().equals(ownerName) || actor.controlJob();
    }

    /** The message of a denied operation: what was denied and who may do it. */
    public static String deniedMessage(User actor, String operation, String jobName, String ownerName, boolean ownerIsAdmin) {
        String who = ownerIsAdmin ? "only an admin" : "only its owner '" + ownerName + "', an admin or a user WITH CONTROLJOB";
        return "User '" + actor.name() + "' may not " + operation + " job '" + jobName + "' of user '" + ownerName
                + "': " + who + " may";
    }
}
