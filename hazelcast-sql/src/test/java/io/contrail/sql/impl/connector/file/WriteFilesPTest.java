package io.contrail.sql.impl.connector.file;

import io.contrail.jet.core.test.TestInbox;
import io.contrail.jet.core.test.TestOutbox;
import io.contrail.jet.core.test.TestProcessorContext;
import io.contrail.jet.job.ProcessingGuarantee;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.impl.catalog.MappingColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link WriteFilesP}: files appear whole, at completion or once a snapshot commits, never twice after a restore. */
class WriteFilesPTest {

    private static final List<MappingColumn> COLUMNS = List.of(new MappingColumn("n", SqlColumnType.BIGINT, "n"));

    @TempDir
    Path dir;

    @Test
    void complete_publishesOneFile() throws IOException {
        WriteFilesP p = init(new TestOutbox(1));
        p.process(0, rowsInbox(1, 2));
        assertThat(published()).isEmpty();
        assertThat(p.complete()).isTrue();
        p.close();
        assertThat(published()).containsExactly("0000000000000001-0-0.jsonl");
        assertThat(Files.readString(dir.resolve("0000000000000001-0-0.jsonl"))).isEqualTo("{\"n\":1}\n{\"n\":2}\n");
        assertThat(allFiles()).hasSize(1);
    }

    @Test
    void snapshot_rollsTheFile_andItsCommitPublishesIt() throws IOException {
        TestOutbox outbox = new TestOutbox(1);
        WriteFilesP p = init(outbox);
        p.process(0, rowsInbox(1));
        assertThat(p.saveToSnapshot()).isTrue();
        assertThat(published()).isEmpty();
        p.process(0, rowsInbox(2));
        assertThat(p.snapshotCommitFinish(true)).isTrue();
        assertThat(published()).containsExactly("0000000000000001-0-0.jsonl");
        assertThat(p.complete()).isTrue();
        assertThat(published()).containsExactly("0000000000000001-0-0.jsonl", "0000000000000001-0-1.jsonl");
    }

    @Test
    void restore_publishesTheSnapshotsFiles_dropsWhatCameAfter_andContinuesTheSequence() throws Exception {
        TestOutbox outbox = new TestOutbox(1);
        WriteFilesP failed = init(outbox);
        failed.process(0, rowsInbox(1, 2));
        assertThat(failed.saveToSnapshot()).isTrue();
        List<Map.Entry<Object, Object>> snapshot = new ArrayList<>();
        outbox.drainSnapshotBucket(snapshot);
        failed.process(0, rowsInbox(3));
        failed.close(); // fails before the snapshot's commit reached it
        assertThat(allFiles()).containsExactly(".0000000000000001-0-0.jsonl.tmp");

        WriteFilesP restored = init(new TestOutbox(1));
        restored.restoreFromSnapshot(new TestInbox().addAll(snapshot));
        assertThat(published()).containsExactly("0000000000000001-0-0.jsonl");
        restored.process(0, rowsInbox(3, 4));
        assertThat(restored.complete()).isTrue();
        restored.close();
        assertThat(allFiles()).containsExactly("0000000000000001-0-0.jsonl", "0000000000000001-0-1.jsonl");
        assertThat(Files.readString(dir.resolve("0000000000000001-0-1.jsonl"))).isEqualTo("{\"n\":3}\n{\"n\":4}\n");
    }

    private WriteFilesP init(TestOutbox outbox) {
        WriteFilesP p = new WriteFilesP(new FileTable("m", FileOptions.of(Map.of("path", dir.toString(), "format", "json")), COLUMNS));
        p.init(outbox, new TestProcessorContext().setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE));
        return p;
    }

    private static TestInbox rowsInbox(long... values) {
        TestInbox inbox = new TestInbox();
        for (long value : values) {
            inbox.add(new Object[]{value});
        }
        return inbox;
    }

    private List<String> published() throws IOException {
        return allFiles().stream().filter(name -> !name.startsWith(".")).toList();
    }

    private List<String> allFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
