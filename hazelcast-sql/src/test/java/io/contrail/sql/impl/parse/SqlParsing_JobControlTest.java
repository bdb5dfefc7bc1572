package io.contrail.sql.impl.parse;

import io.contrail.sql.SqlException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.Locale;

import static io.contrail.sql.impl.parse.ParserTestSupport.assertInvalid;
import static io.contrail.sql.impl.parse.ParserTestSupport.assertSyntaxError;
import static io.contrail.sql.impl.parse.ParserTestSupport.parse;
import static io.contrail.sql.impl.parse.ParserTestSupport.unparsed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SHOW JOBS, SHOW JOB, ... WHEN COMPLETE, PAUSE / RESUME / CANCEL JOB(S), and SHOW JOBS as a table
 * in FROM and as a query in WITH.
 */
class SqlParsing_JobControlTest {

    private static final String INVALID_ID = ": a job id is a whole number in the range of a 64-bit integer, a string or ?";

    @Test
    void showJobs() {
        SqlShowJobs show = parse("SHOW JOBS", SqlShowJobs.class);
        assertThat(show.getWhere()).isNull();
        assertThat(show.getOperandList()).containsExactly((org.apache.calcite.sql.SqlNode) null);
    }

    @Test
    void showJobs_where() {
        SqlShowJobs show = parse("SHOW JOBS WHERE job_type = 'SCHEMA CHANGE' AND status <> 'failed'",
                SqlShowJobs.class);
        assertThat(show.getWhere().getKind()).isEqualTo(SqlKind.AND);
        assertThat(unparsed("show jobs where status = 'RUNNING'"))
                .isEqualTo("SHOW JOBS WHERE \"status\" = 'RUNNING'");
    }

    @Test
    void showJobs_whereWithoutCondition_isSyntaxError() {
        assertSyntaxError("SHOW JOBS WHERE", 1, 15, "\"NOT\"", "\"EXISTS\"", "\"(\"");
    }

    @Test
    void show_unknownTarget_listsTheKnownOnes() {
        assertSyntaxError("SHOW TABLES", 1, 6, "\"JOB\"", "\"JOBS\"", "\"MAPPINGS\"", "\"SNAPSHOTS\"");
        assertSyntaxError("SHOW", 1, 4, "\"JOB\"", "\"JOBS\"", "\"MAPPINGS\"", "\"SNAPSHOTS\"");
    }

    @Test
    void showJob_numericId() {
        SqlShowJob show = parse("SHOW JOB 966387435059478529", SqlShowJob.class);
        assertThat(show.isWhenComplete()).isFalse();
        assertThat(((SqlNumericLiteral) show.getJobId()).getValueAs(Long.class)).isEqualTo(966387435059478529L);
    }

    @Test
    void showJob_negativeId() {
        SqlShowJob show = parse("SHOW JOB -42", SqlShowJob.class);
        assertThat(((SqlNumericLiteral) show.getJobId()).getValueAs(BigDecimal.class)).isEqualByComparingTo("-42");
        assertThat(unparsed("SHOW JOB -42")).isEqualTo("SHOW JOB -42");
    }

    @Test
    void showJob_stringAndParameterIds() {
        assertThat(parse("SHOW JOB '0a1b-2c3d'", SqlShowJob.class).getJobId())
                .isInstanceOf(SqlCharStringLiteral.class);
        assertThat(parse("SHOW JOB ?", SqlShowJob.class).getJobId()).isInstanceOf(SqlDynamicParam.class);
    }

    @Test
    void showJobWhenComplete() {
        SqlShowJob show = parse("SHOW JOB WHEN COMPLETE 27536791415282", SqlShowJob.class);
        assertThat(show.isWhenComplete()).isTrue();
        assertThat(unparsed("show job when complete ?")).isEqualTo("SHOW JOB WHEN COMPLETE ?");
    }

    @Test
    void showJob_withoutId_isSyntaxError() {
        assertSyntaxError("SHOW JOB", 1, 8, "\"WHEN\"", "\"?\"", "<UNSIGNED_INTEGER_LITERAL>", "<QUOTED_STRING>");
        assertSyntaxError("SHOW JOB WHEN 1", 1, 15, "\"COMPLETE\"");
    }

    @Test
    void showJob_nameInsteadOfId_isSyntaxError() {
        assertSyntaxError("SHOW JOB myJob", 1, 10, "\"?\"", "<UNSIGNED_INTEGER_LITERAL>", "<QUOTED_STRING>");
    }

    @Test
    void showJob_fractionalId_isInvalid() {
        assertInvalid("SHOW JOB 1.5", 1, 10, "Invalid job id 1.5" + INVALID_ID);
    }

