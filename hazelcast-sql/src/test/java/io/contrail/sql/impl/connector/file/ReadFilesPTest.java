package io.contrail.sql.impl.connector.file;

import io.contrail.jet.core.test.TestSupport;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.impl.catalog.MappingColumn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@link ReadFilesP} under the processor drill: a one-row outbox, and a snapshot after every
 * {@code complete()} call restored into a fresh processor, which must continue where the saved
 * one stopped.
 */
class ReadFilesPTest {

    private static final List<MappingColumn> COLUMNS = List.of(new MappingColumn("n", SqlColumnType.BIGINT, "n"),
            new MappingColumn("s", SqlColumnType.VARCHAR, "s"));

    @TempDir
    Path dir;

    @BeforeEach
    void writeFiles() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "n,s\n1,a\n2,\"b,c\"\n3,\n");
        Files.writeString(dir.resolve("b.csv"), "s,n\nx,4\ny,5\n");
        Files.writeString(dir.resolve("c.csv"), "n\n6\n");
    }

    @Test
    void oneReader_readsAllFiles_inNameOrder() {
        verify(true, 0, 1).expectOutput(rows(
                new Object[]{1L, "a"}, new Object[]{2L, "b,c"}, new Object[]{3L, ""},
                new Object[]{4L, "x"}, new Object[]{5L, "y"}, new Object[]{6L, null}));
    }

    @Test
    void secondOfTwoReaders_readsEverySecondFile() {
        verify(true, 1, 2).expectOutput(rows(new Object[]{4L, "x"}, new Object[]{5L, "y"}));
        verify(false, 1, 2).expectOutput(rows(new Object[]{4L, "x"}, new Object[]{5L, "y"}));
    }

    private TestSupport verify(boolean sharedFileSystem, int index, int parallelism) {
        FileOptions options = FileOptions.of(Map.of("path", dir.toString(), "format", "csv",
                "sharedFileSystem", String.valueOf(sharedFileSystem)));
        return TestSupport.verifyProcessor(() -> new ReadFilesP(new FileTable("m", options, COLUMNS)))
                .contextSetup(context -> context.setProcessorIndex(index, parallelism))
                .outputChecker((expected, actual) -> Arrays.deepEquals(expected.toArray(), actual.toArray()));
    }

    private static List<Object> rows(Object[]... rows) {
        return List.of((Object[]) rows);
    }
}
