package io.contrail.sql;

import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** IMPOSE_ORDER, TUMBLE and HOP end to end, checked against brute force. */
class SqlWindowTest extends SqlTestSupport {

    /** Rows v = 1..N with event time v * 37 ms, key MOD(v, 3). */
    private static final int N = 1000;
    private static final String EVENTS = "(SELECT v, MOD(v, 3) AS k, TO_TIMESTAMP_TZ(v * 37) AS ts"
            + " FROM TABLE(generate_series(1, " + N + ")))";

    @Test
    void tumble_bounded_matchesBruteForce() {
        List<List<Object>> rows = rows("SELECT window_start, window_end, k, COUNT(*), SUM(v) FROM TABLE(TUMBLE("
                + EVENTS + ", DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end, k"
                + " ORDER BY window_start, k");
        assertThat(rows).isEqualTo(bruteForce(1000, 1000));
    }

    @Test
    void hop_bounded_matchesBruteForce() {
        List<List<Object>> rows = rows("SELECT window_start, window_end, k, COUNT(*), SUM(v) FROM TABLE(HOP("
                + EVENTS + ", DESCRIPTOR(ts), INTERVAL '0.25' SECOND, INTERVAL '1' SECOND))"
                + " GROUP BY window_start, window_end, k ORDER BY window_start, k");
        assertThat(rows).isEqualTo(bruteForce(1000, 250));
    }

    @Test
    void tumble_withImposeOrder_groupByWindowEndOnly() {
        List<List<Object>> rows = rows("SELECT window_end, COUNT(*) FROM TABLE(TUMBLE((SELECT * FROM TABLE(IMPOSE_ORDER("
                + EVENTS + ", DESCRIPTOR(ts), INTERVAL '0.1' SECOND))), DESCRIPTOR(ts), INTERVAL '10' SECOND))"
                + " GROUP BY window_end ORDER BY window_end");
        assertThat(rows).containsExactly(row(utc(10_000), 270L), row(utc(20_000), 270L), row(utc(30_000), 270L),
                row(utc(40_000), 190L));
    }

    @Test
    void tumble_withoutAggregation_addsWindowColumns() {
        assertThat(rows("SELECT v, window_start, window_end FROM TABLE(TUMBLE((SELECT v, TO_TIMESTAMP_TZ(v * 400) AS ts"
                + " FROM TABLE(generate_series(1, 3))), DESCRIPTOR(ts), INTERVAL '1' SECOND))"))
                .containsExactly(row(1L, utc(0), utc(1000)), row(2L, utc(0), utc(1000)), row(3L, utc(1000), utc(2000)));
    }

    @Test
    void imposeOrder_dropsLateRows() {
        assertThat(rows("SELECT n FROM TABLE(IMPOSE_ORDER((SELECT n, TO_TIMESTAMP_TZ(t) AS ts FROM (VALUES"
                + " (1, 1000), (2, 2000), (3, 1500), (4, 1950), (5, 2500)) AS e(n, t)), DESCRIPTOR(ts), INTERVAL '0.1' SECOND))"))
                .containsExactly(row(1), row(2), row(4), row(5));
    }

    @Test
    void streamingTumble_emitsWindowsAsTheyClose() {
        List<List<Object>> rows = rows("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE((SELECT * FROM TABLE(IMPOSE_ORDER("
                + "(SELECT v, TO_TIMESTAMP_TZ(v) AS ts FROM TABLE(generate_stream(2000))), DESCRIPTOR(ts),"
                + " INTERVAL '0.01' SECOND))), DESCRIPTOR(ts), INTERVAL '0.1' SECOND)) GROUP BY window_start LIMIT 3");
        assertThat(rows).containsExactly(row(utc(0), 100L), row(utc(100), 100L), row(utc(200), 100L));
    }

    @Test
    void explain_windowedAggregation() {
        assertThat(rows("EXPLAIN PLAN FOR SELECT window_start, COUNT(*) FROM TABLE(HOP((SELECT * FROM TABLE(IMPOSE_ORDER("
                + EVENTS + ", DESCRIPTOR(ts), INTERVAL '0.1' SECOND))), DESCRIPTOR(ts), INTERVAL '1' SECOND,"
                + " INTERVAL '2' SECOND)) GROUP BY window_start"))
                .extracting(r -> (String) r.get(0))
                .anySatisfy(line -> assertThat(line).contains("HOP(DESCRIPTOR($2), 1000:INTERVAL SECOND, 2000:INTERVAL SECOND)"))
                .anySatisfy(line -> assertThat(line).contains("IMPOSE_ORDER(DESCRIPTOR($2), 100:INTERVAL SECOND)"))
                .containsSubsequence("  vertex generate_series (local parallelism 1)",
                        "  vertex impose-order (local parallelism 1)",
                        "  vertex accumulate-frames (local parallelism 1)",
                        "  vertex combine-windows (local parallelism 2)",
                        "  edge calc -> impose-order: isolated",
                        "  edge accumulate-frames -> combine-windows: partitioned",
                        "  edge combine-windows -> result: all-to-one");
    }

