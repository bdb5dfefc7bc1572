package io.contrail.sql.impl.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.contrail.sql.impl.parse.ParserTestSupport.assertInvalid;
import static io.contrail.sql.impl.parse.ParserTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules for the options of CREATE JOB and ALTER JOB ... OPTIONS (...) RESUME. */
class SqlParsing_JobOptionsTest {

    private static final String ALL_OPTIONS = "autoScaling, initialSnapshotName, maxProcessorAccumulatedRecords, "
            + "metricsEnabled, processingGuarantee, snapshotIntervalMillis, snapshotTimeoutMillis, suspendOnFailure";
    private static final String ALTERABLE_OPTIONS = "autoScaling, maxProcessorAccumulatedRecords, "
            + "metricsEnabled, snapshotIntervalMillis, snapshotTimeoutMillis, suspendOnFailure";

    private static String createJob(String options) {
        return "CREATE JOB j OPTIONS (" + options + ") AS SINK INTO t SELECT 1";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "processingGuarantee            | exactlyOnce",
            "processingGuarantee            | atLeastOnce",
            "processingGuarantee            | none",
            "snapshotIntervalMillis         | 1",
            "snapshotIntervalMillis         | 9223372036854775807",
            "snapshotTimeoutMillis          | 60000",
            "autoScaling                    | true",
            "suspendOnFailure               | false",
            "metricsEnabled                 | true",
            "initialSnapshotName            | s-1",
            "maxProcessorAccumulatedRecords | 1000000",
    })
    void validValue_isAccepted(String name, String value) {
        SqlCreateJob create = parse(createJob("'" + name + "' = '" + value + "'"), SqlCreateJob.class);
        assertThat(create.getOptionMap()).containsEntry(name, value);
    }

    @Test
    void allOptionsTogether() {
        SqlCreateJob create = parse(createJob("""
                processingGuarantee = 'atLeastOnce', snapshotIntervalMillis = '10', autoScaling = 'false',
                suspendOnFailure = 'true', metricsEnabled = 'false', initialSnapshotName = 'snap',
                maxProcessorAccumulatedRecords = '5'"""), SqlCreateJob.class);
        assertThat(create.getOptionMap()).hasSize(7);
    }

    @Test
    void unknownOption_listsTheValidOnes() {
        assertInvalid(createJob("'processingGuarantee' = 'none', 'foo' = 'x'"), 1, 55,
                "Unknown job option 'foo'; valid options: " + ALL_OPTIONS);
    }

    @Test
    void optionNames_areCaseSensitive() {
        assertInvalid(createJob("'ProcessingGuarantee' = 'none'"), 1, 23,
                "Unknown job option 'ProcessingGuarantee'; valid options: " + ALL_OPTIONS);
    }

    @Test
    void duplicateOption_isInvalid() {
        assertInvalid(createJob("'autoScaling' = 'true',\n  autoScaling = 'false'"), 2, 3,
                "Option 'autoScaling' is given more than once");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "processingGuarantee            | EXACTLY_ONCE | exactlyOnce, atLeastOnce, none",
            "processingGuarantee            | ''           | exactlyOnce, atLeastOnce, none",
            "snapshotIntervalMillis         | 0            | a whole number from 1 to 9223372036854775807",
            "snapshotIntervalMillis         | -5           | a whole number from 1 to 9223372036854775807",
            "snapshotIntervalMillis         | +5           | a whole number from 1 to 9223372036854775807",
            "snapshotIntervalMillis         | 1.5          | a whole number from 1 to 9223372036854775807",
            "snapshotIntervalMillis         | 9223372036854775808 | a whole number from 1 to 9223372036854775807",
            "snapshotIntervalMillis         | 5s           | a whole number from 1 to 9223372036854775807",
            "maxProcessorAccumulatedRecords | 0            | a whole number from 1 to 9223372036854775807",
            "autoScaling                    | yes          | true, false",
            "suspendOnFailure               | TRUE         | true, false",
            "metricsEnabled                 | 1            | true, false",
            "initialSnapshotName            | ''           | a snapshot name, not blank",
            "initialSnapshotName            | '   '        | a snapshot name, not blank",
    })
    void malformedValue_listsTheValidOnes(String name, String value, String valid) {
        String sql = createJob("'" + name + "' = '" + value + "'");
        int valueColumn = sql.indexOf(" = '") + 4;
        assertInvalid(sql, 1, valueColumn,
                "Invalid value '" + value + "' for job option '" + name + "'; valid values: " + valid);
    }

    @Test
    void alterJob_acceptsAlterableOptions() {
        SqlAlterJob alter = parse("ALTER JOB j OPTIONS ('autoScaling' = 'true', 'suspendOnFailure' = 'true', "
                + "'metricsEnabled' = 'true', 'snapshotIntervalMillis' = '1', "
                + "'maxProcessorAccumulatedRecords' = '2') RESUME", SqlAlterJob.class);
        assertThat(alter.getOptionMap()).hasSize(5);
    }

    @Test
    void alterJob_processingGuarantee_cannotChange() {
        assertInvalid("ALTER JOB j OPTIONS ('processingGuarantee' = 'none') RESUME", 1, 22,
                "Job option 'processingGuarantee' cannot be changed by ALTER JOB: it is fixed when the job is created");
    }

    @Test
    void alterJob_initialSnapshotName_cannotChange() {
        assertInvalid("ALTER JOB j OPTIONS (\n'autoScaling' = 'true',\ninitialSnapshotName = 's') RESUME", 3, 1,
                "Job option 'initialSnapshotName' cannot be changed by ALTER JOB: it is fixed when the job is created");
    }

    @Test
    void alterJob_unknownOption_listsTheAlterableOnes() {
        assertInvalid("ALTER JOB j OPTIONS ('bar' = 'x') RESUME", 1, 22,
                "Unknown job option 'bar'; valid options: " + ALTERABLE_OPTIONS);
    }

    @Test
    void alterJob_duplicateAndMalformed_areInvalid() {
        assertInvalid("ALTER JOB j OPTIONS ('autoScaling' = 'true', 'autoScaling' = 'true') RESUME", 1, 46,
                "Option 'autoScaling' is given more than once");
        assertInvalid("ALTER JOB j OPTIONS ('autoScaling' = 'maybe') RESUME", 1, 38,
                "Invalid value 'maybe' for job option 'autoScaling'; valid values: true, false");
    }
}
