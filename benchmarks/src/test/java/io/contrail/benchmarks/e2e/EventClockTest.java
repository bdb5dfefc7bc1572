package io.contrail.benchmarks.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventClockTest {

    private static final long W0 = 5_000_000_000L;
    private static final long T0 = 1_700_000_000_000L;
    private final EventClock clock = new EventClock(W0, T0);

    @Test
    void eventsDue_countsItemsWhoseTimeHasCome() {
        assertThat(clock.eventsDue(W0 - 1, 1000)).isZero();
        assertThat(clock.eventsDue(W0, 1000)).isEqualTo(1);
        assertThat(clock.eventsDue(W0 + 999_999L, 1000)).isEqualTo(1);
        assertThat(clock.eventsDue(W0 + 1_000_000L, 1000)).isEqualTo(2);
        assertThat(clock.eventsDue(W0 + 1_000_000_000L, 1000)).isEqualTo(1001);
    }

    @Test
    void eventsDue_doesNotOverflowAtHighRatesOverLongRuns() {
        long oneDayNanos = 86_400_000_000_000L;
        assertThat(clock.eventsDue(W0 + oneDayNanos, EventClock.MAX_RATE)).isEqualTo(86_400L * EventClock.MAX_RATE + 1);
    }

    @Test
    void scheduledTimestamp_isWhenTheItemIsDue_inMillis() {
        assertThat(clock.scheduledTimestamp(0, 1000)).isEqualTo(T0);
        assertThat(clock.scheduledTimestamp(1500, 1000)).isEqualTo(T0 + 1500);
        assertThat(clock.scheduledTimestamp(49_999_999, 50_000_000)).isEqualTo(T0 + 999);
        assertThat(clock.scheduledTimestamp(50_000_000L * 86_400, 50_000_000)).isEqualTo(T0 + 86_400_000);
    }

    @Test
    void wallTimestamp_isTheWallClockSinceTheOrigin_inMillis() {
        assertThat(clock.wallTimestamp(W0)).isEqualTo(T0);
        assertThat(clock.wallTimestamp(W0 + 2_999_999L)).isEqualTo(T0 + 2);
        assertThat(clock.wallTimestamp(W0 + 3_000_000L)).isEqualTo(T0 + 3);
    }

    @Test
    void latency_isArrivalMinusWindowEndMappedToTheWallClock() {
        long windowEnd = T0 + 1000;
        assertThat(clock.windowCloseNanos(windowEnd)).isEqualTo(W0 + 1_000_000_000L);
        assertThat(clock.latencyNanos(windowEnd, W0 + 1_005_000_000L)).isEqualTo(5_000_000L);
    }

    /**
     * The closing item of window end E is the first item stamped >= E. In both modes it becomes due
     * no earlier than close(E) and less than one inter-event gap after it, so an engine that emits
     * the result instantly shows a latency in [0, 1/rate).
     */
    @Test
    void closeTime_isWhenTheFirstItemStampedAtOrAfterTheWindowEndIsDue() {
        for (long rate : new long[] {1, 3, 1000, 999_983, 1_000_000, 50_000_000}) {
            long gapNanos = 1_000_000_000L / rate + 1;
            for (long end = T0 + 10; end <= T0 + 5000; end += 990) {
                long close = clock.windowCloseNanos(end);
                // scheduled: the first v stamped >= end, and the first moment it is due
                long v = firstStampedAtOrAfter(end, rate);
                long due = firstMomentDue(v, rate);
                assertThat(due - close).as("scheduled, rate %d, end %d", rate, end).isBetween(0L, gapNanos);
                // wall: the first moment an emission is stamped >= end
                long stampedAtEnd = close;
                assertThat(clock.wallTimestamp(stampedAtEnd)).isEqualTo(end);
                assertThat(clock.wallTimestamp(stampedAtEnd - 1)).isEqualTo(end - 1);
            }
        }
    }

    private long firstStampedAtOrAfter(long end, long rate) {
        long lo = 0;
        long hi = rate * 10;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (clock.scheduledTimestamp(mid, rate) >= end) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private long firstMomentDue(long v, long rate) {
        long lo = W0;
        long hi = W0 + 10_000_000_000L;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (clock.eventsDue(mid, rate) > v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
