package io.contrail.snapshot;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.snapshot.SnapshotCorruptedException.Problem;
import io.contrail.snapshot.impl.ExportCatalog;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Exported snapshots on disk: they survive a restart of every member, damaged files are reported
 * and never used, and other members keep copies. Members start and stop per test: restarts are
 * the point.
 */
class ExportedSnapshotDiskTest {

    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<SnapshotStore> stores = new ArrayList<>();

    @TempDir
    Path root;

    @AfterEach
    void stopAll() {
        stores.forEach(SnapshotStore::close);
        // the newest member first, so the others do not log it as suspected dead
        for (int i = members.size() - 1; i >= 0; i--) {
            members.get(i).shutdown();
        }
    }

    private SnapshotStore start(String cluster, Path directory) {
        HazelcastInstance hz = TestMembers.newMember(cluster);
        members.add(hz);
        SnapshotStore store = new SnapshotStore(hz,
                SnapshotStoreConfig.defaults().withChunkSizeBytes(4096).withSnapshotDirectory(directory));
        stores.add(store);
        return store;
    }

    private void stopAllMembers() {
        stopAll();
        stores.clear();
        members.clear();
    }

    private static String newCluster() {
        return TestMembers.clusterName(ExportedSnapshotDiskTest.class);
    }

    private static List<String> fileNames(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void exportsSurviveARestartOfEveryMember() throws Exception {
        Path dir = root.resolve("snapshots"); // created by the store
        SnapshotStore store = start(newCluster(), dir);
        SnapshotMetadata v1 = TestSnapshots.take(store, 1, 1, List.of("agg", "src"), 3, 2_000, 0);
        SnapshotMetadata v2 = TestSnapshots.take(store, 1, 2, List.of("agg", "src"), 3, 1_000, 7);
        store.export("daily", v1);
        ExportedSnapshotInfo daily = store.export("daily", v2); // replaces file and maps
        ExportedSnapshotInfo weekly = store.export("weekly", v1);
        assertThat(fileNames(dir)).containsExactly("daily.snapshot", "weekly.snapshot");

        stopAllMembers();
        SnapshotStore restarted = start(newCluster(), dir);

        assertThat(restarted.listExported()).containsExactly(daily, weekly);
        assertThat(restarted.unreadableExports()).isEmpty();
        SnapshotReader reader = restarted.openExported("daily");
        assertThat(reader.exportInfo()).contains(daily);
        for (String vertex : List.of("agg", "src")) {
            assertThat(TestSnapshots.read(reader, vertex)).isEqualTo(TestSnapshots.expected(vertex, 3, 1_000, 7));
        }
        assertThat(TestSnapshots.read(restarted.openExported("weekly"), "agg"))
                .isEqualTo(TestSnapshots.expected("agg", 3, 2_000, 0));
        assertThat(restarted.lastComplete(1)).as("job snapshots live in IMaps only").isEmpty();

        assertThat(restarted.deleteExported("weekly")).isTrue();
        assertThat(fileNames(dir)).containsExactly("daily.snapshot");
        stopAllMembers();
        assertThat(start(newCluster(), dir).listExported()).extracting(ExportedSnapshotInfo::name)
                .containsExactly("daily");
    }

    @Test
    void damagedFilesAreReportedAndNeverUsed() throws Exception {
        Path dir = root.resolve("snapshots");
        SnapshotStore store = start(newCluster(), dir);
        SnapshotMetadata source = TestSnapshots.take(store, 1, 1, List.of("v"), 2, 3_000, 0);
        store.export("good", source);
        stopAllMembers();

        byte[] good = Files.readAllBytes(dir.resolve("good.snapshot"));
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x04;
        Files.write(dir.resolve("flipped.snapshot"), flipped);
        Files.write(dir.resolve("truncated.snapshot"), Arrays.copyOf(good, good.length - 1000));
        Files.writeString(dir.resolve("junk.snapshot"), "not a snapshot at all");
        byte[] future = good.clone();
        future[11] = 2; // file format version 2
        Files.write(dir.resolve("future.snapshot"), future);
        Files.write(dir.resolve(".good.12345.tmp"), new byte[10]); // an interrupted export
        Files.write(dir.resolve("bad name.snapshot"), good);

        CapturingAppender warnings = CapturingAppender.attachTo(ExportCatalog.class);
        SnapshotStore restarted;
        try {
            restarted = start(newCluster(), dir);
        } finally {
            warnings.detach();
        }

        assertThat(restarted.listExported()).extracting(ExportedSnapshotInfo::name).containsExactly("good");
        assertThat(restarted.unreadableExports()).containsOnlyKeys("flipped", "future", "junk", "truncated");
        assertThat(restarted.unreadableExports().get("junk")).contains(dir.resolve("junk.snapshot").toString());
        assertThat(warnings.messages).anySatisfy(m -> assertThat(m).contains("flipped.snapshot is not loaded")
                .contains("checksum mismatch"));
        assertThat(warnings.messages).anySatisfy(m -> assertThat(m).contains("bad name.snapshot")
                .contains("not a valid exported snapshot name"));
        assertThat(fileNames(dir)).doesNotContain(".good.12345.tmp").contains("bad name.snapshot");

        assertCorrupted(restarted, "flipped", Problem.CHECKSUM_MISMATCH, "checksum mismatch");
        assertCorrupted(restarted, "truncated", Problem.INVALID_FILE, "the file is truncated");
        assertCorrupted(restarted, "junk", Problem.INVALID_FILE, "does not start with the magic bytes");
        assertCorrupted(restarted, "future", Problem.INVALID_FILE, "file format version 2");

        assertThat(restarted.deleteExported("junk")).isTrue();
        assertThat(restarted.unreadableExports()).doesNotContainKey("junk");
        assertThat(fileNames(dir)).doesNotContain("junk.snapshot");
        assertThat(TestSnapshots.read(restarted.openExported("good"), "v"))
                .isEqualTo(TestSnapshots.expected("v", 2, 3_000, 0));
    }

    private static void assertCorrupted(SnapshotStore store, String name, Problem problem, String reason) {
        Throwable thrown = catchThrowable(() -> store.openExported(name));
        assertThat(thrown).as(name).isInstanceOf(SnapshotCorruptedException.class)
                .hasMessageContaining("Exported snapshot file ")
                .hasMessageContaining(name + ".snapshot")
                .hasMessageContaining(reason);
        assertThat(((SnapshotCorruptedException) thrown).problem()).isEqualTo(problem);
    }

    @Test
    void otherMembersKeepCopiesSoThatAnyDiskSurvivesAlone() throws Exception {
        String cluster = newCluster();
        Path dirA = root.resolve("a");
        Path dirB = root.resolve("b");
        SnapshotStore a = start(cluster, dirA);
        SnapshotStore b = start(cluster, dirB);
        await().atMost(Duration.ofSeconds(20)).until(() -> members.get(0).getCluster().getMembers().size() == 2);

        SnapshotMetadata source = TestSnapshots.take(a, 1, 1, List.of("v"), 2, 500, 0);
        a.export("shared", source);
        a.export("gone", source);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dirB.resolve("shared.snapshot"))
                && Files.exists(dirB.resolve("gone.snapshot")));
        assertThat(Files.readAllBytes(dirB.resolve("shared.snapshot")))
                .isEqualTo(Files.readAllBytes(dirA.resolve("shared.snapshot")));

        assertThat(b.deleteExported("gone")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(dirA.resolve("gone.snapshot")));

        stopAllMembers();
        SnapshotStore onlyB = start(newCluster(), dirB);
        assertThat(onlyB.listExported()).extracting(ExportedSnapshotInfo::name).containsExactly("shared");
        assertThat(TestSnapshots.read(onlyB.openExported("shared"), "v"))
                .isEqualTo(TestSnapshots.expected("v", 2, 500, 0));
    }

    /** Collects what one logger logs, for asserting on warnings. */
    static final class CapturingAppender extends AbstractAppender {

        final List<String> messages = new CopyOnWriteArrayList<>();
        private org.apache.logging.log4j.core.Logger logger;

        private CapturingAppender() {
            super("capture", null, null, true, Property.EMPTY_ARRAY);
        }

        static CapturingAppender attachTo(Class<?> type) {
            CapturingAppender appender = new CapturingAppender();
            appender.start();
            appender.logger = (org.apache.logging.log4j.core.Logger) LogManager.getLogger(type);
            appender.logger.addAppender(appender);
            return appender;
        }

        void detach() {
            logger.removeAppender(this);
            stop();
        }

        @Override
        public void append(LogEvent event) {
            messages.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
        }
    }
}
