package io.contrail.benchmarks.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlidingWindowRunnerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    /** Each engine at a low rate for 3 s (1 s warm-up): the printed row has positive figures. */
    @ParameterizedTest
    @ValueSource(strings = {"jet", "contrail"})
    void engine_printsARowWithPositiveThroughputAndLatency(String engine) {
        RunnerOptions options = RunnerOptions.parse("--engine", engine, "--event-time", "wall", "--rate", "100k",
                "--seconds", "3", "--warmup", "1");

        List<RunResult> results = run(new SlidingWindowRunner(SlidingWindowRunner.defaultEngines()), options);

        assertThat(results).singleElement().satisfies(r -> assertThat(r.outcome()).as(r.note()).isEqualTo(RunResult.Outcome.MEASURED));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains(SlidingWindowRunner.TABLE_HEADER).contains("NOTE: shorter than BENCHMARKS.md asks");
        String row = printed.lines().filter(line -> line.startsWith("| " + engine + " |")).findFirst().orElseThrow();
        List<String> cells = cells(row);
        assertThat(cells.subList(0, 4)).containsExactly(engine, "wall", "none", "100,000");
        // No lower bound on the figures: on a loaded machine an engine may fall far behind the
        // rate, and speed is the benchmarks' business, not a test's. They must be there, and sane.
        assertThat(number(cells.get(4))).as(row).isPositive().isLessThanOrEqualTo(150_000.0);
        assertThat(number(cells.get(5))).as(row).isPositive();
        assertThat(number(cells.get(6))).as("event time/wall: " + row).isPositive();
        for (int latencyColumn = 7; latencyColumn <= 11; latencyColumn++) {
            assertThat(number(cells.get(latencyColumn))).as("column %d of %s", latencyColumn, row).isPositive();
        }
        assertThat(number(cells.get(14))).as("live heap MB: " + row).isPositive();
        assertThat(printed).doesNotContain("negative latency");
    }

    @Test
    void unsupportedConfiguration_isARowSayingWhy() {
        EngineUnderTest noSnapshots = new EngineUnderTest() {
            @Override
            public String name() {
                return "jet";
            }

            @Override
            public Optional<String> unsupportedReason(RunSpec spec) {
                return Optional.of("not supported yet: no snapshots");
            }

            @Override
            public RunningQuery start(RunSpec spec, QueryProbes probes) {
                throw new AssertionError("must not start");
            }
        };
        RunnerOptions options = RunnerOptions.parse("--engine", "jet", "--seconds", "2", "--warmup", "1");

        List<RunResult> results = run(new SlidingWindowRunner(Map.of("jet", noSnapshots)), options);

        assertThat(results).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunResult.Outcome.SKIPPED));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("| jet | scheduled | none | full speed (50M) | not supported yet: no snapshots |");
    }

    private List<RunResult> run(SlidingWindowRunner runner, RunnerOptions options) {
        return runner.run(options, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replace(",", ""));
    }
}
