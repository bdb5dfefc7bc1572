package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.contrail.sql.impl.parse.ParserResource.RESOURCE;

/**
 * The options of CREATE JOB and ALTER JOB ... OPTIONS (...) RESUME, by name, as in
 * {@code io.contrail.jet.job.JobConfig}. Each has a rule for its value; names and values are
 * matched exactly (case included).
 */
public enum JobOption {

    /** {@code true} or {@code false}. */
    AUTO_SCALING("autoScaling", Values.BOOLEAN, true),
    /** A snapshot name, not blank; fixed at creation. */
    INITIAL_SNAPSHOT_NAME("initialSnapshotName", Values.NON_BLANK, false),
    /** A positive 64-bit number. */
    MAX_PROCESSOR_ACCUMULATED_RECORDS("maxProcessorAccumulatedRecords", Values.POSITIVE_LONG, true),
    /** {@code true} or {@code false}. */
    METRICS_ENABLED("metricsEnabled", Values.BOOLEAN, true),
    /** {@code exactlyOnce}, {@code atLeastOnce} or {@code none}; fixed at creation. */
    PROCESSING_GUARANTEE("processingGuarantee", Values.GUARANTEE, false),
    /** A positive 64-bit number. */
    SNAPSHOT_INTERVAL_MILLIS("snapshotIntervalMillis", Values.POSITIVE_LONG, true),
    /** A positive 64-bit number: how long a snapshot may take before the job restarts from the last one. */
    SNAPSHOT_TIMEOUT_MILLIS("snapshotTimeoutMillis", Values.POSITIVE_LONG, true),
    /** {@code true} or {@code false}. */
    SUSPEND_ON_FAILURE("suspendOnFailure", Values.BOOLEAN, true);

    private static final Map<String, JobOption> BY_NAME;
    private static final String ALL_NAMES;
    private static final String ALTERABLE_NAMES;

    static {
        Map<String, JobOption> byName = new LinkedHashMap<>();
        for (JobOption option : values()) {
            byName.put(option.optionName, option);
        }
        BY_NAME = Collections.unmodifiableMap(byName);
        ALL_NAMES = String.join(", ", byName.keySet());
        ALTERABLE_NAMES = String.join(", ",
                byName.values().stream().filter(o -> o.alterable).map(o -> o.optionName).toList());
    }

    private final String optionName;
    private final Values values;
    private final boolean alterable;

    JobOption(String optionName, Values values, boolean alterable) {
        this.optionName = optionName;
        this.values = values;
        this.alterable = alterable;
    }

    /** The name as written in OPTIONS. */
    public String optionName() {
        return optionName;
    }

    /** Whether ALTER JOB may change it on an existing job. */
    public boolean isAlterable() {
        return alterable;
    }

    /** The option of that name, or {@code null}. */
    public static JobOption byName(String name) {
        return BY_NAME.get(name);
    }

    /**
     * Checks the options of CREATE JOB ({@code alter == false}) or ALTER JOB: every name known
     * (and for ALTER JOB, alterable), none twice, every value valid.
     *
     * @return the options by name, in the order given
     * @throws org.apache.calcite.runtime.CalciteContextException at the first offending option
     */
    static Map<String, String> validate(SqlNodeList options, boolean alter) {
        Map<String, String> result = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (SqlNode node : options) {
            SqlOption option = (SqlOption) node;
            String name = option.getKeyString();
            String value = option.getValueString();
            JobOption known = BY_NAME.get(name);
            if (known == null) {
                throw SqlUtil.newContextException(option.getKey().getParserPosition(),
                        RESOURCE.unknownJobOption(name, alter ? ALTERABLE_NAMES : ALL_NAMES));
            }
            if (alter && !known.alterable) {
                throw SqlUtil.newContextException(option.getKey().getParserPosition(),
                        RESOURCE.jobOptionNotAlterable(name));
            }
            if (!seen.add(name)) {
                throw SqlUtil.newContextException(option.getKey().getParserPosition(),
                        RESOURCE.duplicateOption(name));
            }
            if (!known.values.test.test(value)) {
                throw SqlUtil.newContextException(option.getValue().getParserPosition(),
                        RESOURCE.invalidJobOptionValue(name, value, known.values.description));
            }
            result.put(name, value);
        }
        return Collections.unmodifiableMap(result);
    }

    /** The kinds of option value, with the words the error message uses for them. */
    private enum Values {
        BOOLEAN("true, false", v -> v.equals("true") || v.equals("false")),
        GUARANTEE("exactlyOnce, atLeastOnce, none", List.of("exactlyOnce", "atLeastOnce", "none")::contains),
        NON_BLANK("a snapshot name, not blank", v -> !v.isBlank()),
        POSITIVE_LONG("a whole number from 1 to " + Long.MAX_VALUE, Values::isPositiveLong);

        private final String description;
        private final Predicate<String> test;

        Values(String description, Predicate<String> test) {
            this.description = description;
            this.test = test;
        }

        private static boolean isPositiveLong(String value) {
            try {
                return Long.parseLong(value) > 0 && !value.startsWith("+");
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
