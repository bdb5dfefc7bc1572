package io.contrail.sql.impl.parse;

import io.contrail.sql.SqlException;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.contrail.sql.impl.parse.ParserTestSupport.assertSyntaxError;
import static io.contrail.sql.impl.parse.ParserTestSupport.parse;
import static io.contrail.sql.impl.parse.ParserTestSupport.unparsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The entry point and Calcite's own statements, which our grammar must leave as they were. */
class SqlParsingTest {

    @Test
    void select_stillParses() {
        SqlSelect select = parse("SELECT a, b + 1 AS c FROM t WHERE a > ? GROUP BY a, b", SqlSelect.class);
        assertThat(select.getSelectList()).hasSize(2);
        assertThat(select.getWhere()).isNotNull();
    }

    @Test
    void selectWithOrderByUnionAndWith_stillParse() {
        parse("WITH x AS (SELECT 1 AS a) SELECT a FROM x UNION ALL SELECT 2 ORDER BY 1 LIMIT 5",
                SqlOrderBy.class);
    }

    @Test
    void insert_stillParses() {
        SqlInsert insert = parse("INSERT INTO t (a, b) SELECT x, y FROM s", SqlInsert.class);
        assertThat(insert).isNotInstanceOf(SqlSinkInto.class);
        assertThat(insert.getTargetColumnList()).hasSize(2);
        assertThat(unparsed("INSERT INTO t VALUES (1, 'a')")).isEqualTo("INSERT INTO \"t\" VALUES ROW(1, 'a')");
    }

    @Test
    void explain_stillParses() {
        SqlExplain explain = parse("EXPLAIN PLAN FOR SELECT * FROM t", SqlExplain.class);
        assertThat(explain.getExplicandum()).isInstanceOf(SqlSelect.class);
        parse("EXPLAIN PLAN WITH TYPE FOR SELECT 1", SqlExplain.class);
        parse("EXPLAIN PLAN EXCLUDING ATTRIBUTES AS JSON FOR SELECT 1", SqlExplain.class);
        parse("EXPLAIN PLAN FOR INSERT INTO t SELECT * FROM s", SqlExplain.class);
        parse("EXPLAIN PLAN FOR DELETE FROM t WHERE a = 1", SqlExplain.class);
        parse("EXPLAIN PLAN FOR UPDATE t SET a = 1", SqlExplain.class);
    }

    @Test
    void explain_withoutPlanFor() {
        SqlExplain explain = parse("EXPLAIN SELECT 1", SqlExplain.class);
        assertThat(unparsed("EXPLAIN SELECT 1")).isEqualTo(unparsed("EXPLAIN PLAN FOR SELECT 1"));
        assertThat(explain.getFormat()).isEqualTo(org.apache.calcite.sql.SqlExplainFormat.TEXT);
    }

    @Test
    void explain_sinkInto() {
        SqlExplain explain = parse("EXPLAIN PLAN FOR SINK INTO t SELECT * FROM s", SqlExplain.class);
        assertThat(explain.getExplicandum()).isInstanceOf(SqlSinkInto.class);
        parse("EXPLAIN SINK INTO t (a) VALUES (1)", SqlExplain.class);
        parse("EXPLAIN PLAN AS JSON FOR SINK INTO t SELECT 1", SqlExplain.class);
    }

    @Test
    void explain_ofDdl_isSyntaxError() {
        // our EXPLAIN does not apply, and Calcite's, tried next, wants PLAN
        assertSyntaxError("EXPLAIN CREATE JOB j AS SINK INTO t SELECT 1", 1, 9, "\"PLAN\"");
    }

    @Test
    void unquotedIdentifiers_keepTheirCase() {
        SqlSelect select = parse("SELECT Job, \"jOb\", job FROM MyTable", SqlSelect.class);
        assertThat(select.getSelectList().stream().map(n -> ((SqlIdentifier) n).getSimple()))
                .containsExactly("Job", "jOb", "job");
        assertThat(((SqlIdentifier) select.getFrom()).getSimple()).isEqualTo("MyTable");
    }

    @Test
    void keywords_areCaseInsensitive() {
        assertThat(unparsed("sElEcT 1 fRoM t")).isEqualTo("SELECT 1 FROM \"t\"");
        assertThat(unparsed("show jobs")).isEqualTo("SHOW JOBS");
        assertThat(unparsed("Create Job j As Sink Into t Select 1"))
                .isEqualTo("CREATE JOB \"j\" AS SINK INTO \"t\" SELECT 1");
    }

    @Test
    void quotedIdentifiers_mayBeReservedWordsOrHaveSpaces() {
        SqlSelect select = parse("SELECT \"select\", \"a b\" FROM \"from\"", SqlSelect.class);
        assertThat(select.getSelectList().stream().map(n -> ((SqlIdentifier) n).getSimple()))
                .containsExactly("select", "a b");
    }

    @Test
    void commentsAndLineBreaks_areSkipped() {
        String sql = """
                -- the jobs that failed
                SHOW /* all of them */ JOBS
                  WHERE status = 'FAILED' -- trailing
                """;
        assertThat(unparsed(sql)).isEqualTo("SHOW JOBS WHERE \"status\" = 'FAILED'");
    }

    @Test
    void parseStatements_readsAScript() {
        List<SqlNode> nodes = SqlParsing.parseStatements("""
                CREATE MAPPING m TYPE IMap;
                SHOW MAPPINGS;
                -- a comment between statements
                SELECT * FROM m;
                """);
        assertThat(nodes).hasSize(3);
        assertThat(nodes.get(0)).isInstanceOf(SqlCreateMapping.class);
        assertThat(nodes.get(1)).isInstanceOf(SqlShowMappings.class);
        assertThat(nodes.get(2)).isInstanceOf(SqlSelect.class);
    }

