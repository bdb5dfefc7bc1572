package io.contrail.sql;

import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The story of issue 5, through SQL only: create an exactly-once job from a stream into an IMap,
 * watch it in SHOW JOBS, export a snapshot, suspend, resume, restart, drop it with a snapshot,
 * start a new job from that snapshot, and check that the sink holds every row once and that the
 * new job's source continued exactly where the old one stopped.
 */
class SqlJobStoryTest extends SqlJobTestSupport {

    private static final String QUERY = "SINK INTO story_sink SELECT v, v * 10 FROM TABLE(generate_stream(500))";

    @Test
    void createWatchSnapshotSuspendResumeRestartDropAndContinueFromTheSnapshot() {
        update("CREATE MAPPING story_sink (n BIGINT EXTERNAL NAME __key, v BIGINT EXTERNAL NAME this)"
                + " TYPE IMap OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'bigint')");
        update("CREATE JOB story OPTIONS ('processingGuarantee' = 'exactlyOnce', 'snapshotIntervalMillis' = '100') AS " + QUERY);

        // watch it in SHOW JOBS until it has a snapshot and has written rows
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("SHOW JOBS WHERE job_name = 'story' AND status = 'RUNNING'"
                + " AND last_snapshot_id IS NOT NULL AND items_out > 0").size() == 1);
        long id = (Long) rows("SELECT job_id FROM system.jobs WHERE job_name = 'story'").get(0).get(0);
        Job job = member.getJob(id).orElseThrow();

        assertThat(report("CREATE SNAPSHOT story_mid FOR JOB story")).containsExactly(id, "story", "CREATE SNAPSHOT", "DONE");
        assertThat(rows("SELECT snapshot_name, job_name FROM system.snapshots")).containsExactly(row("story_mid", "story"));

        assertThat(report("ALTER JOB story SUSPEND")).containsExactly(id, "story", "SUSPEND", "DONE");
        assertThat(rows("SHOW JOB " + id)).extracting(r -> r.get(6)).containsExactly("SUSPENDED");
        assertThat(report("PAUSE JOB " + id)).containsExactly(id, "story", "PAUSE", "SKIPPED");
        assertThat(report("RESUME JOB " + id)).containsExactly(id, "story", "RESUME", "DONE");
        assertThat(report("PAUSE JOB " + id)).containsExactly(id, "story", "PAUSE", "DONE");
        // resume with another snapshot interval; RESTART then continues from the last regular snapshot
        assertThat(report("ALTER JOB story OPTIONS ('snapshotIntervalMillis' = '50') RESUME"))
                .containsExactly(id, "story", "RESUME", "DONE");
        assertThat(job.getConfig().getSnapshotIntervalMillis()).isEqualTo(50);
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(report("ALTER JOB story RESTART")).containsExactly(id, "story", "RESTART", "DONE");
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.RUNNING
                && rows("SELECT running_status FROM system.jobs WHERE job_id = " + id).get(0).get(0) == null);

        assertThat(report("DROP JOB story WITH SNAPSHOT story_final")).containsExactly(id, "story", "DROP JOB", "DONE");
        assertThat(rows("SELECT status, error FROM system.jobs WHERE job_id = " + id)).containsExactly(row("FAILED", "Cancelled"));
        assertThat(rows("SELECT snapshot_name FROM system.snapshots ORDER BY snapshot_name"))
                .containsExactly(row("story_final"), row("story_mid"));
        Map<Long, Long> handedOver = sinkContent();
        assertContiguous(handedOver);

        update("CREATE JOB story_next OPTIONS ('processingGuarantee' = 'exactlyOnce', 'snapshotIntervalMillis' = '100',"
                + " 'initialSnapshotName' = 'story_final') AS " + QUERY);
        Job next = member.getJob("story_next").orElseThrow();
        assertThat(rows("SELECT status FROM system.jobs WHERE job_name = 'story_next'"))
                .extracting(r -> r.get(0)).isSubsetOf("STARTING", "RUNNING");
        await().atMost(Duration.ofSeconds(30)).until(() -> sinkContent().size() >= handedOver.size() + 200);
        assertThat(report("DROP JOB story_next WITH SNAPSHOT story_end"))
                .containsExactly(next.getId(), "story_next", "DROP JOB", "DONE");

        Map<Long, Long> all = sinkContent();
        assertContiguous(all);
        assertThat(all).containsAllEntriesOf(handedOver);
        // the new job continued where the old one stopped: its source emitted exactly the rows after the handover
        // (it stopped after a terminal snapshot, so all it emitted is committed)
        long emittedByNext = (Long) rows("SELECT items_in FROM system.jobs WHERE job_name = 'story_next'").get(0).get(0);
        assertThat(emittedByNext).isEqualTo(all.size() - handedOver.size());
        assertThat(report("DROP SNAPSHOT story_mid")).containsExactly(id, "story", "DROP SNAPSHOT", "DONE");
        assertThat(rows("SHOW SNAPSHOTS")).extracting(r -> r.get(0)).containsExactly("story_end", "story_final");
    }

    /** The first four columns of the statement's single report row. */
    private static List<Object> report(String statement) {
        List<List<Object>> rows = rows(statement);
        assertThat(rows).as(statement).hasSize(1);
        return rows.get(0).subList(0, 4);
    }

    private static Map<Long, Long> sinkContent() {
        Map<Long, Long> map = member.getHazelcastInstance().getMap("story_sink");
        return new HashMap<>(map);
    }

    /** Keys 0..n-1, none missing, each with value key * 10. */
    private static void assertContiguous(Map<Long, Long> content) {
        assertThat(content).isNotEmpty();
        TreeSet<Long> keys = new TreeSet<>(content.keySet());
        assertThat(keys.first()).isZero();
        assertThat(keys.last()).isEqualTo(content.size() - 1);
        content.forEach((n, v) -> assertThat(v).as("value of " + n).isEqualTo(n * 10));
    }
}
