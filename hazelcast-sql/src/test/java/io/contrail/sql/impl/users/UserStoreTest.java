package io.contrail.sql.impl.users;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserStoreTest {

    private static ContrailInstance member;
    private static UserStore users;

    @BeforeAll
    static void start() {
        member = Contrail.newMember(new ContrailConfig().setClusterName("users-" + UUID.randomUUID()).setCooperativeThreadCount(1));
        users = new UserStore(member.getHazelcastInstance());
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    @AfterEach
    void clear() {
        member.getHazelcastInstance().getMap(UserStore.MAP_NAME).clear();
    }

    @Test
    void ensureAdmin_createsTheAdminOnce() {
        assertThatThrownBy(() -> users.ensureAdmin(null)).hasMessageContaining("CONTRAIL_ADMIN_PASSWORD");
        users.ensureAdmin("first");
        users.ensureAdmin("second");
        User admin = users.get("admin").orElseThrow();
        assertThat(admin.admin()).isTrue();
        assertThat(admin.controlJob()).isFalse();
        assertThat(users.names()).containsExactly("admin");
    }

    @Test
    void createAlterGrantDrop() {
        assertThat(users.create("u", "pw", false, false)).isTrue();
        assertThat(users.create("u", "other", true, true)).isFalse();
        assertThat(users.get("u").orElseThrow().admin()).isFalse();
        assertThat(users.setAdmin("u", true)).isTrue();
        assertThat(users.setControlJob("u", true)).isTrue();
        assertThat(users.get("u").orElseThrow()).satisfies(u -> {
            assertThat(u.admin()).isTrue();
            assertThat(u.controlJob()).isTrue();
        });
        assertThat(users.setPassword("u", "new")).isTrue();
        assertThat(users.setAdmin("missing", true)).isFalse();
        assertThat(users.drop("u")).isTrue();
        assertThat(users.drop("u")).isFalse();
        assertThatThrownBy(() -> users.create("v", "", false, false)).hasMessageContaining("empty");
    }

    @Test
    void theStoredFormHoldsNoPassword() throws IOException {
        String password = "very-distinctive-password";
        users.create("w", password, false, false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(users.get("w").orElseThrow());
        }
        assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain(password);
        ScramCredentials a = ScramCredentials.of(password, new SecureRandom());
        ScramCredentials b = ScramCredentials.of(password, new SecureRandom());
        assertThat(a.salt()).isNotEqualTo(b.salt());
    }
}
