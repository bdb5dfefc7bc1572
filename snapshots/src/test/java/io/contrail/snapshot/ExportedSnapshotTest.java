package io.contrail.snapshot;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.snapshot.impl.ValueCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Named exported snapshots kept in IMaps only (no snapshot directory). */
class ExportedSnapshotTest {

    private static final AtomicLong JOB_IDS = new AtomicLong(5_000);
    private static HazelcastInstance hz;
    private static SnapshotStore store;

    @BeforeAll
    static void start() {
        hz = TestMembers.newMember(TestMembers.clusterName(ExportedSnapshotTest.class));
        store = new SnapshotStore(hz, SnapshotStoreConfig.defaults().withChunkSizeBytes(2048));
    }

    @AfterAll
    static void stop() {
        store.close();
        hz.shutdown();
    }

    @AfterEach
    void deleteExports() {
        for (ExportedSnapshotInfo info : store.listExported()) {
            store.deleteExported(info.name());
        }
    }

    @Test
    void exportListOpenDelete() throws Exception {
        long jobId = JOB_IDS.incrementAndGet();
        SnapshotMetadata source = TestSnapshots.take(store, jobId, 3, List.of("a", "b"), 2, 400, 0);
        ExportedSnapshotInfo info = store.export("nightly-1", source);

        assertThat(info.name()).isEqualTo("nightly-1");
        assertThat(info.jobId()).isEqualTo(jobId);
        assertThat(info.jobName()).isEqualTo("job-" + jobId);
        assertThat(info.snapshotId()).isEqualTo(3);
        assertThat(info.entryCount()).isEqualTo(1_600);
        assertThat(info.sizeBytes()).isEqualTo(source.totalBytes());
        assertThat(info.checksum()).isEqualTo(source.checksum());
        assertThat(info.formatVersion()).isEqualTo(ValueCodec.FORMAT_VERSION);
        assertThat(info.vertices()).containsExactly("a", "b");
        assertThat(store.listExported()).containsExactly(info);
        assertThat(store.exported("nightly-1")).contains(info);
        assertThat(store.exported("other")).isEmpty();

        SnapshotReader reader = store.openExported("nightly-1");
        assertThat(reader.exportInfo()).contains(info);
        assertThat(reader.metadata().snapshotId()).isEqualTo(3);
        assertThat(TestSnapshots.read(reader, "b")).isEqualTo(TestSnapshots.expected("b", 2, 400, 0));

        assertThat(store.deleteExported("nightly-1")).isTrue();
        assertThat(store.deleteExported("nightly-1")).isFalse();
        assertThat(store.listExported()).isEmpty();
    }

    @Test
    void exportsOutliveTheirJob() throws Exception {
        long jobId = JOB_IDS.incrementAndGet();
        SnapshotMetadata source = TestSnapshots.take(store, jobId, 1, List.of("v"), 1, 100, 0);
        store.export("keep", source);
        store.deleteJobSnapshots(jobId);
        assertThat(TestSnapshots.read(store.openExported("keep"), "v")).isEqualTo(TestSnapshots.expected("v", 1, 100, 0));
    }

    @Test
    void exportingUnderAnExistingNameReplacesIt() throws Exception {
        long jobId = JOB_IDS.incrementAndGet();
        SnapshotMetadata first = TestSnapshots.take(store, jobId, 1, List.of("v"), 1, 100, 0);
        SnapshotMetadata second = TestSnapshots.take(store, jobId, 2, List.of("v"), 1, 50, 1_000);
        store.export("latest", first);
        ExportedSnapshotInfo replaced = store.export("latest", second);

        assertThat(store.listExported()).containsExactly(replaced);
        assertThat(replaced.snapshotId()).isEqualTo(2);
        assertThat(TestSnapshots.read(store.openExported("latest"), "v"))
                .isEqualTo(TestSnapshots.expected("v", 1, 50, 1_000));
        // the replaced export's data map is gone: only the current one remains
        long exportMaps = hz.getDistributedObjects().stream()
                .filter(o -> o.getName().startsWith("__contrail.snapshot.export.latest.")).count();
        assertThat(exportMaps).isEqualTo(1);
    }

    @Test
    void readersSeeTheOldOrTheNewExportNeverAMix() throws Exception {
        long jobId = JOB_IDS.incrementAndGet();
        List<SnapshotMetadata> versions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            versions.add(TestSnapshots.take(store, jobId + i * 100_000, 1, List.of("v"), 2, 300, i * 1_000_000L));
        }
        store.export("hot", versions.get(0));
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Set<Long> saltsSeen = new HashSet<>();
        Thread reader = new Thread(() -> {
            try {
                while (!done.get()) {
                    Set<Long> salts = new HashSet<>();
                    store.openExported("hot").forEachEntry("v", (k, v) -> {
                        String key = (String) k;
                        long i = Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
                        salts.add((Long) v - i);
                    });
                    assertThat(salts).hasSize(1);
                    saltsSeen.addAll(salts);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        for (int round = 0; round < 15; round++) {
            store.export("hot", versions.get(round % 3));
        }
        done.set(true);
        reader.join();
        assertThat(failure.get()).isNull();
        assertThat(saltsSeen).isNotEmpty();
    }

    @Test
    void openingAMissingNameListsTheExistingOnes() throws Exception {
        assertThatThrownBy(() -> store.openExported("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No exported snapshot named 'nope'; there are no exported snapshots");
        SnapshotMetadata source = TestSnapshots.take(store, JOB_IDS.incrementAndGet(), 1, List.of("v"), 1, 10, 0);
        store.export("b-one", source);
        store.export("a-one", source);
        assertThatThrownBy(() -> store.openExported("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No exported snapshot named 'nope'; the exported snapshots are a-one, b-one");
        assertThat(store.listExported()).extracting(ExportedSnapshotInfo::name).containsExactly("a-one", "b-one");
    }

    @Test
    void badNamesAreRefused() throws Exception {
        SnapshotMetadata source = TestSnapshots.take(store, JOB_IDS.incrementAndGet(), 1, List.of("v"), 1, 10, 0);
        List<String> bad = new ArrayList<>(List.of("", " ", "  padded", "a/b", "..", "../up", ".hidden", "-dash",
                "with space", "tab\tname", "name.snapshot/", "ünïcödé", "x".repeat(201), "a\\b", "c:d"));
        for (String name : bad) {
            assertThatThrownBy(() -> store.export(name, source)).as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Invalid exported snapshot name '" + name + "'")
                    .hasMessageContaining("letters, digits, '.', '_' and '-'");
            assertThatThrownBy(() -> store.openExported(name)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.deleteExported(name)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SnapshotStore.validateExportName(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name null");
        for (String good : List.of("a", "A.b_c-1", "2024-05-01.daily", "x".repeat(200))) {
            assertThat(SnapshotStore.validateExportName(good)).isEqualTo(good);
        }
        assertThat(store.listExported()).isEmpty();
    }
}
