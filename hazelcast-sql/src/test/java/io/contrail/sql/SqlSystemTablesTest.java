package io.contrail.sql;

import io.contrail.jet.job.Job;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The system tables system.jobs, system.snapshots and system.mappings, read with ordinary SQL. */
class SqlSystemTablesTest extends SqlJobTestSupport {

    @Test
    void jobs_hasTheColumnsOfShowJobs() {
        try (SqlResult result = sql.execute("SELECT * FROM system.jobs")) {
            assertThat(result.getRowMetadata().columns()).extracting(SqlColumnMetadata::name).containsExactly(
                    "job_id", "job_name", "job_type", "description", "statement", "user_name", "status", "running_status",
                    "created", "started", "finished", "modified", "error", "fraction_completed", "coordinator_id",
                    "last_snapshot_id", "last_snapshot_time", "items_in", "items_out");
            assertThat(result.getRowMetadata().columns()).extracting(SqlColumnMetadata::type).containsExactly(
                    SqlColumnType.BIGINT, SqlColumnType.VARCHAR, SqlColumnType.VARCHAR, SqlColumnType.VARCHAR,
                    SqlColumnType.VARCHAR, SqlColumnType.VARCHAR, SqlColumnType.VARCHAR, SqlColumnType.VARCHAR,
                    SqlColumnType.TIMESTAMP_WITH_TIME_ZONE, SqlColumnType.TIMESTAMP_WITH_TIME_ZONE,
                    SqlColumnType.TIMESTAMP_WITH_TIME_ZONE, SqlColumnType.TIMESTAMP_WITH_TIME_ZONE, SqlColumnType.VARCHAR,
                    SqlColumnType.DOUBLE, SqlColumnType.VARCHAR, SqlColumnType.BIGINT,
                    SqlColumnType.TIMESTAMP_WITH_TIME_ZONE, SqlColumnType.BIGINT, SqlColumnType.BIGINT);
        }
    }

    @Test
    void jobs_showsARunningSqlJob_withItsRecord() {
        Job job = createTicker("sys_ticker");
        await().until(() -> job.getLastSnapshot().isPresent());

        List<List<Object>> rows = rows("SELECT job_id, job_type, description, statement, user_name, status, created,"
                + " started, finished, error, fraction_completed, coordinator_id, last_snapshot_id, items_in"
                + " FROM system.jobs WHERE job_name = 'sys_ticker'");

        assertThat(rows).hasSize(1);
        List<Object> row = rows.get(0);
        assertThat(row.get(0)).isEqualTo(job.getId());
        assertThat(row.get(1)).isEqualTo("SQL STREAMING");
        assertThat((String) row.get(2)).startsWith("CREATE JOB sys_ticker OPTIONS");
        assertThat(row.get(3)).isEqualTo(row.get(2));
        assertThat(row.get(4)).isEqualTo(SqlService.EMBEDDED_USER);
        assertThat(row.get(5)).isEqualTo("RUNNING");
        assertThat(row.get(6)).isInstanceOf(OffsetDateTime.class);
        assertThat((OffsetDateTime) row.get(7)).isAfterOrEqualTo((OffsetDateTime) row.get(6));
        assertThat(row.subList(8, 11)).containsOnlyNulls();
        assertThat(row.get(11)).isEqualTo(member.getHazelcastInstance().getCluster().getLocalMember().getUuid().toString());
        assertThat((Long) row.get(12)).isGreaterThanOrEqualTo(0L);
        assertThat((Long) row.get(13)).isGreaterThanOrEqualTo(0L);
    }

    @Test
    void jobs_filteredByStatus_andReachableUnqualified() {
        createTicker("sys_running");
        assertThat(rows("SELECT job_name FROM system.jobs WHERE status = 'RUNNING'")).contains(row("sys_running"));
        assertThat(rows("SELECT job_name FROM jobs WHERE status = 'RUNNING' AND job_name LIKE 'sys%'"))
                .containsExactly(row("sys_running"));
    }

    @Test
    void aMappingNamedJobs_hidesTheBareName_butNotSystemJobs() {
        update("CREATE MAPPING jobs (k BIGINT EXTERNAL NAME __key, v VARCHAR EXTERNAL NAME this) TYPE IMap"
                + " OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'varchar')");
        member.getHazelcastInstance().getMap("jobs").put(1L, "mine");

        createTicker("sys_hidden");

        assertThat(rows("SELECT v FROM jobs")).containsExactly(row("mine"));
        assertThat(rows("SELECT job_name FROM system.jobs WHERE job_name = 'sys_hidden'")).containsExactly(row("sys_hidden"));
        assertThat(rows("SELECT job_name FROM [SHOW JOBS] WHERE job_name = 'sys_hidden'")).containsExactly(row("sys_hidden"));
    }

