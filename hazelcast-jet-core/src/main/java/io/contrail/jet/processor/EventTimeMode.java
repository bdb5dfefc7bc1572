package io.contrail.jet.processor;

/** How a generator source ({@link SourceProcessors#generator}) stamps the event time of its items. */
public enum EventTimeMode {

    /**
     * The item's intended emission time: {@code start + sequence / rate}, in milliseconds.
     * Deterministic for a given start, and not skewed when the generator falls behind, so latency
     * measured against it includes the time an item waited to be emitted. At an unlimited rate
     * there is no schedule and this mode stamps like {@link #WALL}.
     */
    SCHEDULED,

    /** The wall-clock time ({@link System#currentTimeMillis()}) when the item was created. */
    WALL,

    /**
     * No event time: items are stamped as in {@link #SCHEDULED} for the event factory's use only,
     * and the generator emits no watermarks. For consumers that assign event time themselves,
     * such as SQL's {@code IMPOSE_ORDER}.
     */
    NONE
}
