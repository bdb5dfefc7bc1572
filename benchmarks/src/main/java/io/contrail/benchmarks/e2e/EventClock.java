package io.contrail.benchmarks.e2e;

/**
 * The source's schedule and the mapping from event time to the wall clock, shared by the source
 * (to stamp events) and the sink (to compute latency) of one run, so both use one formula.
 *
 * <h2>Definitions</h2>
 * A clock has an origin taken once, when the source starts emitting: {@code W0}, a
 * {@link System#nanoTime()} reading, and {@code T0}, the {@link System#currentTimeMillis()}
 * reading of the same moment, which is where event time starts. With {@code R} events per
 * second (the rate asked, or the full-speed rate), item {@code v} (the {@code v}-th event of the
 * run, counted over all source processors) is
 * <ul>
 *   <li><b>due</b> at wall time {@code W(v) = W0 + v / R}: the source never emits an item before
 *       it is due ({@link #eventsDue});</li>
 *   <li>stamped, in {@link EventTimeMode#SCHEDULED scheduled} mode, with
 *       {@code T(v) = T0 + floor((v / R) in ms)} ({@link #scheduledTimestamp}): what it would
 *       carry if emitted exactly when due;</li>
 *   <li>stamped, in {@link EventTimeMode#WALL wall} mode, with
 *       {@code T = T0 + floor((now - W0) in ms)}, {@code now} being the moment of emission
 *       ({@link #wallTimestamp}).</li>
 * </ul>
 *
 * <h2>Latency</h2>
 * A window {@code [E - size, E)} can close once the source has emitted an item with event time
 * {@code >= E}: with a watermark lag of 0 the watermark then reaches {@code E}. In both modes
 * the first such item is due at the same wall-clock moment, the window's <em>close time</em>
 * <pre>
 *     close(E) = W0 + (E - T0)                                  ({@link #windowCloseNanos})
 * </pre>
 * (scheduled: the first {@code v} with {@code T(v) >= E} has {@code v / R >= E - T0}; wall: the
 * stamp reaches {@code E} when {@code now - W0 >= E - T0}; both within one inter-event gap,
 * {@code 1 / R}). The latency of a window result is
 * <pre>
 *     latency = arrival at the sink - close(E)                  ({@link #latencyNanos})
 * </pre>
 * so it counts every delay between "the data to close this window was due" and "the result is
 * in the sink": the source's own lag behind its schedule, watermark emission and throttling,
 * queues, the aggregation and the emission of the window's results (the last key of a window
 * counts as much as the first).
 *
 * <p>Caveat, scheduled mode at full speed: when the source cannot keep up with {@code R}, items
 * are emitted later and later after they are due, so the latency grows without bound and
 * measures the backlog, not the engine. Read scheduled-mode latency only at a rate the engine
 * sustains; wall mode keeps event time on the wall clock at any rate.
 *
 * <p>All times are on the {@link System#nanoTime()} scale except the event times (epoch
 * milliseconds, as the engines window in milliseconds). Immutable and thread-safe.
 *
 * @param originNanos           {@code W0}, a {@code System.nanoTime()} reading
 * @param eventTimeOriginMillis {@code T0}, epoch milliseconds of the same moment
 */
public record EventClock(long originNanos, long eventTimeOriginMillis) {

    /** The highest rate the integer arithmetic below supports without overflow. */
    public static final long MAX_RATE = 1_000_000_000L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** How precisely {@link #startingNow()} must know when the millisecond ticked. */
    static final long MAX_TICK_UNCERTAINTY_NANOS = 5_000;

    /**
     * A clock whose origin is a tick of {@link System#currentTimeMillis()}, with the matching
     * {@link System#nanoTime()} pinned to within {@value #MAX_TICK_UNCERTAINTY_NANOS} ns: the two
     * clocks then agree to within microseconds, so an engine that stamps event time from either
     * maps back to the same wall-clock moment. A tick whose moment is known less precisely (the
     * thread was descheduled around it) is skipped for the next one.
     */
    public static EventClock startingNow() {
        long last = System.currentTimeMillis();
        long lastReadNanos = System.nanoTime();
        while (true) {
            long millis = System.currentTimeMillis();
            long nanos = System.nanoTime();
            if (millis != last) {
                // the tick came after the previous read and before this one
                if (nanos - lastReadNanos <= MAX_TICK_UNCERTAINTY_NANOS) {
                    return new EventClock(nanos, millis);
                }
                last = millis;
            }
            lastReadNanos = nanos;
            Thread.onSpinWait();
        }
    }

    /**
     * How many items are due at {@code nowNanos} at {@code rate} per second: items
     * {@code 0 .. eventsDue - 1} have {@code W(v) <= now} (item 0 is due at the origin). The
     * source emits item {@code v} only when {@code v < eventsDue(now, rate)}. (Jet's
     * {@code longStream} emits each item one inter-event gap later; at the rates measured that is
     * a microsecond or less.)
     */
    public long eventsDue(long nowNanos, long rate) {
        long elapsed = nowNanos - originNanos;
        return elapsed < 0 ? 0 : mulDiv(elapsed, rate, NANOS_PER_SECOND) + 1;
    }

    /** {@code T(v)}: the event time of item {@code v} in scheduled mode. */
    public long scheduledTimestamp(long v, long rate) {
        return eventTimeOriginMillis + mulDiv(v, NANOS_PER_SECOND, rate) / NANOS_PER_MILLI;
    }

    /** The event time of an item emitted at {@code nowNanos} in wall mode. */
    public long wallTimestamp(long nowNanos) {
        return eventTimeOriginMillis + Math.floorDiv(nowNanos - originNanos, NANOS_PER_MILLI);
    }

    /** {@code close(E) = W0 + (E - T0)}: when a window ending at {@code windowEndMillis} could close. */
    public long windowCloseNanos(long windowEndMillis) {
        return originNanos + (windowEndMillis - eventTimeOriginMillis) * NANOS_PER_MILLI;
    }

    /** {@code arrival - close(E)}: the latency of a result of the window ending at {@code windowEndMillis}. */
    public long latencyNanos(long windowEndMillis, long arrivalNanos) {
        return arrivalNanos - windowCloseNanos(windowEndMillis);
    }

    /**
     * {@code floor(a * b / c)} for {@code a >= 0} and {@code 0 < b, c}, without overflowing where
     * {@code a * b} would, as long as {@code (c - 1) * b} fits a long (it does for rates up to
     * {@link #MAX_RATE}).
     */
    static long mulDiv(long a, long b, long c) {
        return (a / c) * b + (a % c) * b / c;
    }
}