    @Test
    void showJob_idOutOfRange_isInvalid() {
        assertInvalid("SHOW JOB 9223372036854775808", 1, 10, "Invalid job id 9223372036854775808" + INVALID_ID);
    }

    @Test
    void showJob_approximateId_isInvalid() {
        assertInvalid("SHOW JOB 1e3", 1, 10, "Invalid job id 1E3" + INVALID_ID);
    }

    @Test
    void showJobsWhenComplete() {
        SqlShowJobsWhenComplete show = parse(
                "SHOW JOBS WHEN COMPLETE (SELECT job_id FROM [SHOW JOBS] WHERE status = 'running')",
                SqlShowJobsWhenComplete.class);
        assertThat(show.getQuery()).isInstanceOf(SqlSelect.class);
        assertThat(unparsed("SHOW JOBS WHEN COMPLETE (SELECT job_id FROM [SHOW JOBS])"))
                .isEqualTo("SHOW JOBS WHEN COMPLETE (SELECT \"job_id\" FROM [SHOW JOBS])");
    }

    @Test
    void showJobsWhenComplete_withoutQuery_isSyntaxError() {
        assertSyntaxError("SHOW JOBS WHEN COMPLETE", 1, 23, "\"(\"");
        assertSyntaxError("SHOW JOBS WHEN COMPLETE (1)", 1, 26, "\"SELECT\"", "\"VALUES\"", "\"WITH\"");
    }

    @ParameterizedTest
    @EnumSource(SqlControlJob.Action.class)
    void controlJob(SqlControlJob.Action action) {
        String verb = action.name().toLowerCase(Locale.ROOT);
        SqlControlJob one = parse(verb + " job 505396193949089793", SqlControlJob.class);
        assertThat(one.getAction()).isEqualTo(action);
        assertThat(((SqlNumericLiteral) one.getJobId()).getValueAs(Long.class)).isEqualTo(505396193949089793L);
        assertThat(parse(action + " JOB '42'", SqlControlJob.class).getJobId()).isInstanceOf(SqlCharStringLiteral.class);
        assertThat(parse(action + " JOB ?", SqlControlJob.class).getJobId()).isInstanceOf(SqlDynamicParam.class);
        assertThat(unparsed(verb + " job 7")).isEqualTo(action + " JOB 7");
    }

    @ParameterizedTest
    @EnumSource(SqlControlJob.Action.class)
    void controlJobs(SqlControlJob.Action action) {
        SqlControlJobs many = parse(action + " JOBS (SELECT job_id FROM [SHOW JOBS] WHERE user_name = 'stone')",
                SqlControlJobs.class);
        assertThat(many.getAction()).isEqualTo(action);
        assertThat(many.getQuery()).isInstanceOf(SqlSelect.class);
        assertThat(unparsed(action + " JOBS (SELECT job_id FROM t)"))
                .isEqualTo(action + " JOBS (SELECT \"job_id\" FROM \"t\")");
    }

    @Test
    void controlJobs_queryWithOrderByOrWithOrUnion() {
        assertThat(parse("PAUSE JOBS (SELECT id FROM t ORDER BY id LIMIT 3)", SqlControlJobs.class).getQuery())
                .isInstanceOf(SqlOrderBy.class);
        assertThat(parse("CANCEL JOBS (WITH x AS (SHOW JOBS) SELECT job_id FROM x WHERE user_name = 'maxroach')",
                SqlControlJobs.class).getQuery()).isInstanceOf(SqlWith.class);
        assertThat(parse("RESUME JOBS (SELECT 1 UNION SELECT 2)", SqlControlJobs.class).getQuery().getKind())
                .isEqualTo(SqlKind.UNION);
        parse("RESUME JOBS (VALUES 1, 2)", SqlControlJobs.class);
        SqlSelect showJobs = (SqlSelect) parse("PAUSE JOBS (SHOW JOBS WHERE status = 'RUNNING')",
                SqlControlJobs.class).getQuery();
        assertThat(showJobs.getFrom()).isInstanceOf(SqlShowJobs.class);
        assertThat(showJobs.getWhere()).isNotNull();
    }

    @Test
    void controlJob_keywordsStayNames() {
        parse("SELECT pause, resume, cancel FROM jobs", SqlSelect.class);
    }

    @Test
    void controlJob_withoutId_isSyntaxError() {
        assertSyntaxError("PAUSE JOB", 1, 9, "\"?\"", "<UNSIGNED_INTEGER_LITERAL>", "<QUOTED_STRING>");
        assertSyntaxError("CANCEL JOB myJob", 1, 12, "\"?\"", "<UNSIGNED_INTEGER_LITERAL>");
    }

    @Test
    void controlJobs_withoutParentheses_isSyntaxError() {
        assertSyntaxError("PAUSE JOBS SELECT job_id FROM t", 1, 12, "\"(\"");
    }

