package io.contrail.jet.core;

import java.io.Serializable;

/**
 * An in-band event-time marker: after it, no item of the same stream has an event time below
 * {@code timestamp} (later ones are "late"). Watermarks flow through the same queues as items; a
 * processor sees the minimum over all its inputs.
 *
 * @param timestamp event time in milliseconds; {@link #IDLE_TIMESTAMP} marks an idle input that
 *                  should not hold back the minimum until it sends a real watermark
 */
public record Watermark(long timestamp) implements Serializable {

    /** The timestamp of the idle marker. */
    public static final long IDLE_TIMESTAMP = Long.MAX_VALUE;

    /** Sent by a source that will emit nothing for a while, so it does not stall event time. */
    public static final Watermark IDLE = new Watermark(IDLE_TIMESTAMP);

    /** Whether this is the idle marker. */
    public boolean isIdle() {
        return timestamp == IDLE_TIMESTAMP;
    }
}
