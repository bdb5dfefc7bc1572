package io.contrail.sql.impl.users;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;

import static io.contrail.sql.impl.users.JobPrivileges.mayControl;
import static org.assertj.core.api.Assertions.assertThat;

class JobPrivilegesTest {

    private static final ScramCredentials CREDENTIALS = ScramCredentials.impossible(new SecureRandom());

    private static User user(String name, boolean admin, boolean controlJob) {
        return new User(name, CREDENTIALS, admin, controlJob, Instant.EPOCH);
    }

    @Test
    void adminsControlEveryJob() {
        User admin = user("root", true, false);
        assertThat(mayControl(admin, "root", true)).isTrue();
        assertThat(mayControl(admin, "other-admin", true)).isTrue();
        assertThat(mayControl(admin, "alice", false)).isTrue();
    }

    @Test
    void controlJobUsersControlNonAdminJobs_notAdminJobs() {
        User operator = user("op", false, true);
        assertThat(mayControl(operator, "op", false)).isTrue();
        assertThat(mayControl(operator, "alice", false)).isTrue();
        assertThat(mayControl(operator, "root", true)).isFalse();
    }

    @Test
    void othersControlOnlyTheirOwnJobs() {
        User alice = user("alice", false, false);
        assertThat(mayControl(alice, "alice", false)).isTrue();
        assertThat(mayControl(alice, "bob", false)).isFalse();
        assertThat(mayControl(alice, "root", true)).isFalse();
    }

    @Test
    void theDeniedMessageSaysWhoMay() {
        User alice = user("alice", false, false);
        assertThat(JobPrivileges.deniedMessage(alice, "cancel", "orders", "root", true))
                .isEqualTo("User 'alice' may not cancel job 'orders' of user 'root': only an admin may");
        assertThat(JobPrivileges.deniedMessage(alice, "suspend", "orders", "bob", false))
                .isEqualTo("User 'alice' may not suspend job 'orders' of user 'bob': only its owner 'bob', an admin"
                        + " or a user WITH CONTROLJOB may");
    }
}
