package io.contrail.sql;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog is the cluster's: a mapping created on one member is seen, and dropped, on the other. */
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
}
