package io.contrail.snapshot;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.snapshot.impl.SnapshotMaps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotStoreTest {

    private static final AtomicLong JOB_IDS = new AtomicLong(100);
    private static HazelcastInstance hz;
    private static SnapshotStore store;

    record Accumulator(long count, double sum) implements Serializable {
    }

    static final class NotSerializableState {
    }

    record FrameKey(String key, long frameEnd) implements Serializable {
    }

    record FramesState(long watermark, long[] frameEnds, long[] values) implements Serializable {
    }

    record Wrapper(Object inner) implements Serializable {
    }

    enum Phase { OPEN, CLOSED }

    @BeforeAll
    static void start() {
        hz = TestMembers.newMember(TestMembers.clusterName(SnapshotStoreTest.class));
        // small chunks, so that every writer stores several
        store = new SnapshotStore(hz, SnapshotStoreConfig.defaults().withChunkSizeBytes(1024).withBackupCount(2));
    }

    @AfterAll
    static void stop() {
        store.close();
        hz.shutdown();
    }

    @Test
    void concurrentWritersOfSeveralVerticesRoundTrip() throws Exception {
        long jobId = JOB_IDS.incrementAndGet();
        List<String> vertices = List.of("aggregate", "source", "join/left");
        SnapshotMetadata metadata = TestSnapshots.take(store, jobId, 1, vertices, 4, 2_000, 0);

        assertThat(metadata.jobId()).isEqualTo(jobId);
        assertThat(metadata.jobName()).isEqualTo("job-" + jobId);
        assertThat(metadata.entryCount()).isEqualTo(3 * 4 * 2_000);
        assertThat(metadata.chunkCount()).isGreaterThan(12);
        assertThat(metadata.vertices()).containsExactly("aggregate", "join/left", "source");
        assertThat(store.lastComplete(jobId)).contains(metadata);

        SnapshotReader reader = store.openReader(metadata);
        assertThat(reader.metadata()).isEqualTo(metadata);
        assertThat(reader.exportInfo()).isEmpty();
        assertThat(reader.writers()).hasSize(12);
        for (String vertex : vertices) {
            assertThat(TestSnapshots.read(reader, vertex)).isEqualTo(TestSnapshots.expected(vertex, 4, 2_000, 0));
        }
        List<Object> ofProcessor2 = new ArrayList<>();
        reader.forEachEntry("source", 2, (k, v) -> ofProcessor2.add(k));
        assertThat(ofProcessor2).hasSize(2_000).startsWith("source/2/0", "source/2/1").endsWith("source/2/1999");
        reader.forEachEntry("source", 99, (k, v) -> {
            throw new AssertionError("processor 99 wrote nothing");
        });
        assertThatThrownBy(() -> reader.forEachEntry("sink", (k, v) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no state of vertex 'sink'")
                .hasMessageContaining("[aggregate, join/left, source]");
    }

    @Test
    void allSupportedTypesAndJavaSerializedStateRoundTrip() {
        long jobId = JOB_IDS.incrementAndGet();
        SnapshotSession session = store.begin(jobId, "types", 1);
        Map<Object, Object> written = new HashMap<>();
        written.put("null", null);
        written.put(1, true);
        written.put(2L, 2.5);
        written.put(3.5f, "text ü");
        written.put("bytes", new byte[]{1, 2, 3});
        written.put("longs", new long[]{4, 5});
        written.put("ints", new int[]{6});
        written.put("entry", Map.entry("k", 1L));
        written.put(new Accumulator(1, 2), new Accumulator(3, 4.5));
        SnapshotWriter writer = session.newWriter("v", 0);
        written.forEach(writer::write);
        SnapshotMetadata metadata = session.complete(List.of(writer.close()));

        Map<Object, Object> read = new HashMap<>();
        store.openReader(metadata).forEachEntry("v", read::put);
        assertThat(read).usingRecursiveComparison().isEqualTo(written);
    }

    @Test
    void recordsAndEnumsRoundTripAcrossChunksAndFailedWrites() {
        long jobId = JOB_IDS.incrementAndGet();
        SnapshotSession session = store.begin(jobId, "records", 1);
        SnapshotWriter writer = session.newWriter("frames", 0);
        int n = 2_000;
        for (int i = 0; i < n; i++) {
            if (i % 97 == 0) {
                // fails after defining Wrapper and FrameKey in the chunk: the writer forgets them again
                assertThatThrownBy(() -> writer.write(new Wrapper(new FrameKey("bad", 0)),
                        new Wrapper(new NotSerializableState())))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("a value of class " + Wrapper.class.getName())
                        .hasMessageContaining("it references an object of class "
                                + NotSerializableState.class.getName() + ", which is not java.io.Serializable");
            }
            writer.write(new Wrapper(new FrameKey("k" + i, i * 1_000L)),
                    new FramesState(i, new long[]{i, i + 1}, new long[]{-i}));
            writer.write(Phase.values()[i % 2], new Wrapper(i % 3 == 0 ? null : Phase.CLOSED));
        }
        WriterSummary summary = writer.close();
        assertThat(summary.chunkCount()).isGreaterThan(20); // 1 KiB chunks: the dictionary starts anew in each
        SnapshotMetadata metadata = session.complete(List.of(summary));
        assertThat(metadata.formatVersion()).isEqualTo(2);

        List<Object> read = new ArrayList<>();
        store.openReader(metadata).forEachEntry("frames", (k, v) -> {
            read.add(k);
            read.add(v);
        });
        assertThat(read).hasSize(4 * n);
        for (int i = 0; i < n; i++) {
            assertThat(read.get(4 * i)).isEqualTo(new Wrapper(new FrameKey("k" + i, i * 1_000L)));
            FramesState state = (FramesState) read.get(4 * i + 1);
            assertThat(state.watermark()).isEqualTo(i);
            assertThat(state.frameEnds()).containsExactly(i, i + 1);
            assertThat(state.values()).containsExactly(-i);
            assertThat(read.get(4 * i + 2)).isSameAs(Phase.values()[i % 2]);
            assertThat(read.get(4 * i + 3)).isEqualTo(new Wrapper(i % 3 == 0 ? null : Phase.CLOSED));
        }
    }

    @Test
    void emptyWritersAndSnapshotsAreFine() {
        long jobId = JOB_IDS.incrementAndGet();
        SnapshotSession session = store.begin(jobId, "", 1);
        WriterSummary empty = session.newWriter("idle", 0).close();
        assertThat(empty.chunkCount()).isZero();
        SnapshotMetadata metadata = session.complete(List.of(empty));
        assertThat(metadata.entryCount()).isZero();
        assertThat(metadata.vertices()).containsExactly("idle");
        store.openReader(metadata).forEachEntry("idle", (k, v) -> {
            throw new AssertionError("no entries expected");
        });

        SnapshotSession stateless = store.begin(jobId, "", 2);
        SnapshotMetadata none = stateless.complete(List.of());
        assertThat(store.openReader(none).vertices()).isEmpty();
    }

    @Test
    void slotsAlternateAndAbortedOrRunningSnapshotsNeverDamageTheLastComplete() throws Exception {
        long jobId = JOB_IDS.incrementAndGet();
        List<String> vertices = List.of("v");
        SnapshotMetadata first = TestSnapshots.take(store, jobId, 1, vertices, 2, 500, 0);
        assertThat(first.slot()).isZero();

        // snapshot 2 writes into the other slot and is aborted
        SnapshotSession second = store.begin(jobId, "job", 2);
        assertThat(second.target().slot()).isEqualTo(1);
        TestSnapshots.writeAll(second, vertices, 2, 700, 1_000);
        second.abort();
        assertThat(hz.getMap(SnapshotMaps.slotMapName(jobId, 1)).size()).isZero();
        assertThat(store.lastComplete(jobId)).contains(first);
        assertThat(TestSnapshots.read(store.openReader(first), "v")).isEqualTo(TestSnapshots.expected("v", 2, 500, 0));
        assertThatThrownBy(() -> second.newWriter("v", 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aborted");

        // snapshot 3 reuses that slot; while it is being written, snapshot 1 stays readable
        SnapshotSession third = store.begin(jobId, "job", 3);
        assertThat(third.target().slot()).isEqualTo(1);
        List<WriterSummary> thirdWriters = TestSnapshots.writeAll(third, vertices, 2, 300, 2_000);
        assertThat(TestSnapshots.read(store.openReader(first), "v")).isEqualTo(TestSnapshots.expected("v", 2, 500, 0));
        SnapshotMetadata thirdDone = third.complete(thirdWriters);
        assertThat(store.lastComplete(jobId)).contains(thirdDone);

        // snapshot 4 goes back to slot 0 (clearing snapshot 1); snapshot 3 stays readable
        SnapshotSession fourth = store.begin(jobId, "job", 4);
        assertThat(fourth.target().slot()).isZero();
        TestSnapshots.writeAll(fourth, vertices, 1, 100, 3_000);
        assertThat(TestSnapshots.read(store.openReader(thirdDone), "v"))
                .isEqualTo(TestSnapshots.expected("v", 2, 300, 2_000));
        assertThatThrownBy(() -> store.openReader(first)).isInstanceOf(SnapshotCorruptedException.class)
                .hasMessageContaining("verification record is missing");
    }

    @Test
    void writersOnOtherMembersAttachToTheTarget() {
        long jobId = JOB_IDS.incrementAndGet();
        SnapshotSession coordinator = store.begin(jobId, "job", 1);
        SnapshotSession remote = store.attach(coordinator.target());
        SnapshotWriter local = coordinator.newWriter("v", 0);
        SnapshotWriter far = remote.newWriter("v", 1);
        local.write("a", 1L);
        far.write("b", 2L);
        WriterSummary farSummary = far.closeAsync().join();
        SnapshotMetadata metadata = coordinator.complete(List.of(local.close(), farSummary));
        assertThat(TestSnapshots.read(store.openReader(metadata), "v")).containsOnly(
                Map.entry("a", 1L), Map.entry("b", 2L));
    }

    @Test
    void misuseIsRefusedWithClearMessages() {
        long jobId = JOB_IDS.incrementAndGet();
        SnapshotSession session = store.begin(jobId, "orders", 5);
        SnapshotWriter writer = session.newWriter("agg", 3);
        writer.write("ok", 1L);

        assertThatThrownBy(() -> writer.write("key", new NotSerializableState()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vertex 'agg' processor 3")
                .hasMessageContaining("snapshot 5 of job 'orders'")
                .hasMessageContaining("value of class " + NotSerializableState.class.getName())
                .hasMessageContaining("java.io.Serializable");
        assertThatThrownBy(() -> writer.write(new NotSerializableState(), 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a key of class");
        writer.write("still fine", 2L);
        WriterSummary summary = writer.close();
        assertThat(summary.entryCount()).isEqualTo(2);
        assertThat(writer.close()).isEqualTo(summary);
        assertThatThrownBy(() -> writer.write("late", 3L)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");

        WriterSummary foreign = new WriterSummary(jobId, 4, "agg", 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> session.complete(List.of(summary, foreign)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to snapshot 4");
        assertThatThrownBy(() -> session.complete(List.of(summary, summary)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has two writer summaries");

        SnapshotMetadata metadata = session.complete(List.of(summary));
        assertThatThrownBy(() -> session.newWriter("agg", 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("completed");
        assertThatThrownBy(() -> session.complete(List.of(summary))).isInstanceOf(IllegalStateException.class);
        session.abort(); // no-op after completion
        assertThat(store.openReader(metadata).metadata()).isEqualTo(metadata);

        assertThatThrownBy(() -> store.begin(jobId, "orders", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must grow");
    }

    @Test
    void deleteJobSnapshotsRemovesSlotsAndRecord() throws Exception {
        long jobId = JOB_IDS.incrementAndGet();
        SnapshotMetadata metadata = TestSnapshots.take(store, jobId, 1, List.of("v"), 1, 100, 0);
        TestSnapshots.take(store, jobId, 2, List.of("v"), 1, 100, 0);
        store.deleteJobSnapshots(jobId);
        assertThat(store.lastComplete(jobId)).isEmpty();
        assertThat(hz.getMap(SnapshotMaps.slotMapName(jobId, 0)).size()).isZero();
        assertThat(hz.getMap(SnapshotMaps.slotMapName(jobId, 1)).size()).isZero();
        assertThatThrownBy(() -> store.openReader(metadata)).isInstanceOf(SnapshotCorruptedException.class);
    }

    @Test
    void snapshotMapsGetTheConfiguredBackups() {
        assertThat(hz.getConfig().findMapConfig(SnapshotMaps.slotMapName(1, 0)).getBackupCount()).isEqualTo(2);
        assertThat(hz.getConfig().findMapConfig(SnapshotMaps.RECORDS).getBackupCount()).isEqualTo(2);
        assertThat(hz.getConfig().findMapConfig("user-map").getBackupCount()).isEqualTo(1);
    }

    @Test
    void configIsValidated() {
        assertThatThrownBy(() -> SnapshotStoreConfig.defaults().withChunkSizeBytes(10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1024");
        assertThatThrownBy(() -> SnapshotStoreConfig.defaults().withBackupCount(7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 6");
    }
}
