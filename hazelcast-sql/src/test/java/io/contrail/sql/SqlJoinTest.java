package io.contrail.sql;

import com.hazelcast.map.IMap;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Joins end to end on a real member: lookup joins to an IMap, hash joins, outer joins, NULL keys, streams. */
class SqlJoinTest extends SqlTestSupport {

    /** orders: id -> (customer, amount); customer 7 does not exist, order 9 has no customer. */
    private static final Map<Long, String> ORDERS = Map.of(
            1L, "{\"customer\": 1, \"amount\": 10}",
            2L, "{\"customer\": 1, \"amount\": 25}",
            3L, "{\"customer\": 2, \"amount\": 5}",
            4L, "{\"customer\": 7, \"amount\": 99}",
            9L, "{\"amount\": 1}");
    /** customers: id -> name; customer 3 has no orders. */
    private static final Map<Long, String> CUSTOMERS = Map.of(1L, "Ann", 2L, "Bob", 3L, "Cid");

    @BeforeEach
    void createMaps() {
        IMap<Long, String> orders = member.getHazelcastInstance().getMap("orders");
        orders.clear();
        orders.putAll(ORDERS);
        IMap<Long, String> customers = member.getHazelcastInstance().getMap("customers");
        customers.clear();
        customers.putAll(CUSTOMERS);
        update("CREATE MAPPING orders (id BIGINT EXTERNAL NAME __key, customer BIGINT, amount BIGINT) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')");
        update("CREATE MAPPING customers (id BIGINT EXTERNAL NAME __key, name VARCHAR EXTERNAL NAME this) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'varchar')");
    }

    @Test
    void lookupJoin_inner_matchesBruteForce() {
        assertThat(rows("SELECT o.id, o.amount, c.name FROM orders o JOIN customers c ON o.customer = c.id"))
                .containsExactlyInAnyOrderElementsOf(bruteForce(false));
    }

    @Test
    void lookupJoin_left_padsMissingAndNullKeys() {
        assertThat(rows("SELECT o.id, o.amount, c.name FROM orders o LEFT JOIN customers c ON o.customer = c.id"))
                .containsExactlyInAnyOrderElementsOf(bruteForce(true));
    }

    @Test
    void lookupJoin_isChosen_noScanOfTheLookedUpMap() {
        List<String> plan = explain("SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer = c.id");
        assertThat(plan).contains("  vertex lookup-join-customers (local parallelism 2)",
                "  edge scan-orders -> lookup-join-customers: unicast");
        assertThat(plan).noneMatch(line -> line.contains("scan-customers"));
    }

    @Test
    void lookupJoin_generateSeries_withFilterAndProjectionOnTheMap() {
        assertThat(rows("SELECT s.v, c.n FROM TABLE(generate_series(0, 4)) s "
                + "JOIN (SELECT id, UPPER(name) AS n FROM customers WHERE name <> 'Bob') c ON s.v = c.id"))
                .containsExactlyInAnyOrder(row(1L, "ANN"), row(3L, "CID"));
        assertThat(rows("SELECT s.v, c.name FROM TABLE(generate_series(0, 3)) s "
                + "LEFT JOIN customers c ON s.v = c.id AND c.name <> 'Bob'"))
                .containsExactlyInAnyOrder(row(0L, null), row(1L, "Ann"), row(2L, null), row(3L, "Cid"));
    }

    @Test
    void lookupJoin_extraNonEquiCondition() {
        assertThat(rows("SELECT o.id, c.name FROM orders o JOIN customers c "
                + "ON o.customer = c.id AND o.amount > CHAR_LENGTH(c.name) * 3"))
                .containsExactlyInAnyOrder(row(1L, "Ann"), row(2L, "Ann"));
    }

    @Test
    void lookupJoin_stream_withLimit() {
        List<List<Object>> rows = rows("SELECT s.v, c.name FROM TABLE(generate_stream(100)) s "
                + "JOIN customers c ON s.v = c.id LIMIT 3");
        assertThat(rows).containsExactlyInAnyOrder(row(1L, "Ann"), row(2L, "Bob"), row(3L, "Cid"));
    }

    @Test
    void lookupJoin_stream_limitStopsTheJob() {
        IMap<Long, String> m = member.getHazelcastInstance().getMap("m");
        for (long i = 0; i < 10; i++) {
            m.put(i, "v" + i);
        }
        update("CREATE MAPPING m (id BIGINT EXTERNAL NAME __key, name VARCHAR EXTERNAL NAME this) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'varchar')");
        List<List<Object>> rows = rows("SELECT s.v, m.name FROM TABLE(generate_stream(100)) s JOIN m ON s.v = m.id LIMIT 5");
        assertThat(rows).hasSize(5).allSatisfy(r -> assertThat(r.get(1)).isEqualTo("v" + r.get(0)));
    }

