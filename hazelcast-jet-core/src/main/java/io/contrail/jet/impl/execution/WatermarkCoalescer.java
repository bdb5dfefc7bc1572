package io.contrail.jet.impl.execution;

import io.contrail.jet.core.Watermark;

import java.util.Arrays;

/**
 * Coalesces the watermarks of a processor's input queues into one: the minimum over the queues
 * that still hold back event time. A queue stops holding it back when it is done, when it sent
 * {@link Watermark#IDLE}, or when it delivered nothing for the idle timeout; it holds it back
 * again from its next watermark or item. When every open queue is idle, the coalescer reports
 * the idle marker once so that downstream processors stop waiting too.
 *
 * <p>Threading: confined to the processor's tasklet thread.
 */
final class WatermarkCoalescer {

    /** Returned when the coalesced watermark did not advance. */
    static final long NO_NEW_WM = Long.MIN_VALUE;

    private final long[] queueWms;
    private final boolean[] idle;
    private final boolean[] done;
    private final long[] lastActivityNanos;
    private final long idleTimeoutNanos;
    private long lastEmittedWm = Long.MIN_VALUE;
    private boolean idleEmitted;

    /**
     * @param queueCount       the processor's input queues over all ordinals
     * @param idleTimeoutNanos after how long without input a queue counts as idle; negative: never
     * @param nowNanos         the current {@link System#nanoTime()}
     */
    WatermarkCoalescer(int queueCount, long idleTimeoutNanos, long nowNanos) {
        this.queueWms = new long[queueCount];
        this.idle = new boolean[queueCount];
        this.done = new boolean[queueCount];
        this.lastActivityNanos = new long[queueCount];
        this.idleTimeoutNanos = idleTimeoutNanos;
        Arrays.fill(queueWms, Long.MIN_VALUE);
        Arrays.fill(lastActivityNanos, nowNanos);
    }

    /** Records a watermark from {@code queue}; returns the new coalesced watermark or {@link #NO_NEW_WM}. */
    long observeWm(int queue, long timestamp, long nowNanos) {
        lastActivityNanos[queue] = nowNanos;
        if (timestamp == Watermark.IDLE_TIMESTAMP) {
            idle[queue] = true;
        } else {
            idle[queue] = false;
            if (timestamp > queueWms[queue]) {
                queueWms[queue] = timestamp;
            }
        }
        return coalesce(nowNanos);
    }

    /** Records that {@code queue} delivered items, so it is not idle. */
    void observeActivity(int queue, long nowNanos) {
        lastActivityNanos[queue] = nowNanos;
        idle[queue] = false;
    }

    /** Records that {@code queue} will deliver nothing more. */
    long queueDone(int queue, long nowNanos) {
        done[queue] = true;
        return coalesce(nowNanos);
    }

    /** Re-evaluates idleness by the timeout; a no-op when the timeout is off. */
    long checkIdleTimeout(long nowNanos) {
        return idleTimeoutNanos < 0 ? NO_NEW_WM : coalesce(nowNanos);
    }

    /** The last watermark reported, or {@code Long.MIN_VALUE}. */
    long lastEmittedWm() {
        return lastEmittedWm;
    }

    private long coalesce(long nowNanos) {
        long min = Long.MAX_VALUE;
        boolean anyOpen = false;
        boolean anyActive = false;
        for (int i = 0; i < queueWms.length; i++) {
            if (done[i]) {
                continue;
            }
            anyOpen = true;
            if (idle[i] || (idleTimeoutNanos >= 0 && nowNanos - lastActivityNanos[i] > idleTimeoutNanos)) {
                continue;
            }
            anyActive = true;
            min = Math.min(min, queueWms[i]);
        }
        if (!anyOpen) {
            return NO_NEW_WM;
        }
        if (!anyActive) {
            if (idleEmitted) {
                return NO_NEW_WM;
            }
            idleEmitted = true;
            return Watermark.IDLE_TIMESTAMP;
        }
        if (min > lastEmittedWm || idleEmitted) {
            // After the idle marker, even an unchanged watermark must go out: it tells downstream
            // coalescers that this input holds back event time again.
            lastEmittedWm = Math.max(min, lastEmittedWm);
            idleEmitted = false;
            return lastEmittedWm;
        }
        return NO_NEW_WM;
    }
}