    @Test
    void streamingWindow_withoutImposeOrder_isRejected() {
        assertThatThrownBy(() -> rows("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE((SELECT v, TO_TIMESTAMP_TZ(v) AS ts"
                + " FROM TABLE(generate_stream(10))), DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("IMPOSE_ORDER")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.INVALID_STREAMING_QUERY));
    }

    @Test
    void hop_sizeNotMultipleOfSlide_isRejected() {
        assertThatThrownBy(() -> rows("SELECT window_start, COUNT(*) FROM TABLE(HOP(" + EVENTS
                + ", DESCRIPTOR(ts), INTERVAL '0.3' SECOND, INTERVAL '1' SECOND)) GROUP BY window_start"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("multiple");
    }

    @Test
    void createJob_windowedCountsIntoIMap() {
        update("CREATE MAPPING counts (window_start TIMESTAMP EXTERNAL NAME __key, n BIGINT EXTERNAL NAME this)"
                + " TYPE IMap OPTIONS ('keyFormat' = 'varchar', 'valueFormat' = 'bigint')");
        update("CREATE JOB windows AS SINK INTO counts SELECT window_start, COUNT(*) FROM TABLE(TUMBLE((SELECT * FROM"
                + " TABLE(IMPOSE_ORDER((SELECT v, TO_TIMESTAMP_TZ(v) AS ts FROM TABLE(generate_stream(1000))),"
                + " DESCRIPTOR(ts), INTERVAL '0.01' SECOND))), DESCRIPTOR(ts), INTERVAL '0.1' SECOND)) GROUP BY window_start");
        Map<String, Long> counts = member.getHazelcastInstance().getMap("counts");
        await().until(() -> counts.size() >= 3);
        member.getJob("windows").orElseThrow().cancel();
        assertThat(counts.values()).containsOnly(100L);
        assertThat(counts).containsKey("1970-01-01T00:00");
        // the key was written as text; reading it back parses it into the TIMESTAMP column
        assertThat(rows("SELECT window_start, n FROM counts WHERE window_start = TIMESTAMP '1970-01-01 00:00:00'"))
                .containsExactly(row(utc(0), 100L));
    }

    @Test
    void createJob_exactlyOnceWindows_surviveARestart() {
        update("CREATE MAPPING eo_counts (window_start TIMESTAMP EXTERNAL NAME __key, n BIGINT EXTERNAL NAME this)"
                + " TYPE IMap OPTIONS ('keyFormat' = 'varchar', 'valueFormat' = 'bigint')");
        update("CREATE JOB eo_windows OPTIONS ('processingGuarantee' = 'exactlyOnce', 'snapshotIntervalMillis' = '200')"
                + " AS SINK INTO eo_counts SELECT window_start, COUNT(*) FROM TABLE(TUMBLE((SELECT * FROM"
                + " TABLE(IMPOSE_ORDER((SELECT v, TO_TIMESTAMP_TZ(v) AS ts FROM TABLE(generate_stream(1000))),"
                + " DESCRIPTOR(ts), INTERVAL '0.01' SECOND))), DESCRIPTOR(ts), INTERVAL '0.1' SECOND)) GROUP BY window_start");
        Job job = member.getJob("eo_windows").orElseThrow();
        Map<String, Long> counts = member.getHazelcastInstance().getMap("eo_counts");
        await().until(() -> job.getLastSnapshot().isPresent() && counts.size() >= 3);
        job.restart();
        int before = counts.size();
        await().until(() -> job.getStatus() == JobStatus.RUNNING && counts.size() >= before + 5);
        job.cancel();
        // every window, before and after the restart, counted each of its 100 events exactly once
        assertThat(counts.values()).containsOnly(100L);
        List<LocalDateTime> starts = counts.keySet().stream().map(LocalDateTime::parse).sorted().toList();
        for (int i = 0; i < starts.size(); i++) {
            assertThat(starts.get(i)).isEqualTo(utc(i * 100L));
        }
    }

    /** Windows of {@link #EVENTS} with COUNT and SUM per key, ordered by window start and key. */
    private static List<List<Object>> bruteForce(long size, long slide) {
        Map<Long, Map<Long, long[]>> windows = new TreeMap<>();
        for (long v = 1; v <= N; v++) {
            long ts = v * 37;
            for (long start = Math.floorDiv(ts, slide) * slide; start > ts - size; start -= slide) {
                long[] agg = windows.computeIfAbsent(start, s -> new TreeMap<>()).computeIfAbsent(v % 3, k -> new long[2]);
                agg[0]++;
                agg[1] += v;
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        windows.forEach((start, byKey) -> byKey.forEach((k, agg) ->
                rows.add(row(local(start), local(start + size), k.intValue(), agg[0], agg[1]))));
        return rows;
    }

    private static LocalDateTime local(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    private static LocalDateTime utc(long millis) {
        return local(millis);
    }

    @SuppressWarnings("unused")
    private static OffsetDateTime instant(long millis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
