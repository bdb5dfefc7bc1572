package io.contrail.sql.impl.parse;

import org.junit.jupiter.api.Test;

import static io.contrail.sql.impl.parse.ParserTestSupport.assertSyntaxError;
import static io.contrail.sql.impl.parse.ParserTestSupport.parse;
import static io.contrail.sql.impl.parse.ParserTestSupport.unparsed;
import static org.assertj.core.api.Assertions.assertThat;

/** CREATE SNAPSHOT, DROP SNAPSHOT, SHOW SNAPSHOTS. */
class SqlParsing_SnapshotTest {

    @Test
    void createSnapshot() {
        SqlCreateSnapshot create = parse("CREATE SNAPSHOT s FOR JOB j", SqlCreateSnapshot.class);
        assertThat(create.getReplace()).isFalse();
        assertThat(create.getName().getSimple()).isEqualTo("s");
        assertThat(create.getJobName().getSimple()).isEqualTo("j");
        assertThat(parse("CREATE OR REPLACE SNAPSHOT s FOR JOB j", SqlCreateSnapshot.class).getReplace()).isTrue();
        assertThat(unparsed("create or replace snapshot \"S 1\" for job job"))
                .isEqualTo("CREATE OR REPLACE SNAPSHOT \"S 1\" FOR JOB \"job\"");
    }

    @Test
    void createSnapshot_keywordsAsNames() {
        SqlCreateSnapshot create = parse("CREATE SNAPSHOT snapshot FOR JOB jobs", SqlCreateSnapshot.class);
        assertThat(create.getName().getSimple()).isEqualTo("snapshot");
        assertThat(create.getJobName().getSimple()).isEqualTo("jobs");
    }

    @Test
    void createSnapshot_withoutForJob_isSyntaxError() {
        assertSyntaxError("CREATE SNAPSHOT s j", 1, 19, "\"FOR\"");
        assertSyntaxError("CREATE SNAPSHOT s FOR j", 1, 23, "\"JOB\"");
        assertSyntaxError("CREATE SNAPSHOT s FOR JOB", 1, 25, "<IDENTIFIER>");
    }

    @Test
    void createSnapshot_ifNotExists_isSyntaxError() {
        // "if" could name the snapshot, so the error comes where FOR was expected
        assertSyntaxError("CREATE SNAPSHOT IF NOT EXISTS s FOR JOB j", 1, 20, "\"FOR\"");
    }

    @Test
    void dropSnapshot() {
        SqlDropSnapshot drop = parse("DROP SNAPSHOT s", SqlDropSnapshot.class);
        assertThat(drop.isIfExists()).isFalse();
        SqlDropSnapshot ifExists = parse("DROP SNAPSHOT IF EXISTS s", SqlDropSnapshot.class);
        assertThat(ifExists.isIfExists()).isTrue();
        assertThat(ifExists.getName().getSimple()).isEqualTo("s");
        assertThat(unparsed("drop snapshot if exists s")).isEqualTo("DROP SNAPSHOT IF EXISTS \"s\"");
        assertThat(parse("DROP SNAPSHOT if", SqlDropSnapshot.class).getName().getSimple()).isEqualTo("if");
    }

    @Test
    void dropSnapshot_withoutName_isSyntaxError() {
        assertSyntaxError("DROP SNAPSHOT", 1, 13, "<IDENTIFIER>");
    }

    @Test
    void showSnapshots() {
        parse("SHOW SNAPSHOTS", SqlShowSnapshots.class);
        assertThat(unparsed("show snapshots")).isEqualTo("SHOW SNAPSHOTS");
    }
}
