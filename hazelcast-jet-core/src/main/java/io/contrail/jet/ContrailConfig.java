package io.contrail.jet;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Configuration of a Contrail member, set programmatically or loaded from YAML:
 * <pre>
 * clusterName: contrail
 * instanceName: member-1
 * bindAddress: 127.0.0.1
 * port: 5701
 * portAutoIncrement: true
 * members: [127.0.0.1]
 * cooperativeThreadCount: 2
 * queueSize: 1024
 * inboxSize: 1024
 * outboxBatchLimit: 1024
 * processorFusion: true
 * snapshotDirectory: /var/lib/contrail/snapshots
 * snapshotBackupCount: 1
 * jobs:
 *   retentionTime: 14d
 * </pre>
 * Every key is optional. {@code jobs.retentionTime} (also spelled {@code jobs.retention_time},
 * the name of the setting in the reference documents) is a duration: a number with a unit {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}
 * ({@code 14d}, {@code 90m}), or ISO-8601 ({@code PT36H}). Defaults keep a member on the loopback
 * interface, joining members on 127.0.0.1 by TCP (multicast is always off).
 */
public final class ContrailConfig {

    /** How long the records of ended jobs are kept by default: 14 days. */
    public static final Duration DEFAULT_JOB_RETENTION_TIME = Duration.ofDays(14);

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private String clusterName = "contrail";
    private String instanceName;
    private String bindAddress = "127.0.0.1";
    private int port = 5701;
    private boolean portAutoIncrement = true;
    private List<String> members = new ArrayList<>(List.of("127.0.0.1"));
    private int cooperativeThreadCount = Runtime.getRuntime().availableProcessors();
    private int queueSize = 1024;
    private int inboxSize = 1024;
    private int outboxBatchLimit = 1024;
    private boolean processorFusion = true;
    private String snapshotDirectory;
    private int snapshotBackupCount = 1;
    private Duration jobRetentionTime = DEFAULT_JOB_RETENTION_TIME;

