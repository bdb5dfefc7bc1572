package io.contrail.benchmarks.e2e;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the source of the reference query stamps event time ({@code BENCHMARKS.md}, "Event time
 * must be stated"). See {@link EventClock} for the exact formulas.
 */
public enum EventTimeMode {

    /**
     * Timestamp = start + v / rate: the moment item {@code v} <em>should</em> be emitted, as
     * Hazelcast Jet's {@code TestSources.longStream} does. When the source falls behind the rate
     * asked, event time runs slower than the wall clock, and fewer windows close per second.
     */
    SCHEDULED,

    /**
     * Timestamp = the wall clock at emission: 100 windows close per second (1 s sliding by 10 ms)
     * whatever the input rate. The honest mode for latency at a fixed rate below saturation.
     */
    WALL;

    /** The name used on the command line and in the table. */
    public String flagName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code scheduled} or {@code wall}.
     *
     * @throws IllegalArgumentException naming the valid values
     */
    public static EventTimeMode parse(String text) {
        for (EventTimeMode mode : values()) {
            if (mode.flagName().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown event-time mode '" + text + "'; valid: "
                + Arrays.stream(values()).map(EventTimeMode::flagName).collect(Collectors.joining(", ")));
    }
}
