package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlIdentifier;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.contrail.sql.impl.parse.ParserTestSupport.assertInvalid;
import static io.contrail.sql.impl.parse.ParserTestSupport.assertSyntaxError;
import static io.contrail.sql.impl.parse.ParserTestSupport.parse;
import static io.contrail.sql.impl.parse.ParserTestSupport.unparsed;
import static org.assertj.core.api.Assertions.assertThat;

/** CREATE USER, ALTER USER, DROP USER, GRANT, REVOKE, SHOW USERS in CockroachDB's syntax. */
class SqlParsing_UserTest {

    @Test
    void createUser_withOptions() {
        SqlCreateUser create = parse("CREATE USER IF NOT EXISTS alice WITH PASSWORD 'secret' CONTROLJOB", SqlCreateUser.class);
        assertThat(create.isIfNotExists()).isTrue();
        assertThat(create.getName().getSimple()).isEqualTo("alice");
        assertThat(UserOptions.of(create.getOptions())).isEqualTo(new UserOptions(true, "secret", Optional.of(true)));
    }

    @Test
    void createUser_withoutWithOrOptions() {
        SqlCreateUser create = parse("CREATE USER bob PASSWORD 'x'", SqlCreateUser.class);
        assertThat(UserOptions.of(create.getOptions())).isEqualTo(new UserOptions(true, "x", Optional.empty()));
        assertThat(UserOptions.of(parse("create user carol", SqlCreateUser.class).getOptions()))
                .isEqualTo(new UserOptions(false, null, Optional.empty()));
    }

    @Test
    void unparse_hidesThePassword() {
        assertThat(unparsed("CREATE USER alice WITH PASSWORD 'secret' NOCONTROLJOB"))
                .isEqualTo("CREATE USER \"alice\" WITH PASSWORD '***' NOCONTROLJOB");
        assertThat(unparsed("ALTER USER IF EXISTS alice PASSWORD NULL"))
                .isEqualTo("ALTER USER IF EXISTS \"alice\" WITH PASSWORD NULL");
    }

    @Test
    void createUser_orReplace_andRepeatedOptions_areInvalid() {
        assertInvalid("CREATE OR REPLACE USER u", 1, 1, "CREATE OR REPLACE USER is not supported");
        String conflict = " is given twice or contradicts another option; give each of PASSWORD and"
                + " CONTROLJOB/NOCONTROLJOB at most once";
        assertInvalid("CREATE USER u CONTROLJOB NOCONTROLJOB", 1, 26, "User option NOCONTROLJOB" + conflict);
        assertInvalid("CREATE USER u PASSWORD 'a' PASSWORD 'b'", 1, 28, "User option PASSWORD" + conflict);
    }

    @Test
    void alterUser() {
        SqlAlterUser alter = parse("ALTER USER alice WITH NOCONTROLJOB PASSWORD 'new'", SqlAlterUser.class);
        assertThat(alter.isIfExists()).isFalse();
        assertThat(UserOptions.of(alter.getOptions())).isEqualTo(new UserOptions(true, "new", Optional.of(false)));
        assertThat(UserOptions.of(parse("ALTER USER alice PASSWORD NULL", SqlAlterUser.class).getOptions()))
                .isEqualTo(new UserOptions(true, null, Optional.empty()));
        assertInvalid("ALTER USER alice", 1, 1,
                "ALTER USER needs an option to change: PASSWORD '...', PASSWORD NULL, CONTROLJOB or NOCONTROLJOB");
    }

    @Test
    void dropUser_severalNames() {
        SqlDropUser drop = parse("DROP USER IF EXISTS alice, bob", SqlDropUser.class);
        assertThat(drop.isIfExists()).isTrue();
        assertThat(drop.getNames().stream().map(n -> ((SqlIdentifier) n).getSimple())).containsExactly("alice", "bob");
        assertThat(unparsed("drop user a,b")).isEqualTo("DROP USER \"a\", \"b\"");
        assertSyntaxError("DROP USER", 1, 9, "<IDENTIFIER>");
    }

    @Test
    void grantAndRevoke() {
        SqlGrantRole grant = parse("GRANT admin TO alice, bob", SqlGrantRole.class);
        assertThat(grant.isGrant()).isTrue();
        assertThat(grant.getRole().getSimple()).isEqualTo("admin");
        assertThat(grant.getUsers().size()).isEqualTo(2);
        SqlGrantRole revoke = parse("REVOKE admin FROM alice", SqlGrantRole.class);
        assertThat(revoke.isGrant()).isFalse();
        assertThat(unparsed("revoke admin from alice")).isEqualTo("REVOKE \"admin\" FROM \"alice\"");
        assertSyntaxError("GRANT admin alice", 1, 13, "\"TO\"");
    }

    @Test
    void showUsers_andKeywordsAsNames() {
        parse("SHOW USERS", SqlShowUsers.class);
        assertThat(parse("CREATE USER password", SqlCreateUser.class).getName().getSimple()).isEqualTo("password");
        assertThat(parse("CREATE USER users", SqlCreateUser.class).getName().getSimple()).isEqualTo("users");
    }
}
