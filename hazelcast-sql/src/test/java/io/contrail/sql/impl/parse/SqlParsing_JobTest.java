package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.contrail.sql.impl.parse.ParserTestSupport.assertInvalid;
import static io.contrail.sql.impl.parse.ParserTestSupport.assertSyntaxError;
import static io.contrail.sql.impl.parse.ParserTestSupport.parse;
import static io.contrail.sql.impl.parse.ParserTestSupport.unparsed;
import static org.assertj.core.api.Assertions.assertThat;

/** CREATE JOB, SINK INTO, ALTER JOB, DROP JOB. The options' rules are in SqlParsing_JobOptionsTest. */
class SqlParsing_JobTest {

    @Test
    void createJob_insert() {
        SqlCreateJob create = parse("""
                CREATE JOB IF NOT EXISTS myJob
                OPTIONS (
                    'processingGuarantee' = 'exactlyOnce',
                    'snapshotIntervalMillis' = '5000',
                    metricsEnabled = 'true'
                ) AS
                INSERT INTO sink_topic
                SELECT * FROM source_topic
                """, SqlCreateJob.class);
        assertThat(create.isIfNotExists()).isTrue();
        assertThat(create.getReplace()).isFalse();
        assertThat(create.getName().getSimple()).isEqualTo("myJob");
        assertThat(create.getOptionMap()).containsExactly(
                Map.entry("processingGuarantee", "exactlyOnce"),
                Map.entry("snapshotIntervalMillis", "5000"),
                Map.entry("metricsEnabled", "true"));
        assertThat(create.getStatement()).isInstanceOf(SqlInsert.class).isNotInstanceOf(SqlSinkInto.class);
        assertThat(create.getOperator()).isSameAs(SqlCreateJob.OPERATOR);
        assertThat(create.getKind()).isEqualTo(SqlKind.OTHER_DDL);
    }

    @Test
    void createJob_sinkInto() {
        SqlCreateJob create = parse("CREATE JOB j AS SINK INTO m (k, v) SELECT a, b FROM s WHERE a > 0",
                SqlCreateJob.class);
        assertThat(create.getOptions()).isEmpty();
        SqlSinkInto sink = (SqlSinkInto) create.getStatement();
        assertThat(((SqlIdentifier) sink.getTargetTable()).getSimple()).isEqualTo("m");
        assertThat(sink.getTargetColumnList()).hasSize(2);
        assertThat(unparsed("CREATE JOB j AS SINK INTO m (k, v) SELECT a, b FROM s"))
                .isEqualTo("CREATE JOB \"j\" AS SINK INTO \"m\" (\"k\", \"v\") SELECT \"a\", \"b\" FROM \"s\"");
    }

    @Test
    void createJob_upsert() {
        parse("CREATE JOB j AS UPSERT INTO m SELECT * FROM s", SqlCreateJob.class);
    }

    @Test
    void createJob_keywordsAsNames() {
        SqlCreateJob create = parse("CREATE JOB job AS SINK INTO jobs SELECT snapshot, options FROM mapping",
                SqlCreateJob.class);
        assertThat(create.getName().getSimple()).isEqualTo("job");
        SqlCreateJob named = parse("CREATE JOB if AS SINK INTO if SELECT 1", SqlCreateJob.class);
        assertThat(named.getName().getSimple()).isEqualTo("if");
        assertThat(named.isIfNotExists()).isFalse();
        parse("CREATE JOB options OPTIONS ('autoScaling' = 'false') AS SINK INTO sink SELECT 1", SqlCreateJob.class);
    }

    @Test
    void createJob_select_isInvalid_sayingWhy() {
        assertInvalid("CREATE JOB j AS\n  SELECT * FROM s", 2, 3,
                "A job must write its results somewhere: CREATE JOB ... AS takes INSERT INTO or SINK INTO, "
                        + "not a query such as SELECT. To see the results of a query, run the query directly");
    }