    @Test
    void showJobs_asATable_andAsAQuery() {
        createTicker("sys_forms");
        List<Object> expected = row("sys_forms");
        String condition = "job_name = 'sys_forms' AND status = 'RUNNING'";
        assertThat(rows("SELECT job_name FROM [SHOW JOBS] WHERE " + condition)).containsExactly(expected);
        assertThat(rows("SELECT job_name FROM [SHOW JOBS WHERE " + condition + "] AS j")).containsExactly(expected);
        assertThat(rows("WITH x AS (SHOW JOBS) SELECT job_name FROM x WHERE " + condition)).containsExactly(expected);
        assertThat(rows("SELECT job_name FROM (SHOW JOBS WHERE " + condition + ")")).containsExactly(expected);
        assertThat(rows("SELECT * FROM [SHOW JOBS] WHERE " + condition + " UNION ALL SHOW JOBS WHERE 1 = 0"))
                .extracting(r -> r.get(1)).containsExactly("sys_forms");
    }

    @Test
    void showJobs_listsRunningJobsFirst_byStartTime_thenEndedOnes_byEndTime() {
        createTicker("sys_order_a");
        createTicker("sys_order_b");
        update("CREATE MAPPING sys_batch_sink (n BIGINT EXTERNAL NAME __key, v BIGINT EXTERNAL NAME this)"
                + " TYPE IMap OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'bigint')");
        update("INSERT INTO sys_batch_sink SELECT v, v FROM TABLE(generate_series(1, 10))");

        List<List<Object>> rows = rows("SHOW JOBS");

        List<String> statuses = rows.stream().map(r -> (String) r.get(6)).toList();
        int firstEnded = statuses.indexOf("COMPLETED");
        assertThat(firstEnded).isPositive();
        assertThat(statuses.subList(0, firstEnded)).doesNotContain("COMPLETED", "FAILED");
        assertThat(statuses.subList(firstEnded, statuses.size())).containsOnly("COMPLETED", "FAILED");
        List<String> running = rows.subList(0, firstEnded).stream().map(r -> (String) r.get(1)).toList();
        assertThat(running).containsSubsequence("sys_order_a", "sys_order_b");
        List<OffsetDateTime> finished = rows.subList(firstEnded, rows.size()).stream()
                .map(r -> (OffsetDateTime) r.get(10)).toList();
        assertThat(finished).isSorted();
        assertThat(rows.subList(firstEnded, rows.size())).anySatisfy(r -> {
            assertThat(r.get(2)).isEqualTo("SQL BATCH");
            assertThat((String) r.get(4)).startsWith("INSERT INTO sys_batch_sink");
            assertThat(r.get(13)).isEqualTo(1.0);
        });
    }

    @Test
    void showJobs_where() {
        createTicker("sys_where");
        assertThat(rows("SHOW JOBS WHERE job_name = 'sys_where'")).hasSize(1)
                .allSatisfy(r -> assertThat(r.get(1)).isEqualTo("sys_where"));
        assertThat(rows("SHOW JOBS WHERE job_name = ?", "sys_where")).hasSize(1);
        assertSqlError("SHOW JOBS WHERE no_such_column = 1", SqlErrorCode.INVALID_QUERY, "no_such_column");
    }

    @Test
    void snapshots_listsExportedSnapshots() {
        Job job = createTicker("sys_snap");
        job.exportSnapshot("sys_snap_1");

        List<List<Object>> rows = rows("SELECT snapshot_name, job_id, job_name, entry_count > 0, size_bytes > 0,"
                + " exported_at IS NOT NULL FROM system.snapshots");

        assertThat(rows).containsExactly(row("sys_snap_1", job.getId(), "sys_snap", true, true, true));
        assertThat(rows("SHOW SNAPSHOTS")).extracting(r -> r.get(0)).containsExactly("sys_snap_1");
    }

    @Test
    void mappings_listsTheCatalog() {
        update("CREATE MAPPING sys_m (id BIGINT EXTERNAL NAME __key, name VARCHAR) TYPE IMap"
                + " OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')");

        assertThat(rows("SELECT mapping_name, type, columns, options, created_by IS NOT NULL, created_at IS NOT NULL"
                + " FROM system.mappings"))
                .containsExactly(row("sys_m", "IMap", "id BIGINT EXTERNAL NAME __key, name VARCHAR",
                        "'keyFormat' = 'bigint', 'valueFormat' = 'json'", true, true));
    }

    @Test
    void tables_listsMappingsThenSystemTables_andMappingsAreInSchemaPublic() {
        update("CREATE MAPPING sys_t (id BIGINT EXTERNAL NAME __key, name VARCHAR) TYPE IMap"
                + " OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')");
        member.getHazelcastInstance().getMap("sys_t").put(1L, "{\"name\": \"one\"}");

        assertThat(sql.tables()).extracting(table -> table.schema() + "." + table.name() + ":" + table.kind())
                .containsExactly("public.sys_t:MAPPING", "system.jobs:SYSTEM_TABLE", "system.mappings:SYSTEM_TABLE",
                        "system.snapshots:SYSTEM_TABLE");
        assertThat(sql.tables().get(0).columns()).containsExactly(new SqlColumnMetadata("id", SqlColumnType.BIGINT),
                new SqlColumnMetadata("name", SqlColumnType.VARCHAR));
        assertThat(rows("SELECT name FROM public.sys_t")).containsExactly(row("one"));
    }
}