    @Test
    void controlJob_fractionalId_isInvalid() {
        assertInvalid("RESUME JOB\n  4.2", 2, 3, "Invalid job id 4.2" + INVALID_ID);
    }

    @Test
    void controlJob_neitherJobNorJobs_isSyntaxError() {
        // CANCEL is not reserved, so Calcite reads the text as the start of an expression and says so
        SqlException e = assertSyntaxError("CANCEL QUERY 1", 1, 1);
        assertThat(e.getMessage()).isEqualTo("At line 1, column 1: CANCEL must be followed by JOB or JOBS");
    }

    @Test
    void anUnknownFirstWord_saysWhichWordsStartAStatement() {
        SqlException e = assertSyntaxError("-- a typo\n  SELEC 1", 2, 3);
        assertThat(e.getMessage()).startsWith("At line 2, column 3: Unknown statement 'SELEC': a statement starts with ALTER,")
                .contains("SELECT", "SHOW", "SINK");
    }

    @Test
    void showJobsInBrackets_isATableInFrom() {
        SqlSelect select = parse("SELECT * FROM [SHOW JOBS] WHERE job_type = 'SCHEMA CHANGE'", SqlSelect.class);
        assertThat(select.getFrom()).isInstanceOf(SqlShowJobs.class);
        assertThat(unparsed("SELECT * FROM [SHOW JOBS] WHERE job_type = 'X'"))
                .isEqualTo("SELECT * FROM [SHOW JOBS] WHERE \"job_type\" = 'X'");
    }

    @Test
    void showJobsInBrackets_withWhereAliasAndJoin() {
        SqlSelect select = parse("SELECT j.job_id FROM [SHOW JOBS WHERE status = 'running'] AS j "
                + "JOIN m ON j.job_id = m.id", SqlSelect.class);
        SqlJoin join = (SqlJoin) select.getFrom();
        SqlBasicCall as = (SqlBasicCall) join.getLeft();
        assertThat(as.getKind()).isEqualTo(SqlKind.AS);
        assertThat(((SqlShowJobs) as.operand(0)).getWhere()).isNotNull();
    }

    @Test
    void showJobsInBrackets_unclosed_isSyntaxError() {
        assertSyntaxError("SELECT * FROM [SHOW JOBS", 1, 24, "\"]\"", "\"WHERE\"");
        assertSyntaxError("SELECT * FROM [SHOW MAPPINGS]", 1, 21, "\"JOBS\"");
    }

    @Test
    void showJobsInWith_readsAsSelectFromShowJobs() {
        SqlWith with = parse("WITH x AS (SHOW JOBS) SELECT job_id FROM x WHERE user_name = 'maxroach'",
                SqlWith.class);
        SqlWithItem item = (SqlWithItem) with.withList.get(0);
        SqlSelect definition = (SqlSelect) item.query;
        assertThat(definition.getFrom()).isInstanceOf(SqlShowJobs.class);
        assertThat(definition.getWhere()).isNull();
        assertThat(unparsed("WITH x AS (SHOW JOBS WHERE a = 1) SELECT * FROM x"))
                .isEqualTo("WITH \"x\" AS (SELECT * FROM [SHOW JOBS] WHERE \"a\" = 1) SELECT * FROM \"x\"");
    }

    @Test
    void showJobsInParentheses_readsAsSelectFromShowJobs() {
        SqlSelect select = parse("SELECT * FROM (SHOW JOBS) AS j", SqlSelect.class);
        SqlSelect inner = (SqlSelect) ((SqlBasicCall) select.getFrom()).operand(0);
        assertThat(inner.getFrom()).isInstanceOf(SqlShowJobs.class);
    }

    @Test
    void otherShowStatements_areNoQueries() {
        SqlParsingAssert.noQuery("WITH x AS (SHOW MAPPINGS) SELECT * FROM x", 1, 12, "MAPPINGS");
        SqlParsingAssert.noQuery("SELECT * FROM (SHOW SNAPSHOTS)", 1, 16, "SNAPSHOTS");
        SqlParsingAssert.noQuery("SELECT * FROM (SHOW JOB 1)", 1, 16, "JOB");
    }

    /** Errors of SHOW statements used as queries: positioned, without expected tokens. */
    private static final class SqlParsingAssert {
        static void noQuery(String sql, int line, int column, String what) {
            SqlException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    SqlException.class, () -> SqlParsing.parse(sql));
            assertThat(e.getLine()).isEqualTo(line);
            assertThat(e.getColumn()).isEqualTo(column);
            assertThat(e.getMessage()).endsWith("SHOW " + what
                    + " cannot stand where a query is expected; of the SHOW statements only SHOW JOBS can");
        }
    }
}
