package io.contrail.jet.impl.job;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobAlreadyExistsException;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobFailedException;
import io.contrail.jet.job.JobMetrics;
import io.contrail.jet.job.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import static io.contrail.jet.TestProcessors.collectingSink;
import static io.contrail.jet.TestProcessors.endlessSource;
import static io.contrail.jet.TestProcessors.failingOn;
import static io.contrail.jet.TestProcessors.nonCooperativeSink;
import static io.contrail.jet.TestProcessors.rangeSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class Job_IntegrationTest {

    private static ContrailInstance member;

    @BeforeAll
    static void start() {
        member = Contrail.newMember(new ContrailConfig().setClusterName("jobs-" + UUID.randomUUID()).setCooperativeThreadCount(2));
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    @Test
    void batchJob_completes_withTimesRecordAndMetrics() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", rangeSource(10_000, k -> k)).localParallelism(2);
        Vertex sink = dag.newVertex("sink", collectingSink("batch-job")).localParallelism(2);
        dag.edge(Edge.between(source, sink));

        Job job = member.newJob(dag, new JobConfig().setName("batch-job"));
        job.join();

        assertThat(job.getStatus()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.getFailureCause()).isEmpty();
        assertThat(job.getCompletionTime()).isGreaterThanOrEqualTo(job.getSubmissionTime());
        JobMetrics metrics = job.getMetrics();
        assertThat(metrics.vertex("source").orElseThrow().itemsOut()).isEqualTo(10_000);
        assertThat(metrics.vertex("sink").orElseThrow().itemsIn()).isEqualTo(10_000);

        JobRecord record = (JobRecord) member.getHazelcastInstance().getMap(JobRepository.JOB_RECORDS_MAP).get(job.getId());
        assertThat(record.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(record.transitions()).extracting(JobRecord.Transition::status).containsExactly(
                JobStatus.NOT_RUNNING, JobStatus.STARTING, JobStatus.RUNNING, JobStatus.COMPLETING, JobStatus.COMPLETED);
    }

    @Test
    void cancel_stopsStreamingJobQuickly_andLeavesNoThreads() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", endlessSource()).localParallelism(2);
        Vertex blocking = dag.newVertex("blocking", nonCooperativeSink(item -> { })).localParallelism(2);
        dag.edge(Edge.between(source, blocking));
        Job job = member.newJob(dag, new JobConfig().setName("to-cancel"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> job.getStatus() == JobStatus.RUNNING);
        assertThat(blockingThreads()).isEqualTo(2);

        long start = System.nanoTime();
        job.cancel();
        assertThatThrownBy(job::join).isInstanceOf(CancellationException.class);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.getFailureCause()).containsInstanceOf(CancellationException.class);
        await().atMost(5, TimeUnit.SECONDS).until(() -> blockingThreads() == 0);
        assertThatThrownBy(job::cancel).isInstanceOf(IllegalStateException.class).hasMessageContaining("already FAILED");
    }

    @Test
    void processorException_failsJobWithItsCause() {
        DAG dag = new DAG();
        Vertex source = dag.newVertex("source", rangeSource(100, k -> k)).localParallelism(1);
        Vertex failing = dag.newVertex("failing", failingOn(42, "boom at 42")).localParallelism(1);
        dag.edge(Edge.between(source, failing));

        Job job = member.newJob(dag);

        assertThatThrownBy(job::join)
                .isInstanceOf(JobFailedException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("boom at 42");
        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.getFailureCause()).get().extracting(Throwable::getMessage).isEqualTo("boom at 42");
    }

    @Test
    void processorInitFailure_failsJob() {
        DAG dag = new DAG();
        dag.newVertex("bad-init", () -> new AbstractProcessor() {
            @Override
            protected void init(Context context) {
                throw new IllegalArgumentException("cannot connect");
            }
        });
        Job job = member.newJob(dag);
        assertThatThrownBy(job::join).isInstanceOf(JobFailedException.class).hasMessageContaining("cannot connect");
    }

    @Test
    void duplicateName_isRejectedWhileActive_andFreeAfterwards() {
        DAG dag = new DAG();
        dag.newVertex("source", endlessSource()).localParallelism(1);
        Job first = member.newJob(dag, new JobConfig().setName("unique-name"));

        assertThatThrownBy(() -> member.newJob(dag, new JobConfig().setName("unique-name")))
                .isInstanceOf(JobAlreadyExistsException.class)
                .hasMessageContaining("Another active job is named 'unique-name'");

        first.cancel();
        assertThatThrownBy(first::join).isInstanceOf(CancellationException.class);
        Job second = member.newJob(dag, new JobConfig().setName("unique-name"));
        assertThat(member.getJob("unique-name")).get().extracting(Job::getId).isEqualTo(second.getId());
        second.cancel();
    }

    @Test
    void jobIds_areUniqueAndIncreasing() {
        DAG dag = new DAG();
        dag.newVertex("source", rangeSource(1, k -> k));
        List<Long> ids = java.util.stream.IntStream.range(0, 5).mapToObj(i -> member.newJob(dag).getId()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void invalidDag_isRejectedAtSubmission() {
        DAG dag = new DAG();
        Vertex a = dag.newVertex("a", rangeSource(1, k -> k));
        dag.edge(Edge.between(a, a));
        assertThatThrownBy(() -> member.newJob(dag)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("self-loop");
    }

    private static long blockingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().endsWith("-blocking") && t.isAlive()).count();
    }
}
