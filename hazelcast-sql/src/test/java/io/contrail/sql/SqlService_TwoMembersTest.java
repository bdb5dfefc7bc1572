package io.contrail.sql;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two members: the catalog is the cluster's (a mapping created on one member is seen, and
 * dropped, on the other); a job is listed on every member, but only the member coordinating it
 * can control it, and the others say so, naming that member.
 */
class SqlService_TwoMembersTest {

    private static ContrailInstance first;
    private static ContrailInstance second;

    @BeforeAll
    static void startMembers() {
        String cluster = "sql-two-" + UUID.randomUUID();
        first = Contrail.newMember(new ContrailConfig().setClusterName(cluster).setCooperativeThreadCount(1));
        second = Contrail.newMember(new ContrailConfig().setClusterName(cluster).setCooperativeThreadCount(1));
        assertThat(first.getHazelcastInstance().getCluster().getMembers()).hasSize(2);
    }

    @AfterAll
    static void stopMembers() {
        second.shutdown();
        first.shutdown();
    }

    private static List<String> names(SqlService sql) {
        List<String> names = new ArrayList<>();
        try (SqlResult result = sql.execute("SHOW MAPPINGS")) {
            result.forEach(row -> names.add((String) row.getObject("name")));
        }
        return names;
    }

    @Test
    void mappingCreatedOnOneMember_isSeenOnTheOther() {
        SqlService sql1 = SqlService.of(first);
        SqlService sql2 = SqlService.of(second);
        sql1.execute("CREATE MAPPING m (a VARCHAR EXTERNAL NAME this) TYPE IMap OPTIONS ('keyFormat' = 'int', 'valueFormat' = 'varchar')");
        assertThat(names(sql2)).containsExactly("m");
        assertThatThrownBy(() -> sql2.execute("CREATE MAPPING m (b INT EXTERNAL NAME __key) TYPE IMap "
                + "OPTIONS ('keyFormat' = 'int', 'valueFormat' = 'varchar')"))
                .isInstanceOf(SqlException.class)
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.MAPPING_ALREADY_EXISTS));
        sql2.execute("DROP MAPPING m");
        assertThat(names(sql1)).isEmpty();
    }

    @Test
    void queryOnEitherMember_readsTheWholeMap() {
        Map<Long, Long> map = first.getHazelcastInstance().getMap("numbers");
        for (long i = 0; i < 1000; i++) {
            map.put(i, i * 2);
        }
        SqlService.of(first).execute("CREATE MAPPING numbers (k BIGINT EXTERNAL NAME __key, v BIGINT EXTERNAL NAME this)"
                + " TYPE IMap OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'bigint')");
        for (ContrailInstance member : List.of(first, second)) {
            try (SqlResult result = SqlService.of(member).execute("SELECT COUNT(*), SUM(v) FROM numbers")) {
                assertThat(result.iterator().next().values()).containsExactly(1000L, 999_000L);
            }
        }
        SqlService.of(second).execute("DROP MAPPING numbers");
    }

    private static List<List<Object>> rows(SqlService sql, String statement) {
        List<List<Object>> rows = new ArrayList<>();
        try (SqlResult result = sql.execute(statement)) {
            result.forEach(row -> rows.add(row.values()));
        }
        return rows;
    }

    @Test
    void aJobOfAnotherMember_isListed_andControlledThroughItsCoordinator() {
        SqlService sql1 = SqlService.of(first);
        SqlService sql2 = SqlService.of(second);
        sql1.execute("CREATE MAPPING two_sink (n BIGINT EXTERNAL NAME __key, v BIGINT EXTERNAL NAME this) TYPE IMap"
                + " OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'bigint')").close();
        // the job outlives its mapping: the other test sees no mapping
        sql1.execute("CREATE JOB two AS SINK INTO two_sink SELECT v, v FROM TABLE(generate_stream(10))").close();
        sql1.execute("DROP MAPPING two_sink").close();
        Job job = first.getJob("two").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.RUNNING);
        String coordinator = first.getHazelcastInstance().getCluster().getLocalMember().getUuid().toString();

        assertThat(rows(sql2, "SELECT job_id, status, coordinator_id FROM system.jobs WHERE job_name = 'two'"))
                .containsExactly(List.of(job.getId(), "RUNNING", coordinator));
        assertThat(rows(sql2, "PAUSE JOB " + job.getId())).extracting(r -> r.get(3)).containsExactly("DONE");
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.SUSPENDED);
        assertThat(rows(sql2, "RESUME JOBS (SELECT job_id FROM system.jobs WHERE job_name = 'two')"))
                .extracting(r -> r.get(3)).containsExactly("DONE");
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.RUNNING);

        assertThat(rows(sql2, "DROP JOB two")).extracting(r -> r.get(3)).containsExactly("DONE");
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.FAILED);
        assertThat(rows(sql2, "SELECT status FROM system.jobs WHERE job_name = 'two'")).containsExactly(List.of("FAILED"));
    }

}
