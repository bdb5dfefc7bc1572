package io.contrail.sql;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** SELECT end to end on a real member: sources, expressions, aggregation, ORDER BY, LIMIT, UNION ALL. */
class SqlSelectTest extends SqlTestSupport {

    @Test
    void generateSeries_projectionAndFilter() {
        assertThat(rows("SELECT v * 10 AS x, 'n' || CAST(v AS VARCHAR) AS s FROM TABLE(generate_series(1, 5)) WHERE v <> 3"))
                .containsExactly(row(10L, "n1"), row(20L, "n2"), row(40L, "n4"), row(50L, "n5"));
    }

    @Test
    void generateSeries_stepAndEmpty() {
        assertThat(rows("SELECT * FROM TABLE(generate_series(10, 1, -3))"))
                .containsExactly(row(10L), row(7L), row(4L), row(1L));
        assertThat(rows("SELECT * FROM TABLE(generate_series(5, 1))")).isEmpty();
    }

    @Test
    void values_and_scalarFunctions() {
        assertThat(rows("SELECT UPPER('abc'), CHAR_LENGTH('hello'), 7 / 2, CASE WHEN 1 > 2 THEN 'a' ELSE 'b' END"))
                .containsExactly(row("ABC", 5, 3, "b"));
    }

    @Test
    void aggregation_groupBy_matchesBruteForce() {
        List<List<Object>> rows = rows("SELECT MOD(v, 3) AS k, COUNT(*), SUM(v), MIN(v), MAX(v), AVG(v) "
                + "FROM TABLE(generate_series(1, 100)) GROUP BY MOD(v, 3) ORDER BY k");
        assertThat(rows).hasSize(3);
        for (int k = 0; k < 3; k++) {
            long count = 0;
            long sum = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (long v = 1; v <= 100; v++) {
                if (v % 3 == k) {
                    count++;
                    sum += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            BigDecimal avg = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 6, RoundingMode.HALF_UP);
            assertThat(rows.get(k)).containsExactly(k, count, sum, min, max, avg);
        }
    }

    @Test
    void aggregation_global_overEmptyInput() {
        assertThat(rows("SELECT COUNT(*), SUM(v) FROM TABLE(generate_series(1, 0))"))
                .containsExactly(row(0L, null));
    }

    @Test
    void aggregation_distinct() {
        assertThat(rows("SELECT COUNT(DISTINCT MOD(v, 4)) FROM TABLE(generate_series(1, 50))"))
                .containsExactly(row(4L));
    }

    @Test
    void orderBy_offset_limit() {
        assertThat(rows("SELECT v FROM TABLE(generate_series(1, 10)) ORDER BY v DESC OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY"))
                .containsExactly(row(8L), row(7L), row(6L));
    }

    @Test
    void unionAll() {
        assertThat(rows("SELECT v FROM TABLE(generate_series(1, 2)) UNION ALL SELECT v FROM TABLE(generate_series(5, 6))"))
                .containsExactlyInAnyOrder(row(1L), row(2L), row(5L), row(6L));
    }

    @Test
    void unionDistinct_andSelectDistinct() {
        assertThat(rows("SELECT MOD(v, 2) FROM TABLE(generate_series(1, 5)) UNION SELECT MOD(v, 3) FROM TABLE(generate_series(1, 5))"))
                .containsExactlyInAnyOrder(row(0), row(1), row(2));
        assertThat(rows("SELECT DISTINCT MOD(v, 4) AS m FROM TABLE(generate_series(1, 20)) ORDER BY m"))
                .containsExactly(row(0), row(1), row(2), row(3));
    }

    @Test
    void nullsSortLastAscending_firstDescending() {
        String values = "SELECT x FROM (VALUES (2), (CAST(NULL AS INT)), (1)) AS t(x) ORDER BY x";
        assertThat(rows(values)).containsExactly(row(1), row(2), row((Object) null));
        assertThat(rows(values + " DESC")).containsExactly(row((Object) null), row(2), row(1));
    }

    @Test
    void jsonValue_andCast() {
        assertThat(rows("SELECT JSON_VALUE('{\"a\": {\"b\": 7}}', '$.a.b'), CAST('2024-02-29' AS DATE), CAST(1.5 AS INT)"))
                .containsExactly(row("7", LocalDate.of(2024, 2, 29), 1));
    }

    @Test
    void parameters() {
        assertThat(rows("SELECT v FROM TABLE(generate_series(1, 10)) WHERE v > ? AND v < ?", 3, 6L))
                .containsExactly(row(4L), row(5L));
        assertThat(rows("SELECT v FROM TABLE(generate_series(?, ?))", 7, 8)).containsExactly(row(7L), row(8L));
        assertThatThrownBy(() -> rows("SELECT v FROM TABLE(generate_series(1, 10)) WHERE v > ?"))
                .isInstanceOf(SqlException.class)
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.PARAMETER_MISMATCH));
    }

    @Test
    void parameters_ofEveryKind() {
        OffsetDateTime instant = OffsetDateTime.parse("2024-03-01T10:00:00+02:00");
        assertThat(rows("SELECT CAST(? AS DATE) + INTERVAL '1' DAY, CAST(? AS TIMESTAMP WITH LOCAL TIME ZONE),"
                        + " CAST(? AS DECIMAL(10, 2)) * 2, NOT CAST(? AS BOOLEAN), UPPER(CAST(? AS VARCHAR))",
                LocalDate.of(2024, 2, 28), instant, new BigDecimal("1.25"), true, "ab"))
                .containsExactly(row(LocalDate.of(2024, 2, 29),
                        OffsetDateTime.parse("2024-03-01T08:00:00Z"), new BigDecimal("2.50"), false, "AB"));
        assertThatThrownBy(() -> rows("SELECT v FROM TABLE(generate_series(1, 3)) WHERE v = ?", "one"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("Cannot use value 'one' of Java type java.lang.String as BIGINT for parameter 1")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.DATA_CONVERSION_ERROR));
    }

    @Test
    void describe_givesTheColumnsWithoutRunning() {
        int jobsBefore = member.getJobs().size();
        assertThat(sql.describe("SELECT v, 'x' || CAST(v AS VARCHAR) AS label FROM TABLE(generate_stream(?)) WHERE v > ?"))
                .get().extracting(SqlRowMetadata::columns).asList()
                .containsExactly(new SqlColumnMetadata("v", SqlColumnType.BIGINT), new SqlColumnMetadata("label", SqlColumnType.VARCHAR));
        assertThat(sql.describe("CREATE MAPPING m (a INT) TYPE IMap OPTIONS ('keyFormat' = 'int', 'valueFormat' = 'int')")).isEmpty();
        assertThat(member.getJobs()).hasSize(jobsBefore);
        assertThatThrownBy(() -> sql.describe("SELECT nope FROM TABLE(generate_series(1, 2))"))
                .isInstanceOf(SqlException.class).hasMessageContaining("nope");
    }

    @Test
    void streamingSelect_limitEndsTheQuery() {
        assertThat(rows("SELECT v FROM TABLE(generate_stream(1000)) LIMIT 5"))
                .containsExactly(row(0L), row(1L), row(2L), row(3L), row(4L));
        await().untilAsserted(() -> assertThat(member.getJobs()).allSatisfy(job -> assertThat(job.getFuture()).isDone()));
    }

    @Test
    void streamingSelect_closingCancels() {
        SqlResult result = sql.execute("SELECT v FROM TABLE(generate_stream(100))");
        var iterator = result.iterator();
        assertThat(iterator.next().values()).containsExactly(0L);
        result.close();
        assertThat(iterator.hasNext()).isFalse();
        await().untilAsserted(() -> assertThat(member.getJobs()).allSatisfy(job -> assertThat(job.getFuture()).isDone()));
    }

    @Test
    void streamingAggregation_isRejected() {
        assertThatThrownBy(() -> rows("SELECT COUNT(*) FROM TABLE(generate_stream(10))"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("TUMBLE")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.INVALID_STREAMING_QUERY));
    }

    @Test
    void unknownTable_isInvalidQuery() {
        assertThatThrownBy(() -> rows("SELECT *\nFROM nosuch"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("At line 2, column 6: Object 'nosuch' not found")
                .satisfies(e -> assertThat(((SqlException) e).getLine()).isEqualTo(2))
                .satisfies(e -> assertThat(((SqlException) e).getColumn()).isEqualTo(6))
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.INVALID_QUERY));
    }

    @Test
    void divisionByZero_failsTheQuery() {
        assertThatThrownBy(() -> rows("SELECT 10 / (v - 3) FROM TABLE(generate_series(1, 5))"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("zero");
    }
}
