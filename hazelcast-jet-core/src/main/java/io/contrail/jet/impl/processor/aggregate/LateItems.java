package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.core.Processor;

import java.util.concurrent.TimeUnit;

/**
 * Counts dropped late items and logs about them at most once per {@link #LOG_INTERVAL_NANOS}, so
 * a stream of late data does not flood the log. Confined to the processor's thread.
 */
final class LateItems {

    static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private long dropped;
    private long droppedAtLastLog;
    private long lastLogNanos;

    long dropped() {
        return dropped;
    }

    /** Counts one dropped item, the latest with {@code timestamp}, and maybe logs. */
    void drop(Processor.Context context, String what, long timestamp, long watermark, long allowedLateness) {
        dropped++;
        long now = System.nanoTime();
        if (dropped != 1 && now - lastLogNanos < LOG_INTERVAL_NANOS) {
            return;
        }
        if (context != null && context.logger().isInfoEnabled()) {
            context.logger().info("Dropped {} late {} since the last report ({} in total): the latest had timestamp {},"
                            + " below the watermark {} minus the allowed lateness {}",
                    dropped - droppedAtLastLog, what, dropped, timestamp, watermark, allowedLateness);
        }
        lastLogNanos = now;
        droppedAtLastLog = dropped;
    }
}