    @Test
    void createJob_values_isInvalid() {
        assertInvalid("CREATE JOB j AS VALUES (1)", 1, 17,
                "A job must write its results somewhere: CREATE JOB ... AS takes INSERT INTO or SINK INTO, "
                        + "not a query such as SELECT. To see the results of a query, run the query directly");
    }

    @Test
    void createJob_delete_isInvalid() {
        assertInvalid("CREATE JOB j AS DELETE FROM t", 1, 17,
                "CREATE JOB ... AS takes INSERT INTO or SINK INTO, not DELETE");
    }

    @Test
    void createJob_orReplace_isInvalid() {
        assertInvalid("CREATE OR REPLACE JOB j AS SINK INTO t SELECT 1", 1, 1,
                "CREATE OR REPLACE JOB is not supported");
    }

    @Test
    void createJob_withoutAs_isSyntaxError() {
        assertSyntaxError("CREATE JOB j SINK INTO t SELECT 1", 1, 14, "\"AS\"", "\"OPTIONS\"");
    }

    @Test
    void createJob_withoutName_isSyntaxError() {
        assertSyntaxError("CREATE JOB AS SINK INTO t SELECT 1", 1, 12, "<IDENTIFIER>");
    }

    @Test
    void createJob_emptyOptions_isSyntaxError() {
        assertSyntaxError("CREATE JOB j OPTIONS () AS SINK INTO t SELECT 1", 1, 23, "<QUOTED_STRING>", "<IDENTIFIER>");
    }

    @Test
    void createJob_withoutStatement_isSyntaxError() {
        // SINK is not reserved: the hint folds it into <IDENTIFIER>
        assertSyntaxError("CREATE JOB j AS", 1, 15, "\"INSERT\"", "\"SELECT\"", "<IDENTIFIER>");
    }

    @Test
    void createSomethingElse_listsWhatMayBeCreated() {
        assertSyntaxError("CREATE TABLE t", 1, 8, "\"JOB\"", "\"MAPPING\"", "\"SNAPSHOT\"");
    }

    @Test
    void sinkInto_asStatement() {
        SqlSinkInto sink = parse("SINK INTO t SELECT * FROM s", SqlSinkInto.class);
        assertThat(sink.getKind()).isEqualTo(SqlKind.INSERT);
        assertThat(sink.getOperator()).isSameAs(SqlSinkInto.OPERATOR);
        assertThat(sink.getTargetColumnList()).isNull();
        assertThat(sink.getSource()).isInstanceOf(SqlSelect.class);
        assertThat(unparsed("sink into s.t (a) values (1)")).isEqualTo("SINK INTO \"s\".\"t\" (\"a\") VALUES ROW(1)");
    }

    @Test
    void sinkInto_parenthesizedQuery_isNotAColumnList() {
        SqlSinkInto sink = parse("SINK INTO t (SELECT 1)", SqlSinkInto.class);
        assertThat(sink.getTargetColumnList()).isNull();
    }

    @Test
    void sinkInto_withoutInto_isSyntaxError() {
        assertSyntaxError("SINK INTO", 1, 9, "<IDENTIFIER>");
        assertSyntaxError("SINK INTO t", 1, 11, "\"SELECT\"", "\"VALUES\"");
    }

    @Test
    void sinkAsName_isStillAName() {
        parse("SELECT sink FROM sink", SqlSelect.class);
    }

    @Test
    void alterJob_operations() {
        assertThat(parse("ALTER JOB j SUSPEND", SqlAlterJob.class).getOperation())
                .isEqualTo(SqlAlterJob.Operation.SUSPEND);
        assertThat(parse("ALTER JOB j RESUME", SqlAlterJob.class).getOperation())
                .isEqualTo(SqlAlterJob.Operation.RESUME);
        SqlAlterJob restart = parse("alter job \"J 1\" restart", SqlAlterJob.class);
        assertThat(restart.getOperation()).isEqualTo(SqlAlterJob.Operation.RESTART);
        assertThat(restart.getName().getSimple()).isEqualTo("J 1");
        assertThat(restart.getOptions()).isEmpty();
        assertThat(unparsed("alter job \"J 1\" restart")).isEqualTo("ALTER JOB \"J 1\" RESTART");
    }

