package io.contrail.sql.impl.exec;

import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.ProcessingGuarantee;
import io.contrail.sql.impl.parse.JobOption;

import java.util.Map;

/**
 * Applies the options of CREATE JOB and ALTER JOB ... OPTIONS (validated by the parser: known
 * names, valid values, only alterable ones for ALTER JOB) to a {@link JobConfig}.
 */
public final class JobOptions {

    private JobOptions() {
    }

    /** Sets each option on {@code config}; returns {@code config}. */
    public static JobConfig apply(Map<String, String> options, JobConfig config) {
        options.forEach((name, value) -> {
            switch (JobOption.byName(name)) {
                case AUTO_SCALING -> config.setAutoScaling(Boolean.parseBoolean(value));
                case INITIAL_SNAPSHOT_NAME -> config.setInitialSnapshotName(value);
                case MAX_PROCESSOR_ACCUMULATED_RECORDS -> config.setMaxProcessorAccumulatedRecords(Long.parseLong(value));
                case METRICS_ENABLED -> config.setMetricsEnabled(Boolean.parseBoolean(value));
                case PROCESSING_GUARANTEE -> config.setProcessingGuarantee(switch (value) {
                    case "exactlyOnce" -> ProcessingGuarantee.EXACTLY_ONCE;
                    case "atLeastOnce" -> ProcessingGuarantee.AT_LEAST_ONCE;
                    default -> ProcessingGuarantee.NONE;
                });
                case SNAPSHOT_INTERVAL_MILLIS -> config.setSnapshotIntervalMillis(Long.parseLong(value));
                case SNAPSHOT_TIMEOUT_MILLIS -> config.setSnapshotTimeoutMillis(Long.parseLong(value));
                case SUSPEND_ON_FAILURE -> config.setSuspendOnFailure(Boolean.parseBoolean(value));
            }
        });
        return config;
    }
}
