package io.contrail.sql.impl.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The connector types a mapping may have, with the options each takes: names and options only
 * ({@code io.contrail.sql.impl.connector.SqlConnectors} finds the code that reads and writes
 * each). Names and option keys match exactly, case included.
 */
public enum Connector {

    /**
     * An IMap of the cluster, named as the mapping. As Hazelcast's IMap connector:
     * {@code keyFormat} and {@code valueFormat} are required.
     */
    IMAP("IMap", List.of(
            Option.required("keyFormat", IMapFormats.ALL),
            Option.required("valueFormat", IMapFormats.ALL))),

    /**
     * Files in a directory. As Hazelcast's file connector: {@code path} and {@code format}
     * required, {@code glob} (default {@code *}), {@code sharedFileSystem} and
     * {@code ignoreFileNotFound} ({@code true}, {@code false}) optional.
     */
    FILE("File", List.of(
            Option.required("path", List.of()),
            Option.required("format", List.of("csv", "json")),
            Option.optional("glob", List.of()),
            Option.optional("sharedFileSystem", List.of("true", "false")),
            Option.optional("ignoreFileNotFound", List.of("true", "false"))));

    private final String name;
    private final List<Option> options;

    Connector(String name, List<Option> options) {
        this.name = requireNonNull(name, "name is null");
        this.options = List.copyOf(options);
    }

    /** The name as written after TYPE. */
    public String getName() {
        return name;
    }

    /** The options this connector takes, required ones first. */
    public List<Option> getOptions() {
        return options;
    }

    /** The connector of that name (exact match), if any. */
    public static Optional<Connector> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.name.equals(name)).findFirst();
    }

    /** The names of all connectors, for messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Connector::getName).toList();
    }

    /** The options of this connector by key. */
    public Map<String, Option> optionsByKey() {
        return options.stream().collect(Collectors.toMap(Option::key, o -> o));
    }

    /**
     * An option of a connector.
     *
     * @param validValues the values it may take, empty if any non-blank text will do
     */
    public record Option(String key, boolean required, List<String> validValues) {

        public Option {
            requireNonNull(key, "key is null");
            validValues = List.copyOf(requireNonNull(validValues, "validValues is null"));
        }

        static Option required(String key, List<String> validValues) {
            return new Option(key, true, validValues);
        }

        static Option optional(String key, List<String> validValues) {
            return new Option(key, false, validValues);
        }
    }

    /** The formats of IMap keys and values (Hazelcast's, minus {@code java}, {@code portable}, ...). */
    private static final class IMapFormats {
        static final List<String> ALL = List.of("bigint", "int", "double", "boolean", "varchar", "json");
    }
}
