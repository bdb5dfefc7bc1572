package io.contrail.sql;

import com.hazelcast.map.IMap;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobKind;
import io.contrail.jet.job.JobStatus;
import io.contrail.jet.job.ProcessingGuarantee;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The IMap connector through SQL: reading primitive and JSON entries, INSERT/SINK INTO, CREATE JOB. */
class SqlIMapTest extends SqlTestSupport {

    @Test
    void select_primitiveKeyAndValue() {
        IMap<Long, String> map = member.getHazelcastInstance().getMap("names");
        map.put(1L, "one");
        map.put(2L, "two");
        update("CREATE MAPPING names (id BIGINT EXTERNAL NAME __key, name VARCHAR EXTERNAL NAME this) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'varchar')");
        assertThat(rows("SELECT id, UPPER(name) FROM names WHERE id > 0"))
                .containsExactlyInAnyOrder(row(1L, "ONE"), row(2L, "TWO"));
    }

    @Test
    void select_jsonValueFields() {
        IMap<Integer, String> map = member.getHazelcastInstance().getMap("people");
        map.put(1, "{\"name\": \"Ann\", \"born\": \"1990-05-01\", \"score\": 7.5}");
        map.put(2, "{\"name\": \"Bob\"}");
        update("CREATE MAPPING people (id INT EXTERNAL NAME __key, name VARCHAR, born DATE, score DOUBLE) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'int', 'valueFormat' = 'json')");
        assertThat(rows("SELECT id, name, born, score FROM people ORDER BY id"))
                .containsExactly(row(1, "Ann", LocalDate.of(1990, 5, 1), 7.5), row(2, "Bob", null, null));
    }

    @Test
    void select_badJsonFails_withConversionError() {
        member.getHazelcastInstance().getMap("bad").put(1L, "{\"n\": \"x\"}");
        update("CREATE MAPPING bad (id BIGINT EXTERNAL NAME __key, n BIGINT) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')");
        assertThatThrownBy(() -> rows("SELECT * FROM bad"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("column 'n' of IMap mapping 'bad'")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.DATA_CONVERSION_ERROR));
    }

    @Test
    void insert_countsRows_andWritesJson() {
        update("CREATE MAPPING squares (n BIGINT EXTERNAL NAME __key, sq BIGINT, label VARCHAR) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')");
        assertThat(update("INSERT INTO squares SELECT v, v * v, 'n' || CAST(v AS VARCHAR) FROM TABLE(generate_series(1, 100))"))
                .isEqualTo(100);
        IMap<Long, String> map = member.getHazelcastInstance().getMap("squares");
        assertThat(map.size()).isEqualTo(100);
        assertThat(map.get(7L)).isEqualTo("{\"sq\":49,\"label\":\"n7\"}");
        assertThat(rows("SELECT SUM(sq) FROM squares")).containsExactly(row(338_350L));
    }

    @Test
    void decimal_largeValuesRoundTrip_withoutPaddedZeros() {
        update("CREATE MAPPING prices (id BIGINT EXTERNAL NAME __key, price DECIMAL) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')");
        update("INSERT INTO prices VALUES (1, 123456789012345678.5), (2, 10.25)");
        assertThat(member.getHazelcastInstance().<Long, String>getMap("prices").get(2L)).isEqualTo("{\"price\":10.25}");
        assertThat(rows("SELECT id, price * 2 FROM prices ORDER BY id"))
                .containsExactly(row(1L, new BigDecimal("246913578024691357.0")), row(2L, new BigDecimal("20.50")));
    }

    @Test
    void sinkInto_upsertsWithValues() {
        update("CREATE MAPPING kv (k VARCHAR EXTERNAL NAME __key, v INT EXTERNAL NAME this) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'varchar', 'valueFormat' = 'int')");
        update("SINK INTO kv VALUES ('a', 1), ('b', 2)");
        update("SINK INTO kv (k, v) VALUES (?, ?)", "a", 10);
        Map<String, Integer> map = member.getHazelcastInstance().getMap("kv");
        assertThat(map).containsOnly(Map.entry("a", 10), Map.entry("b", 2));
    }

    @Test
    void insert_nullKey_isClearError() {
        update("CREATE MAPPING kv2 (k VARCHAR EXTERNAL NAME __key, v INT EXTERNAL NAME this) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'varchar', 'valueFormat' = 'int')");
        assertThatThrownBy(() -> update("INSERT INTO kv2 (v) VALUES (1)"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("NULL key");
    }

    @Test
    void createJob_fromGenerateStream_intoIMap() {
        update("CREATE MAPPING ticks (n BIGINT EXTERNAL NAME __key, doubled BIGINT EXTERNAL NAME this) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'bigint')");
        assertThat(update("CREATE JOB ticker OPTIONS ('processingGuarantee' = 'exactlyOnce', "
                + "'snapshotIntervalMillis' = '100') AS SINK INTO ticks SELECT v, v * 2 FROM TABLE(generate_stream(200))"))
                .isZero();
        Job job = member.getJob("ticker").orElseThrow();
        assertThat(job.getConfig().getProcessingGuarantee()).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE);
        assertThat(job.getConfig().getSnapshotIntervalMillis()).isEqualTo(100);
        assertThat(job.getConfig().getKind()).isEqualTo(JobKind.SQL);
        assertThat(job.getConfig().getOwner()).isEqualTo(SqlService.EMBEDDED_USER);
        assertThat(job.getConfig().getStatement()).startsWith("CREATE JOB ticker OPTIONS");
        assertThat(job.getConfig().getStreaming()).isTrue();
        Map<Long, Long> map = member.getHazelcastInstance().getMap("ticks");
        await().atMost(Duration.ofSeconds(30)).until(() -> map.size() >= 20);
        assertThatThrownBy(() -> update("CREATE JOB ticker AS SINK INTO ticks SELECT v, v FROM TABLE(generate_stream(1))"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("'ticker' already exists")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.JOB_ALREADY_EXISTS));
        assertThat(update("CREATE JOB IF NOT EXISTS ticker AS SINK INTO ticks SELECT v, v FROM TABLE(generate_stream(1))"))
                .isZero();
        job.cancel();
        await().until(() -> job.getStatus() == JobStatus.FAILED);
        // Every entry is the statement's: value 2n for key n. (Which keys a commit under way when
        // the job was cancelled had written is not defined, so the keys need not be contiguous.)
        map.forEach((n, doubled) -> assertThat(doubled).isEqualTo(2 * n));
        assertThat(map.size()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void createJob_ofSelect_isRejected() {
        assertThatThrownBy(() -> update("CREATE JOB j AS SELECT * FROM TABLE(generate_stream(1))"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("SELECT");
    }

    @Test
    void explain_showsPlanAndDag() {
        update("CREATE MAPPING e (id BIGINT EXTERNAL NAME __key, v BIGINT EXTERNAL NAME this) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'bigint')");
        assertThat(rows("EXPLAIN PLAN FOR SELECT id, COUNT(*) FROM e WHERE v > 1 GROUP BY id"))
                .extracting(r -> (String) r.get(0))
                .containsSequence("Plan:")
                .anySatisfy(line -> assertThat(line).contains("LogicalAggregate"))
                .anySatisfy(line -> assertThat(line).contains("LogicalTableScan(table=[[e]])"))
                .contains("DAG:", "  edge accumulate -> combine: partitioned", "  edge combine -> result: all-to-one");
    }
}