    /** Loads a YAML file; unknown keys and wrong types are errors naming the key. */
    public static ContrailConfig load(Path file) {
        requireNonNull(file, "file is null");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Contrail configuration " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML text; see {@link #load(Path)}. */
    public static ContrailConfig fromYaml(String yaml) {
        try {
            return parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "YAML text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ContrailConfig parse(InputStream in, String source) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        byte[] yaml = in.readAllBytes();
        try {
            JsonNode tree = mapper.readTree(yaml);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return new ContrailConfig();
            }
            // parsed again from the text, not the tree, so that errors keep their line numbers
            return mapper.readValue(yaml, ContrailConfig.class).validate();
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new IllegalArgumentException("Unknown key '" + e.getPropertyName() + "' in " + source
                    + " at line " + e.getLocation().getLineNr() + "; valid keys are: " + known, e);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName).collect(Collectors.joining("."));
            throw new IllegalArgumentException("Invalid value for '" + path + "' in " + source
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : "") + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Checks value ranges.
     *
     * @throws IllegalArgumentException naming the setting
     */
    public ContrailConfig validate() {
        requirePositive(cooperativeThreadCount, "cooperativeThreadCount");
        requirePositive(queueSize, "queueSize");
        requirePositive(inboxSize, "inboxSize");
        requirePositive(outboxBatchLimit, "outboxBatchLimit");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException("clusterName must not be blank");
        }
        if (snapshotBackupCount < 0 || snapshotBackupCount > 6) {
            throw new IllegalArgumentException("snapshotBackupCount must be 0..6, got " + snapshotBackupCount);
        }
        if (jobRetentionTime.isNegative() || jobRetentionTime.isZero()) {
            throw new IllegalArgumentException("jobs.retentionTime must be positive, got " + jobRetentionTime);
        }
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("members must list at least one address to join (for example 127.0.0.1)");
        }
        return this;
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    public String getClusterName() {
        return clusterName;
    }

    public ContrailConfig setClusterName(String clusterName) {
        this.clusterName = requireNonNull(clusterName, "clusterName is null");
        return this;
    }

    /** The member's name in thread names and logs, or {@code null} for a generated one. */
    public String getInstanceName() {
        return instanceName;
    }

    public ContrailConfig setInstanceName(String instanceName) {
        this.instanceName = instanceName;
        return this;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    /** The interface the member listens on; 127.0.0.1 by default. */
    public ContrailConfig setBindAddress(String bindAddress) {
        this.bindAddress = requireNonNull(bindAddress, "bindAddress is null");
        return this;
    }

    public int getPort() {
        return port;
    }

    /** The member's cluster port, or the first one tried when auto-increment is on. */
    public ContrailConfig setPort(int port) {
        this.port = port;
        return this;
    }

    public boolean isPortAutoIncrement() {
        return portAutoIncrement;
    }

    public ContrailConfig setPortAutoIncrement(boolean portAutoIncrement) {
        this.portAutoIncrement = portAutoIncrement;
        return this;
    }

    public List<String> getMembers() {
        return List.copyOf(members);
    }

    /** Addresses ({@code host} or {@code host:port}) where other members may be found. */
    @JsonProperty("members")
    public ContrailConfig setMembers(List<String> members) {
        this.members = new ArrayList<>(requireNonNull(members, "members is null"));
        return this;
    }

    public int getCooperativeThreadCount() {
        return cooperativeThreadCount;
    }

    /** Worker threads for cooperative processors; the default local parallelism. Default: one per core. */
    public ContrailConfig setCooperativeThreadCount(int cooperativeThreadCount) {
        this.cooperativeThreadCount = cooperativeThreadCount;
        return this;
    }

    public int getQueueSize() {
        return queueSize;
    }

    /** Capacity of each edge queue unless the edge sets its own; rounded up to a power of two. */
    public ContrailConfig setQueueSize(int queueSize) {
        this.queueSize = queueSize;
        return this;
    }

    public int getInboxSize() {
        return inboxSize;
    }

    /** Most items handed to a processor in one call. */
    public ContrailConfig setInboxSize(int inboxSize) {
        this.inboxSize = inboxSize;
        return this;
    }

    public int getOutboxBatchLimit() {
        return outboxBatchLimit;
    }

    /** Most items a processor may emit in one call before it yields its thread. */
    public ContrailConfig setOutboxBatchLimit(int outboxBatchLimit) {
        this.outboxBatchLimit = outboxBatchLimit;
        return this;
    }

    public boolean isProcessorFusion() {
        return processorFusion;
    }

    /**
     * Whether the two ends of an isolated edge between cooperative processors of equal parallelism
     * run in one tasklet, handing items over without a queue. On by default.
     */
    public ContrailConfig setProcessorFusion(boolean processorFusion) {
        this.processorFusion = processorFusion;
        return this;
    }

    /** Where exported snapshots are also written as files, or {@code null} to keep them in IMaps only. */
    public String getSnapshotDirectory() {
        return snapshotDirectory;
    }

    /**
     * Writes exported snapshots also to files in this directory, so that they survive a restart
     * of every member; {@code null} keeps them in IMaps only (the default).
     */
    public ContrailConfig setSnapshotDirectory(String snapshotDirectory) {
        this.snapshotDirectory = snapshotDirectory;
        return this;
    }

    public int getSnapshotBackupCount() {
        return snapshotBackupCount;
    }

    /** Synchronous backups of the IMaps that hold snapshots: 0..6, default 1. */
    public ContrailConfig setSnapshotBackupCount(int snapshotBackupCount) {
        this.snapshotBackupCount = snapshotBackupCount;
        return this;
    }

    public Duration getJobRetentionTime() {
        return jobRetentionTime;
    }

    /**
     * How long the record of an ended job (COMPLETED, FAILED or cancelled) is kept after its end,
     * for {@code SHOW JOBS} and {@link ContrailInstance#getJobSummaries()}; then it is removed.
     * Positive; default {@link #DEFAULT_JOB_RETENTION_TIME}. YAML key {@code jobs.retentionTime}.
     */
    public ContrailConfig setJobRetentionTime(Duration jobRetentionTime) {
        this.jobRetentionTime = requireNonNull(jobRetentionTime, "jobRetentionTime is null");
        return this;
    }

    /** The YAML section {@code jobs}. */
    @JsonProperty("jobs")
    private void setJobsSection(JobsSection jobs) {
        if (jobs != null && jobs.retentionTime != null) {
            setJobRetentionTime(parseDuration(jobs.retentionTime, "jobs.retentionTime"));
        }
    }

    /** The keys of the YAML section {@code jobs}. */
    private static final class JobsSection {
        @JsonProperty("retentionTime")
        @JsonAlias("retention_time")
        private String retentionTime;
    }

    /**
     * Parses {@code 14d}, {@code 90m}, {@code 30s}, {@code 500ms}, {@code 12h} or an ISO-8601
     * duration ({@code PT36H}).
     *
     * @throws IllegalArgumentException naming the key and the accepted forms
     */
    static Duration parseDuration(String text, String key) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = DURATION.matcher(trimmed);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // without the cause: the YAML parser reports the root cause's message, and this one says more
            throw new IllegalArgumentException("Invalid duration for '" + key + "': '" + text
                    + "'; write a number with a unit ms, s, m, h or d (for example 14d), or ISO-8601 (PT36H)");
        }
    }
}