    @Test
    void hashJoin_inner_matchesBruteForce() {
        // customers on the left: the right side (orders) is not looked up by its key
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : bruteForce(false)) {
            expected.add(row(r.get(2), r.get(0)));
        }
        assertThat(rows("SELECT c.name, o.id FROM customers c JOIN orders o ON c.id = o.customer"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(explain("SELECT c.name, o.id FROM customers c JOIN orders o ON c.id = o.customer"))
                .anyMatch(line -> line.matches("  edge scan-\\w+ -> hash-join: broadcast, priority -1"))
                .anyMatch(line -> line.matches("  edge scan-\\w+ -> hash-join \\(input 1\\): unicast"));
    }

    @Test
    void hashJoin_rightAndFull() {
        assertThat(rows("SELECT c.name, o.id FROM orders o RIGHT JOIN customers c ON c.id = o.customer"))
                .containsExactlyInAnyOrder(row("Ann", 1L), row("Ann", 2L), row("Bob", 3L), row("Cid", null));
        assertThat(rows("SELECT c.name, o.id FROM customers c FULL JOIN orders o ON c.id = o.customer"))
                .containsExactlyInAnyOrder(row("Ann", 1L), row("Ann", 2L), row("Bob", 3L), row("Cid", null),
                        row(null, 4L), row(null, 9L));
    }

    @Test
    void hashJoin_left_nullKeysNeverMatch() {
        assertThat(rows("SELECT a.k, b.k FROM (VALUES (1), (CAST(NULL AS INT)), (2)) a(k) "
                + "LEFT JOIN (VALUES (1), (CAST(NULL AS INT))) b(k) ON a.k = b.k"))
                .containsExactlyInAnyOrder(row(1, 1), row(null, null), row(2, null));
    }

    @Test
    void hashJoin_nonEquiAndMultipleKeysAndTypesThatDiffer() {
        assertThat(rows("SELECT a.v, b.w FROM TABLE(generate_series(1, 6)) a "
                + "JOIN (VALUES (1, 2), (2, 4), (3, 4)) b(w, x) ON a.v = b.w * 2 AND MOD(a.v, 4) = MOD(b.x, 4) "
                + "AND a.v > b.w"))
                .containsExactlyInAnyOrder(row(2L, 1), row(4L, 2));
    }

    @Test
    void nestedLoopJoin_crossAndTheta() {
        assertThat(rows("SELECT a.v, b.v FROM TABLE(generate_series(1, 3)) a, TABLE(generate_series(1, 3)) b "
                + "WHERE a.v < b.v"))
                .containsExactlyInAnyOrder(row(1L, 2L), row(1L, 3L), row(2L, 3L));
        assertThat(rows("SELECT COUNT(*) FROM TABLE(generate_series(1, 20)) a CROSS JOIN TABLE(generate_series(1, 30)) b"))
                .containsExactly(row(600L));
    }

    @Test
    void hashJoin_streamProbesTable() {
        assertThat(rows("SELECT s.v, t.w FROM TABLE(generate_stream(100)) s "
                + "JOIN (VALUES (1, CAST('one' AS VARCHAR)), (3, 'three')) t(k, w) ON s.v = t.k LIMIT 2"))
                .containsExactlyInAnyOrder(row(1L, "one"), row(3L, "three"));
    }

    @Test
    void createJob_streamJoinedToTableAndIMap_withSnapshots() {
        update("CREATE MAPPING labels (n BIGINT EXTERNAL NAME __key, label VARCHAR EXTERNAL NAME this) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'varchar')");
        update("CREATE JOB joiner OPTIONS ('processingGuarantee' = 'exactlyOnce', 'snapshotIntervalMillis' = '50') AS "
                + "SINK INTO labels SELECT s.v, t.w || '-' || COALESCE(c.name, '?') "
                + "FROM TABLE(generate_stream(200)) s "
                + "JOIN (VALUES (0, CAST('zero' AS VARCHAR)), (1, 'one')) t(k, w) ON MOD(s.v, 3) = t.k "
                + "LEFT JOIN customers c ON MOD(s.v, 4) = c.id");
        Job job = member.getJob("joiner").orElseThrow();
        Map<Long, String> out = member.getHazelcastInstance().getMap("labels");
        await().until(() -> out.size() >= 20);
        job.cancel();
        await().until(() -> job.getStatus() == JobStatus.FAILED);
        assertThat(out).allSatisfy((n, label) -> assertThat(label).isEqualTo(
                (n % 3 == 0 ? "zero" : "one") + "-" + CUSTOMERS.getOrDefault(n % 4, "?")));
        assertThat(out.keySet()).allSatisfy(n -> assertThat(n % 3).isNotEqualTo(2L));
    }

    @Test
    void unboundedOnBothSides_isClearError() {
        assertStreamingError("SELECT * FROM TABLE(generate_stream(1)) a JOIN TABLE(generate_stream(1)) b ON a.v = b.v",
                "one side of a join must be bounded");
    }

    @Test
    void outerJoinThatWouldWaitForTheStreamsEnd_isClearError() {
        assertStreamingError("SELECT * FROM TABLE(generate_stream(1)) a FULL JOIN TABLE(generate_series(1, 2)) b "
                + "ON a.v = b.v", "never ends");
        assertStreamingError("SELECT * FROM TABLE(generate_series(1, 2)) a LEFT JOIN TABLE(generate_stream(1)) b "
                + "ON a.v = b.v", "never ends");
    }

    private static void assertStreamingError(String query, String message) {
        assertThatThrownBy(() -> rows(query))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode())
                        .isEqualTo(SqlErrorCode.INVALID_STREAMING_QUERY));
    }

    /** (order id, amount, customer name) of every order, by brute force; {@code left}: keep orders without a customer. */
    private static List<List<Object>> bruteForce(boolean left) {
        List<List<Object>> rows = new ArrayList<>();
        Map<Long, Long> customerOf = Map.of(1L, 1L, 2L, 1L, 3L, 2L, 4L, 7L);
        Map<Long, Long> amountOf = Map.of(1L, 10L, 2L, 25L, 3L, 5L, 4L, 99L, 9L, 1L);
        for (long order : ORDERS.keySet()) {
            String name = customerOf.containsKey(order) ? CUSTOMERS.get(customerOf.get(order)) : null;
            if (name != null || left) {
                rows.add(row(order, amountOf.get(order), name));
            }
        }
        return rows;
    }

    private static List<String> explain(String query) {
        List<String> lines = new ArrayList<>();
        for (List<Object> r : rows("EXPLAIN PLAN FOR " + query)) {
            lines.add((String) r.get(0));
        }
        return lines;
    }
}