    @Test
    void parseStatements_ofNothing_isEmpty() {
        assertThat(SqlParsing.parseStatements("  -- nothing\n")).isEmpty();
    }

    @Test
    void parseStatements_validatesEachStatement() {
        assertThatThrownBy(() -> SqlParsing.parseStatements("SHOW JOBS;\nPAUSE JOB 1.5"))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.isSyntaxError()).isFalse();
                    assertThat(e.getLine()).isEqualTo(2);
                    assertThat(e.getColumn()).isEqualTo(11);
                });
    }

    @Test
    void parseStatements_syntaxErrorOnLaterLine() {
        SqlException e = (SqlException) org.assertj.core.api.Assertions.catchThrowable(
                () -> SqlParsing.parseStatements("SHOW JOBS;\n\nDROP JOB IF EXISTS;"));
        assertThat(e.getLine()).isEqualTo(3);
        assertThat(e.getColumn()).isEqualTo(19);
        assertThat(e.getExpectedTokens()).contains("<IDENTIFIER>");
    }

    @Test
    void parse_rejectsTwoStatements() {
        assertSyntaxError("SHOW JOBS; SHOW JOBS", 1, 10, "<EOF>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-- only a comment", "\n/* and another */\n"})
    void parse_ofNoStatement_isSyntaxError(String sql) {
        assertThatThrownBy(() -> SqlParsing.parse(sql))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.isSyntaxError()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("The text holds no SQL statement");
                    assertThat(e.getLine()).isEqualTo(1);
                    assertThat(e.getColumn()).isEqualTo(1);
                });
    }

    @Test
    void unterminatedString_isSyntaxError() {
        assertSyntaxError("SELECT 'abc", 1, 8, "<QUOTED_STRING>");
    }

    @Test
    void syntaxError_listsExpectedTokensOnOneLine_withoutKeywordsThatAreNames() {
        SqlException e = assertSyntaxError("CREATE JOB AS SINK INTO t SELECT 1", 1, 12,
                "<IDENTIFIER>", "<QUOTED_IDENTIFIER>");
        // AS is reserved, so it is no name; the non-reserved keywords are names and not listed one by one
        assertThat(e.getExpectedTokens()).doesNotContain("\"JOB\"", "\"IF\"", "<BACK_QUOTED_IDENTIFIER>");
        assertThat(e.getMessage()).isEqualTo("Incorrect syntax near the keyword 'AS' at line 1, column 12.\n"
                + "Was expecting one of: <IDENTIFIER>, <QUOTED_IDENTIFIER>, <UNICODE_QUOTED_IDENTIFIER>");
    }

    @Test
    void syntaxError_onALaterLine() {
        SqlException e = assertSyntaxError("ALTER JOB j\n  OPTIONS ('autoScaling' = 'true')\n  SUSPEND", 3, 3,
                "\"RESUME\"");
        assertThat(e.getMessage()).isEqualTo("Encountered \" \"SUSPEND\" \"SUSPEND \"\" at line 3, column 3.\n"
                + "Was expecting one of: \"RESUME\"");
        assertThat(e.getEndLine()).isEqualTo(3);
        assertThat(e.getEndColumn()).isEqualTo(9);
    }

    @Test
    void incompleteCondition_endsBeforeTheOperator() {
        // Calcite reads "status" as the whole condition, then finds "=" where the statement should end
        assertSyntaxError("SHOW JOBS\n  WHERE status =", 2, 16, "<EOF>");
    }

    @Test
    void syntaxError_withManyExpectedTokens_isShortened() {
        SqlException e = assertSyntaxError("SELECT FROM t", 1, 8);
        assertThat(e.getExpectedTokens().size()).isGreaterThan(20);
        assertThat(e.getMessage()).contains("... (" + e.getExpectedTokens().size() + " in all)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CANCEL", "COMPLETE", "EXTERNAL", "IF", "JOB", "JOBS", "MAPPING", "MAPPINGS",
            "OPTIONS", "PAUSE", "RESUME", "RESTART", "SINK", "SNAPSHOT", "SNAPSHOTS", "SUSPEND", "SYSTEM", "TYPE"})
    void ourKeywords_areNotReserved(String keyword) {
        assertThat(SqlParsing.isReservedWord(keyword)).isFalse();
        String lower = keyword.toLowerCase(java.util.Locale.ROOT);
        SqlSelect select = parse("SELECT " + lower + " FROM " + lower + " AS " + lower, SqlSelect.class);
        assertThat(((SqlIdentifier) select.getSelectList().get(0)).getSimple()).isEqualTo(lower);
    }

    @Test
    void system_isTheSchemaOfSystemTables_andStillStartsTableSampleSystem() {
        SqlSelect select = parse("SELECT job_id FROM system.jobs WHERE status = 'RUNNING'", SqlSelect.class);
        assertThat(((SqlIdentifier) select.getFrom()).names).containsExactly("system", "jobs");
        assertThat(unparsed("SELECT * FROM t TABLESAMPLE SYSTEM(10)"))
                .isEqualTo("SELECT * FROM \"t\" TABLESAMPLE SYSTEM(10.0)");
    }

    @Test
    void reservedWords_stayReserved() {
        assertThat(SqlParsing.isReservedWord("SELECT")).isTrue();
        assertThat(SqlParsing.isReservedWord("show")).isTrue();
        assertThat(SqlParsing.isReservedWord("WHEN")).isTrue();
    }
}