    @Test
    void alterJob_keywordsAsNames() {
        assertThat(parse("ALTER JOB resume RESUME", SqlAlterJob.class).getName().getSimple()).isEqualTo("resume");
        assertThat(parse("ALTER JOB suspend SUSPEND", SqlAlterJob.class).getName().getSimple()).isEqualTo("suspend");
    }

    @Test
    void alterJob_optionsResume() {
        SqlAlterJob alter = parse("""
                ALTER JOB j OPTIONS (
                  'snapshotIntervalMillis' = '100',
                  autoScaling = 'false'
                ) RESUME""", SqlAlterJob.class);
        assertThat(alter.getOperation()).isEqualTo(SqlAlterJob.Operation.RESUME);
        assertThat(alter.getOptionMap()).containsExactly(
                Map.entry("snapshotIntervalMillis", "100"), Map.entry("autoScaling", "false"));
        assertThat(unparsed("ALTER JOB j OPTIONS ('metricsEnabled' = 'false') RESUME"))
                .isEqualTo("ALTER JOB \"j\" OPTIONS ('metricsEnabled' = 'false') RESUME");
    }

    @Test
    void alterJob_optionsWithoutResume_isSyntaxError() {
        assertSyntaxError("ALTER JOB j OPTIONS ('autoScaling' = 'true') SUSPEND", 1, 46, "\"RESUME\"");
        assertSyntaxError("ALTER JOB j OPTIONS ('autoScaling' = 'true')", 1, 44, "\"RESUME\"");
    }

    @Test
    void alterJob_unknownOperation_isSyntaxError() {
        assertSyntaxError("ALTER JOB j STOP", 1, 13, "\"OPTIONS\"", "\"RESTART\"", "\"RESUME\"", "\"SUSPEND\"");
    }

    @Test
    void alterJob_withoutName_isSyntaxError() {
        assertSyntaxError("ALTER JOB", 1, 9, "<IDENTIFIER>");
    }

    @Test
    void alterSystem_stillParses() {
        parse("ALTER SYSTEM SET x = 1", org.apache.calcite.sql.SqlSetOption.class);
    }

    @Test
    void dropJob() {
        SqlDropJob drop = parse("DROP JOB j", SqlDropJob.class);
        assertThat(drop.isIfExists()).isFalse();
        assertThat(drop.getSnapshotName()).isNull();
        SqlDropJob full = parse("DROP JOB IF EXISTS j WITH SNAPSHOT s1", SqlDropJob.class);
        assertThat(full.isIfExists()).isTrue();
        assertThat(full.getName().getSimple()).isEqualTo("j");
        assertThat(full.getSnapshotName().getSimple()).isEqualTo("s1");
        assertThat(unparsed("drop job if exists j with snapshot s1"))
                .isEqualTo("DROP JOB IF EXISTS \"j\" WITH SNAPSHOT \"s1\"");
    }

    @Test
    void dropJob_keywordsAsNames() {
        SqlDropJob drop = parse("DROP JOB if WITH SNAPSHOT snapshot", SqlDropJob.class);
        assertThat(drop.isIfExists()).isFalse();
        assertThat(drop.getName().getSimple()).isEqualTo("if");
        assertThat(drop.getSnapshotName().getSimple()).isEqualTo("snapshot");
        assertThat(parse("DROP JOB IF EXISTS exists_", SqlDropJob.class).isIfExists()).isTrue();
    }

    @Test
    void dropJob_withWithoutSnapshot_isSyntaxError() {
        assertSyntaxError("DROP JOB j WITH s", 1, 17, "\"SNAPSHOT\"");
        assertSyntaxError("DROP JOB j WITH SNAPSHOT", 1, 24, "<IDENTIFIER>");
    }
}
