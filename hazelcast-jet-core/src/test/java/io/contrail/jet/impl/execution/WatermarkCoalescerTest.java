package io.contrail.jet.impl.execution;

import io.contrail.jet.core.Watermark;
import org.junit.jupiter.api.Test;

import static io.contrail.jet.impl.execution.WatermarkCoalescer.NO_NEW_WM;
import static org.assertj.core.api.Assertions.assertThat;

class WatermarkCoalescerTest {

    @Test
    void coalescedWatermark_isTheMinimumOverQueues() {
        WatermarkCoalescer coalescer = new WatermarkCoalescer(2, -1, 0);

        assertThat(coalescer.observeWm(0, 10, 0)).isEqualTo(NO_NEW_WM);
        assertThat(coalescer.observeWm(1, 5, 0)).isEqualTo(5);
        assertThat(coalescer.observeWm(1, 20, 0)).isEqualTo(10);
        assertThat(coalescer.observeWm(0, 15, 0)).isEqualTo(15);
    }

    @Test
    void watermark_neverGoesBack() {
        WatermarkCoalescer coalescer = new WatermarkCoalescer(1, -1, 0);
        assertThat(coalescer.observeWm(0, 10, 0)).isEqualTo(10);
        assertThat(coalescer.observeWm(0, 7, 0)).isEqualTo(NO_NEW_WM);
    }

    @Test
    void doneQueue_stopsHoldingBack() {
        WatermarkCoalescer coalescer = new WatermarkCoalescer(2, -1, 0);
        coalescer.observeWm(0, 100, 0);
        coalescer.observeWm(1, 3, 0);
        assertThat(coalescer.queueDone(1, 0)).isEqualTo(100);
    }

    @Test
    void idleMarker_excludesQueue_andAllIdleForwardsIdleOnce() {
        WatermarkCoalescer coalescer = new WatermarkCoalescer(2, -1, 0);
        coalescer.observeWm(0, 50, 0);
        assertThat(coalescer.observeWm(1, Watermark.IDLE_TIMESTAMP, 0)).isEqualTo(50);
        assertThat(coalescer.observeWm(0, Watermark.IDLE_TIMESTAMP, 0)).isEqualTo(Watermark.IDLE_TIMESTAMP);
        assertThat(coalescer.observeWm(0, Watermark.IDLE_TIMESTAMP, 0)).isEqualTo(NO_NEW_WM);
        // waking up re-announces the watermark, so downstream stops treating us as idle
        assertThat(coalescer.observeWm(0, 50, 0)).isEqualTo(50);
        assertThat(coalescer.observeWm(1, 60, 0)).isEqualTo(NO_NEW_WM);
        assertThat(coalescer.observeWm(0, 70, 0)).isEqualTo(60);
    }

    @Test
    void idleTimeout_excludesSilentQueue() {
        long timeout = 1_000;
        WatermarkCoalescer coalescer = new WatermarkCoalescer(2, timeout, 0);
        coalescer.observeWm(0, 40, 0);
        assertThat(coalescer.checkIdleTimeout(500)).isEqualTo(NO_NEW_WM);
        coalescer.observeWm(0, 90, 900);
        // queue 1 has said nothing since time 0
        assertThat(coalescer.checkIdleTimeout(1_500)).isEqualTo(90);
        // it speaks again and holds back from now on
        coalescer.observeActivity(1, 1_600);
        coalescer.observeWm(1, 95, 1_600);
        assertThat(coalescer.observeWm(0, 200, 1_700)).isEqualTo(95);
    }

    @Test
    void disabledTimeout_neverExcludes() {
        WatermarkCoalescer coalescer = new WatermarkCoalescer(2, -1, 0);
        coalescer.observeWm(0, 40, 0);
        assertThat(coalescer.checkIdleTimeout(Long.MAX_VALUE / 2)).isEqualTo(NO_NEW_WM);
    }
}
