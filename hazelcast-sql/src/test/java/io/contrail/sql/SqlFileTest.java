package io.contrail.sql;

import io.contrail.jet.job.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The File connector through SQL: reading CSV and JSON lines, globs, errors, INSERT INTO files and back. */
class SqlFileTest extends SqlTestSupport {

    private static final String TYPED_COLUMNS = "(id BIGINT, name VARCHAR, price DOUBLE, amount DECIMAL, "
            + "active BOOLEAN, born DATE, ts TIMESTAMP, city VARCHAR)";

    @TempDir
    Path dir;

    @Test
    void csv_readsTypesQuotesAndNulls() throws IOException {
        Files.writeString(dir.resolve("a.csv"), """
                id,name,price,amount,active,born,ts,city
                1,"Smith, John",1.5,10.25,true,2024-01-02,2024-01-02T10:15:30,Paris
                2,"He said ""hi""\",2.25,,FALSE,2024-02-03,2024-02-03T00:00,Berlin
                3,"line1
                line2",,0.5,,,,
                """);
        update("CREATE MAPPING f " + TYPED_COLUMNS + " TYPE File " + options("csv"));
        assertThat(rows("SELECT * FROM f ORDER BY id")).containsExactly(
                row(1L, "Smith, John", 1.5, new BigDecimal("10.25"), true, LocalDate.of(2024, 1, 2),
                        LocalDateTime.of(2024, 1, 2, 10, 15, 30), "Paris"),
                row(2L, "He said \"hi\"", 2.25, null, false, LocalDate.of(2024, 2, 3),
                        LocalDateTime.of(2024, 2, 3, 0, 0), "Berlin"),
                row(3L, "line1\nline2", null, new BigDecimal("0.5"), null, null, null, ""));
    }

