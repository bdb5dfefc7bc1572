package io.contrail.jet.job;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobSummaryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static JobSummary summary(long id, JobStatus status, Integer startedSecond, Integer finishedSecond) {
        Instant started = startedSecond == null ? null : T0.plusSeconds(startedSecond);
        Instant finished = finishedSecond == null ? null : T0.plusSeconds(finishedSecond);
        Instant modified = finished != null ? finished : started != null ? started : T0;
        return new JobSummary(id, "job-" + id, JobKind.API, null, null, null, status, null, T0.plusMillis(id), started,
                finished, modified, null, "member", null, 0, 0, null);
    }

    @Test
    void showJobsOrder_runningByStartTime_thenEndedByEndTime() {
        JobSummary runningLate = summary(1, JobStatus.RUNNING, 50, null);
        JobSummary runningEarly = summary(2, JobStatus.SUSPENDED, 10, null);
        JobSummary notStarted = summary(3, JobStatus.NOT_RUNNING, null, null);
        JobSummary endedLate = summary(4, JobStatus.FAILED, 1, 90);
        JobSummary endedEarly = summary(5, JobStatus.COMPLETED, 60, 70);
        List<JobSummary> all = new ArrayList<>(List.of(endedLate, notStarted, runningLate, endedEarly, runningEarly));

        all.sort(JobSummary.SHOW_JOBS_ORDER);

        assertThat(all).containsExactly(runningEarly, runningLate, notStarted, endedEarly, endedLate);
    }

    @Test
    void endedJob_withoutFinishTime_isRejected() {
        assertThatThrownBy(() -> summary(1, JobStatus.COMPLETED, 1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A COMPLETED job must have a finish time");
    }
}
