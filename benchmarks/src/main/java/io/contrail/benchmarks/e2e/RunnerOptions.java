package io.contrail.benchmarks.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The command line of {@link SlidingWindowRunner}. Flags take their value as the next argument
 * or after {@code =} ({@code --rate 1M}, {@code --rate=1M}); counts accept {@code _}, {@code ,}
 * and a {@code k}/{@code M} suffix. Every mistake is an {@link IllegalArgumentException} whose
 * message names the flag and the valid choices.
 *
 * @param engines                engines to run, in order ({@code --engine contrail,jet})
 * @param eventTimeModes         event-time modes to run, in order
 * @param rate                   events per second asked; {@code 0} is full speed
 * @param fullSpeedRate          the rate the source is scheduled at when {@code rate} is 0
 * @param seconds                total length of each run, warm-up included
 * @param warmupSeconds          how long each run warms up before counting starts
 * @param snapshots              also run every configuration with exactly-once snapshots
 * @param snapshotIntervalMillis snapshot interval with {@code snapshots}
 * @param keys                   number of keys (key = v % keys)
 * @param windowSizeMillis       sliding window length
 * @param slideMillis            sliding step
 * @param cooperativeThreads     worker threads of each member
 * @param help                   print the usage and exit
 */
public record RunnerOptions(List<String> engines, List<EventTimeMode> eventTimeModes, long rate, long fullSpeedRate,
                            int seconds, int warmupSeconds, boolean snapshots, long snapshotIntervalMillis,
                            int keys, long windowSizeMillis, long slideMillis, int cooperativeThreads, boolean help) {

    /** Engines the runner knows, in the order {@code --help} lists them. */
    public static final List<String> KNOWN_ENGINES = List.of("contrail", "jet");

    /** Warm-up and measured time below which {@code BENCHMARKS.md} does not accept figures. */
    public static final int MIN_WARMUP_SECONDS = 6;
    public static final int MIN_MEASURED_SECONDS = 20;

    /** Each flag's argument ({@code null} for none) and meaning, in the order of the usage text. */
    private static final Map<String, String[]> FLAGS = new LinkedHashMap<>();

    static {
        flag("--engine", "LIST", "engines to run one after another, each in a fresh member: "
                + String.join(",", KNOWN_ENGINES) + " (default: contrail,jet)");
        flag("--event-time", "LIST", "scheduled|wall, comma-separated, run in turn (default: scheduled)");
        flag("--rate", "N", "events per second asked, e.g. 1M; 0 = full speed (default: 0)");
        flag("--full-speed-rate", "N", "rate the source is scheduled at with --rate 0 (default: 50M)");
        flag("--seconds", "N", "length of each run, warm-up included (default: 26)");
        flag("--warmup", "N", "seconds of warm-up, not counted (default: 6)");
        flag("--snapshots", null, "run each configuration without and with exactly-once snapshots");
        flag("--snapshot-interval-ms", "N", "snapshot interval with --snapshots (default: 1000)");
        flag("--keys", "N", "number of keys, key = v % N (default: 10000)");
        flag("--window-ms", "N", "sliding window length (default: 1000)");
        flag("--slide-ms", "N", "sliding step (default: 10)");
        flag("--threads", "N", "cooperative worker threads per member (default: cores, here "
                + Runtime.getRuntime().availableProcessors() + ")");
        flag("--help", null, "print this text");
    }

    private static void flag(String name, String argument, String description) {
        FLAGS.put(name, new String[] {argument, description});
    }

    public RunnerOptions {
        engines = List.copyOf(requireNonNull(engines, "engines is null"));
        eventTimeModes = List.copyOf(requireNonNull(eventTimeModes, "eventTimeModes is null"));
    }

    /** The defaults: the reference query, full speed, scheduled event time, 26 s runs. */
    public static RunnerOptions defaults() {
        return new RunnerOptions(List.of("contrail", "jet"), List.of(EventTimeMode.SCHEDULED), 0, 50_000_000,
                26, 6, false, 1000, 10_000, 1000, 10, Runtime.getRuntime().availableProcessors(), false);
    }

    /**
     * Parses the command line over the {@link #defaults()}.
     *
     * @throws IllegalArgumentException naming the bad flag or value and what is valid
     */
    public static RunnerOptions parse(String... args) {
        RunnerOptions o = defaults();
        List<String> engines = o.engines;
        List<EventTimeMode> modes = o.eventTimeModes;
        long rate = o.rate;
        long fullSpeedRate = o.fullSpeedRate;
        int seconds = o.seconds;
        int warmup = o.warmupSeconds;
        boolean snapshots = o.snapshots;
        long snapshotInterval = o.snapshotIntervalMillis;
        int keys = o.keys;
        long window = o.windowSizeMillis;
        long slide = o.slideMillis;
        int threads = o.cooperativeThreads;
        boolean help = false;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!FLAGS.containsKey(flag)) {
                throw new IllegalArgumentException((arg.startsWith("-") ? "Unknown flag '" + flag + "'" : "Unexpected argument '" + arg + "'")
                        + "; valid flags: " + String.join(", ", FLAGS.keySet()));
            }
            String argument = FLAGS.get(flag)[0];
            if (argument == null) {
                if (value != null) {
                    throw new IllegalArgumentException("Flag " + flag + " takes no value, got '" + value + "'");
                }
            } else if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("Flag " + flag + " needs a value: " + flag + " " + argument
                            + ", " + FLAGS.get(flag)[1]);
                }
                value = args[++i];
            }
            switch (flag) {
                case "--engine" -> engines = parseEngines(value);
                case "--event-time" -> modes = parseModes(value);
                case "--rate" -> rate = parseCount(flag, value, 0, EventClock.MAX_RATE);
                case "--full-speed-rate" -> fullSpeedRate = parseCount(flag, value, 1, EventClock.MAX_RATE);
                case "--seconds" -> seconds = (int) parseCount(flag, value, 1, 86_400);
                case "--warmup" -> warmup = (int) parseCount(flag, value, 0, 86_400);
                case "--snapshots" -> snapshots = true;
                case "--snapshot-interval-ms" -> snapshotInterval = parseCount(flag, value, 1, 3_600_000);
                case "--keys" -> keys = (int) parseCount(flag, value, 1, Integer.MAX_VALUE);
                case "--window-ms" -> window = parseCount(flag, value, 1, 86_400_000);
                case "--slide-ms" -> slide = parseCount(flag, value, 1, 86_400_000);
                case "--threads" -> threads = (int) parseCount(flag, value, 1, 1024);
                case "--help" -> help = true;
                default -> throw new AssertionError(flag);
            }
        }
        if (warmup >= seconds) {
            throw new IllegalArgumentException("--warmup (" + warmup + " s) must be shorter than --seconds (" + seconds
                    + " s), which includes it");
        }
        if (window % slide != 0) {
            throw new IllegalArgumentException("--window-ms (" + window + ") must be a multiple of --slide-ms (" + slide + ")");
        }
        return new RunnerOptions(engines, modes, rate, fullSpeedRate, seconds, warmup, snapshots, snapshotInterval,
                keys, window, slide, threads, help);
    }

    /** Seconds counted in each run. */
    public int measuredSeconds() {
        return seconds - warmupSeconds;
    }

    /** Whether the durations meet {@code BENCHMARKS.md}'s minimum (warm-up >= 6 s, counted >= 20 s). */
    public boolean meetsMinimumDurations() {
        return warmupSeconds >= MIN_WARMUP_SECONDS && measuredSeconds() >= MIN_MEASURED_SECONDS;
    }

    /** The rate the source is scheduled at. */
    public long sourceRate() {
        return rate == 0 ? fullSpeedRate : rate;
    }

    /** The usage text. */
    public static String usage() {
        StringBuilder sb = new StringBuilder("Usage: java -Xmx4g -cp benchmarks/target/benchmarks.jar ")
                .append(SlidingWindowRunner.class.getName()).append(" [flags]\n")
                .append("Runs the reference query of BENCHMARKS.md (key = v % 10,000, sliding window 1 s by 10 ms, COUNT)\n")
                .append("on each engine in turn and prints throughput, latency and heap.\n\nFlags:\n");
        FLAGS.forEach((flag, spec) -> sb.append(String.format("  %-27s %s%n",
                spec[0] == null ? flag : flag + " " + spec[0], spec[1])));
        return sb.toString();
    }

    private static List<String> parseEngines(String value) {
        Set<String> engines = new LinkedHashSet<>();
        for (String name : splitList("--engine", value)) {
            String engine = name.toLowerCase(Locale.ROOT);
            if (!KNOWN_ENGINES.contains(engine)) {
                throw new IllegalArgumentException("Unknown engine '" + name + "' in --engine; valid: " + String.join(", ", KNOWN_ENGINES));
            }
            if (!engines.add(engine)) {
                throw new IllegalArgumentException("Engine '" + engine + "' is named twice in --engine");
            }
        }
        return List.copyOf(engines);
    }

    private static List<EventTimeMode> parseModes(String value) {
        Set<EventTimeMode> modes = new LinkedHashSet<>();
        for (String name : splitList("--event-time", value)) {
            EventTimeMode mode;
            try {
                mode = EventTimeMode.parse(name.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (in --event-time)", e);
            }
            if (!modes.add(mode)) {
                throw new IllegalArgumentException("Event-time mode '" + mode.flagName() + "' is named twice in --event-time");
            }
        }
        return List.copyOf(modes);
    }

    private static List<String> splitList(String flag, String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("Empty item in " + flag + " '" + value + "'");
            }
            items.add(trimmed);
        }
        return items;
    }

    /** Parses {@code 1000000}, {@code 1_000_000}, {@code 1,000,000}, {@code 1000k} or {@code 1M}. */
    static long parseCount(String flag, String value, long min, long max) {
        String text = value.trim().replace("_", "").replace(",", "");
        long multiplier = 1;
        if (text.endsWith("k") || text.endsWith("K")) {
            multiplier = 1_000;
            text = text.substring(0, text.length() - 1);
        } else if (text.endsWith("M")) {
            multiplier = 1_000_000;
            text = text.substring(0, text.length() - 1);
        }
        long parsed;
        try {
            parsed = Math.multiplyExact(Long.parseLong(text), multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Invalid value for " + flag + ": '" + value
                    + "' (expected a whole number such as 1000000, 1_000_000, 1000k or 1M)", e);
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("Value of " + flag + " must be " + min + ".." + max + ", got " + value);
        }
        return parsed;
    }
}