    @Test
    void csv_columnsByHeaderName_withExternalNames() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "b,a,unused\n2,1,x\n");
        update("CREATE MAPPING f (x INT EXTERNAL NAME a, y INT EXTERNAL NAME b, z VARCHAR) TYPE File " + options("csv"));
        assertThat(rows("SELECT x, y, z FROM f")).containsExactly(row(1, 2, null));
    }

    @Test
    void json_readsTypesAndNulls() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), """
                {"id": 1, "name": "Smith, John", "price": 1.5, "amount": 10.25, "active": true, "born": "2024-01-02", \
                "ts": "2024-01-02T10:15:30", "city": "Paris", "tags": {"a": [1, 2]}}

                {"id": 2, "name": null, "price": 2, "amount": "7", "active": "false"}
                """);
        update("CREATE MAPPING f (id BIGINT, name VARCHAR, price DOUBLE, amount DECIMAL, active BOOLEAN, born DATE, "
                + "ts TIMESTAMP, city VARCHAR, tags JSON) TYPE File " + options("json"));
        assertThat(rows("SELECT * FROM f ORDER BY id")).containsExactly(
                row(1L, "Smith, John", 1.5, new BigDecimal("10.25"), true, LocalDate.of(2024, 1, 2),
                        LocalDateTime.of(2024, 1, 2, 10, 15, 30), "Paris", "{\"a\":[1,2]}"),
                row(2L, null, 2.0, new BigDecimal("7"), false, null, null, null, null));
    }

    @Test
    void glob_selectsFiles_andHiddenFilesAreSkipped() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "n\n1\n");
        Files.writeString(dir.resolve("b.csv"), "n\n2\n");
        Files.writeString(dir.resolve("c.txt"), "n\n3\n");
        Files.writeString(dir.resolve(".d.csv.tmp"), "n\n4\n");
        Files.createDirectory(dir.resolve("sub.csv"));
        update("CREATE MAPPING f (n INT) TYPE File " + options("csv", "'glob' = '*.csv'"));
        assertThat(rows("SELECT n FROM f")).containsExactlyInAnyOrder(row(1), row(2));
        update("CREATE MAPPING g (n INT) TYPE File " + options("csv"));
        assertThat(rows("SELECT n FROM g")).containsExactlyInAnyOrder(row(1), row(2), row(3));
    }

    @Test
    void severalFiles_areSplitOverTheReaders() throws IOException {
        long expectedSum = 0;
        for (int file = 0; file < 9; file++) {
            StringBuilder text = new StringBuilder("id\n");
            for (int i = 0; i < 1000; i++) {
                long id = file * 1000L + i;
                text.append(id).append('\n');
                expectedSum += id;
            }
            Files.writeString(dir.resolve("part-" + file + ".csv"), text);
        }
        update("CREATE MAPPING f (id BIGINT) TYPE File " + options("csv"));
        assertThat(rows("EXPLAIN PLAN FOR SELECT id FROM f")).contains(row("  vertex scan-f (local parallelism 2)"));
        assertThat(rows("SELECT COUNT(*), COUNT(DISTINCT id), SUM(id) FROM f")).containsExactly(row(9000L, 9000L, expectedSum));
    }

    @Test
    void missingDirectory_failsNamingIt() {
        Path missing = dir.resolve("missing");
        update("CREATE MAPPING f (n INT) TYPE File OPTIONS ('path' = '" + missing + "', 'format' = 'csv')");
        assertThatThrownBy(() -> rows("SELECT * FROM f"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("The directory '" + missing + "' of File mapping 'f' does not exist")
                .hasMessageContaining("'ignoreFileNotFound' = 'true'");
    }

    @Test
    void missingDirectory_withIgnoreFileNotFound_readsNoRows() {
        update("CREATE MAPPING f (n INT) TYPE File OPTIONS ('path' = '" + dir.resolve("missing") + "', "
                + "'format' = 'json', 'ignoreFileNotFound' = 'true')");
        assertThat(rows("SELECT * FROM f")).isEmpty();
    }

    @Test
    void badValue_namesFileLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "id,n\n1,2\n2,\"multi\nline\"\n3,x\n");
        update("CREATE MAPPING f (id BIGINT, n BIGINT) TYPE File " + options("csv"));
        assertThatThrownBy(() -> rows("SELECT * FROM f"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("Cannot read 'multi\nline' as BIGINT for column 'n' of file '"
                        + dir.resolve("a.csv") + "', line 3 (mapping 'f')")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.DATA_CONVERSION_ERROR));

        Files.writeString(dir.resolve("b.jsonl"), "{\"n\": 1}\n[1]\n");
        update("CREATE MAPPING j (n BIGINT) TYPE File " + options("json", "'glob' = '*.jsonl'"));
        assertThatThrownBy(() -> rows("SELECT * FROM j"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("Line 2 of file '" + dir.resolve("b.jsonl") + "' of mapping 'j' is not a JSON object")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.DATA_CONVERSION_ERROR));
    }

    @Test
    void dottedExternalName_isRejected() {
        assertThatThrownBy(() -> update("CREATE MAPPING f (n INT EXTERNAL NAME a.b) TYPE File " + options("csv")))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("external name 'a.b'")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.INVALID_NAME));
    }

    @Test
    void insert_csv_thenReadBack() throws IOException {
        Path out = dir.resolve("out");
        update("CREATE MAPPING f " + TYPED_COLUMNS + " TYPE File OPTIONS ('path' = '" + out + "', 'format' = 'csv')");
        assertThat(update("INSERT INTO f VALUES (1, 'Smith, \"J\"\nsecond line', 1.5, 12345678901234.25, true, DATE '2024-01-02', "
                + "TIMESTAMP '2024-01-02 10:15:30', 'Paris'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL)")).isEqualTo(2);
        assertThat(rows("SELECT * FROM f ORDER BY id")).containsExactly(
                row(1L, "Smith, \"J\"\nsecond line", 1.5, new BigDecimal("12345678901234.25"), true, LocalDate.of(2024, 1, 2),
                        LocalDateTime.of(2024, 1, 2, 10, 15, 30), "Paris"),
                // an empty CSV field reads back as the empty string for VARCHAR
                row(2L, "", null, null, null, null, null, ""));
        assertThat(fileNames(out)).allMatch(name -> name.matches("[0-9a-f]{16}-[0-9]+-0\\.csv"));
    }

    @Test
    void insert_json_manyRows_thenReadBack() throws IOException {
        Path out = dir.resolve("out");
        update("CREATE MAPPING f (n BIGINT, sq DOUBLE, label VARCHAR) TYPE File OPTIONS ('path' = '" + out
                + "', 'format' = 'json')");
        assertThat(update("INSERT INTO f SELECT v, v * 0.5, 'n' || CAST(v AS VARCHAR) FROM TABLE(generate_series(1, 1000))"))
                .isEqualTo(1000);
        assertThat(update("INSERT INTO f SELECT v, NULL, NULL FROM TABLE(generate_series(1001, 1010))")).isEqualTo(10);
        assertThat(rows("SELECT COUNT(*), COUNT(DISTINCT n), SUM(n), SUM(sq), COUNT(label) FROM f"))
                .containsExactly(row(1010L, 1010L, 510_555L, 250_250.0, 1000L));
        List<String> names = fileNames(out);
        assertThat(names).isNotEmpty().allMatch(name -> name.matches("[0-9a-f]{16}-[0-9]+-0\\.jsonl"));
        assertThat(names.stream().map(name -> name.substring(0, 16)).distinct()).hasSize(2);
    }

    @Test
    void insert_thatFails_publishesNothing_andCleansUp() throws IOException {
        Path out = dir.resolve("out");
        update("CREATE MAPPING f (n BIGINT) TYPE File OPTIONS ('path' = '" + out + "', 'format' = 'csv')");
        assertThatThrownBy(() -> update("INSERT INTO f SELECT CAST(CASE WHEN v = 5000 THEN 'x' ELSE CAST(v AS VARCHAR) END"
                + " AS BIGINT) FROM TABLE(generate_series(1, 10000))"))
                .isInstanceOf(SqlException.class);
        await().untilAsserted(() -> assertThat(fileNames(out)).isEmpty());
    }

    @Test
    void createJob_streamingIntoFiles_publishesAtSnapshots() throws IOException {
        Path out = dir.resolve("stream");
        update("CREATE MAPPING f (n BIGINT) TYPE File OPTIONS ('path' = '" + out + "', 'format' = 'csv')");
        update("CREATE JOB tofiles OPTIONS ('processingGuarantee' = 'exactlyOnce', 'snapshotIntervalMillis' = '100') "
                + "AS SINK INTO f SELECT v FROM TABLE(generate_stream(500))");
        Job job = member.getJob("tofiles").orElseThrow();
        try {
            await().until(() -> Files.isDirectory(out)
                    && fileNames(out).stream().filter(name -> !name.startsWith(".")).count() >= 4);
        } finally {
            job.cancel();
        }
        // what the snapshots published is a prefix of the stream: no row twice, none left out
        List<List<Object>> counts = rows("SELECT COUNT(*), COUNT(DISTINCT n), MIN(n), MAX(n) FROM f");
        long count = (Long) counts.get(0).get(0);
        assertThat(count).isPositive();
        assertThat(counts).containsExactly(row(count, count, 0L, count - 1));
    }

    @Test
    void aggregation_overFiles_matchesBruteForce() throws IOException {
        String[] cities = {"Paris", "Berlin", "Rome", "Madrid, Spain", "Oslo"};
        Random random = new Random(42);
        Map<String, Long> expected = new TreeMap<>();
        for (int file = 0; file < 5; file++) {
            StringBuilder text = new StringBuilder("city,amount\n");
            for (int i = 0; i < 500; i++) {
                String city = cities[random.nextInt(cities.length)];
                expected.merge(city, 1L, Long::sum);
                text.append('"').append(city).append("\",").append(i).append('\n');
            }
            Files.writeString(dir.resolve(file + ".csv"), text);
        }
        update("CREATE MAPPING f (city VARCHAR, amount INT) TYPE File " + options("csv"));
        List<List<Object>> expectedRows = new ArrayList<>();
        expected.forEach((city, count) -> expectedRows.add(row(city, count)));
        assertThat(rows("SELECT city, COUNT(*) FROM f GROUP BY city ORDER BY city")).containsExactlyElementsOf(expectedRows);
    }

    private String options(String format, String... more) {
        return "OPTIONS ('path' = '" + dir + "', 'format' = '" + format + "'"
                + Stream.of(more).map(o -> ", " + o).reduce("", String::concat) + ")";
    }

    /** The names of the files in a directory, hidden ones (the sink's temporary files) included. */
    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
