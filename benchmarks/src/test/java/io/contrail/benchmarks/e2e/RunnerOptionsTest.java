package io.contrail.benchmarks.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunnerOptionsTest {

    @Test
    void defaults_areTheReferenceQueryAtFullSpeed() {
        RunnerOptions options = RunnerOptions.parse();
        assertThat(options.engines()).containsExactly("contrail", "jet");
        assertThat(options.eventTimeModes()).containsExactly(EventTimeMode.SCHEDULED);
        assertThat(options.rate()).isZero();
        assertThat(options.sourceRate()).isEqualTo(50_000_000);
        assertThat(options.keys()).isEqualTo(10_000);
        assertThat(options.windowSizeMillis()).isEqualTo(1000);
        assertThat(options.slideMillis()).isEqualTo(10);
        assertThat(options.warmupSeconds()).isEqualTo(6);
        assertThat(options.measuredSeconds()).isEqualTo(20);
        assertThat(options.meetsMinimumDurations()).isTrue();
        assertThat(options.snapshots()).isFalse();
    }

    @Test
    void parse_readsEveryFlag_inBothForms() {
        RunnerOptions options = RunnerOptions.parse("--engine", "jet", "--event-time=wall,scheduled", "--rate", "1M",
                "--full-speed-rate=20_000k", "--seconds", "3", "--warmup=1", "--snapshots", "--snapshot-interval-ms", "500",
                "--keys", "1,000", "--window-ms", "2000", "--slide-ms", "20", "--threads", "3");
        assertThat(options.engines()).containsExactly("jet");
        assertThat(options.eventTimeModes()).containsExactly(EventTimeMode.WALL, EventTimeMode.SCHEDULED);
        assertThat(options.rate()).isEqualTo(1_000_000);
        assertThat(options.fullSpeedRate()).isEqualTo(20_000_000);
        assertThat(options.sourceRate()).isEqualTo(1_000_000);
        assertThat(options.seconds()).isEqualTo(3);
        assertThat(options.warmupSeconds()).isEqualTo(1);
        assertThat(options.meetsMinimumDurations()).isFalse();
        assertThat(options.snapshots()).isTrue();
        assertThat(options.snapshotIntervalMillis()).isEqualTo(500);
        assertThat(options.keys()).isEqualTo(1000);
        assertThat(options.windowSizeMillis()).isEqualTo(2000);
        assertThat(options.slideMillis()).isEqualTo(20);
        assertThat(options.cooperativeThreads()).isEqualTo(3);
    }

    @Test
    void unknownFlag_listsTheValidFlags() {
        assertThatThrownBy(() -> RunnerOptions.parse("--rate", "0", "--speed", "3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown flag '--speed'")
                .hasMessageContaining("valid flags: --engine, --event-time, --rate, --full-speed-rate, --seconds, --warmup,"
                        + " --snapshots, --snapshot-interval-ms, --keys, --window-ms, --slide-ms, --threads, --help");
        assertThatThrownBy(() -> RunnerOptions.parse("jet"))
                .hasMessageContaining("Unexpected argument 'jet'").hasMessageContaining("valid flags: --engine");
    }

    @Test
    void badValues_nameTheFlagAndWhatIsValid() {
        assertThatThrownBy(() -> RunnerOptions.parse("--engine", "flink"))
                .hasMessage("Unknown engine 'flink' in --engine; valid: contrail, jet");
        assertThatThrownBy(() -> RunnerOptions.parse("--event-time", "ingestion"))
                .hasMessage("Unknown event-time mode 'ingestion'; valid: scheduled, wall (in --event-time)");
        assertThatThrownBy(() -> RunnerOptions.parse("--rate", "fast"))
                .hasMessageStartingWith("Invalid value for --rate: 'fast' (expected a whole number");
        assertThatThrownBy(() -> RunnerOptions.parse("--rate", "-5"))
                .hasMessage("Value of --rate must be 0..1000000000, got -5");
        assertThatThrownBy(() -> RunnerOptions.parse("--seconds"))
                .hasMessageStartingWith("Flag --seconds needs a value: --seconds N");
        assertThatThrownBy(() -> RunnerOptions.parse("--snapshots=yes"))
                .hasMessage("Flag --snapshots takes no value, got 'yes'");
        assertThatThrownBy(() -> RunnerOptions.parse("--seconds", "5", "--warmup", "5"))
                .hasMessageContaining("--warmup (5 s) must be shorter than --seconds (5 s)");
        assertThatThrownBy(() -> RunnerOptions.parse("--window-ms", "1000", "--slide-ms", "30"))
                .hasMessage("--window-ms (1000) must be a multiple of --slide-ms (30)");
        assertThatThrownBy(() -> RunnerOptions.parse("--engine", "jet,jet"))
                .hasMessage("Engine 'jet' is named twice in --engine");
    }

    @Test
    void usage_describesEveryFlag() {
        String usage = RunnerOptions.usage();
        for (String flag : List.of("--engine", "--event-time", "--rate", "--full-speed-rate", "--seconds", "--warmup",
                "--snapshots", "--snapshot-interval-ms", "--keys", "--window-ms", "--slide-ms", "--threads", "--help")) {
            assertThat(usage).contains("  " + flag + " ");
        }
    }
}
