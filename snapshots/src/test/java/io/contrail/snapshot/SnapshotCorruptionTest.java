package io.contrail.snapshot;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.contrail.snapshot.SnapshotCorruptedException.Problem;
import io.contrail.snapshot.impl.ByteSink;
import io.contrail.snapshot.impl.Chunks;
import io.contrail.snapshot.impl.Manifest;
import io.contrail.snapshot.impl.ManifestCodec;
import io.contrail.snapshot.impl.SnapshotMaps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of damage to a stored snapshot is detected and named; the snapshot is never used. */
class SnapshotCorruptionTest {

    private static final AtomicLong JOB_IDS = new AtomicLong(1_000);
    private static HazelcastInstance hz;
    private static SnapshotStore store;

    @BeforeAll
    static void start() {
        hz = TestMembers.newMember(TestMembers.clusterName(SnapshotCorruptionTest.class));
        store = new SnapshotStore(hz, SnapshotStoreConfig.defaults().withChunkSizeBytes(1024));
    }

    @AfterAll
    static void stop() {
        store.close();
        hz.shutdown();
    }

    /** Job "job-N" with vertices "agg" and "src", 2 processors each, 300 entries each: several chunks per writer. */
    private static SnapshotMetadata snapshot(long jobId) throws Exception {
        return TestSnapshots.take(store, jobId, 7, List.of("agg", "src"), 2, 300, 0);
    }

    private static IMap<String, byte[]> slot(SnapshotMetadata metadata) {
        return hz.getMap(SnapshotMaps.slotMapName(metadata.jobId(), metadata.slot()));
    }

    private static String chunkKey(SnapshotMetadata metadata, String vertex, int processor, int chunkNo) {
        return Chunks.chunkKey(metadata.snapshotId(), vertex, processor, chunkNo);
    }

    private static SnapshotCorruptedException corruption(SnapshotMetadata metadata) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> store.openReader(metadata));
        assertThat(thrown).isInstanceOf(SnapshotCorruptedException.class);
        SnapshotCorruptedException e = (SnapshotCorruptedException) thrown;
        assertThat(e.getMessage())
                .startsWith("Snapshot 7 of job 'job-" + metadata.jobId() + "' (id " + metadata.jobId() + ") is corrupted")
                .contains("cannot be restored from");
        return e;
    }

    @Test
    void missingChunkIsNamed() throws Exception {
        SnapshotMetadata metadata = snapshot(JOB_IDS.incrementAndGet());
        slot(metadata).delete(chunkKey(metadata, "agg", 1, 2));
        SnapshotCorruptedException e = corruption(metadata);
        assertThat(e.problems()).containsExactly(Problem.MISSING_CHUNK);
        assertThat(e.getMessage()).contains("chunk 2 (of ").contains("of vertex 'agg' processor 1 is missing");
    }

    @Test
    void flippedChunkBytesAreAChecksumMismatch() throws Exception {
        SnapshotMetadata metadata = snapshot(JOB_IDS.incrementAndGet());
        String key = chunkKey(metadata, "src", 0, 1);
        byte[] chunk = slot(metadata).get(key);
        chunk[chunk.length / 2] ^= 0x01;
        slot(metadata).set(key, chunk);
        SnapshotCorruptedException e = corruption(metadata);
        assertThat(e.problem()).isEqualTo(Problem.CHECKSUM_MISMATCH);
        assertThat(e.getMessage()).contains("chunk 1 (of ").contains("of vertex 'src' processor 0: checksum mismatch");
    }

    @Test
    void alteredChunkHeaderIsDetected() throws Exception {
        SnapshotMetadata metadata = snapshot(JOB_IDS.incrementAndGet());
        String key = chunkKey(metadata, "src", 1, 0);
        byte[] chunk = slot(metadata).get(key);
        ByteSink.putInt(chunk, 0, Chunks.entryCount(chunk) + 1); // the header's entry count is not in the chunk CRC
        slot(metadata).set(key, chunk);
        SnapshotCorruptedException e = corruption(metadata);
        assertThat(e.problems()).containsExactly(Problem.COUNT_MISMATCH, Problem.CHECKSUM_MISMATCH);
        assertThat(e.getMessage()).contains("vertex 'src' processor 1: its chunks hold 301 entries but the"
                + " verification record says 300");
    }

    @Test
    void missingVerificationRecordMeansTheSnapshotIsNotComplete() throws Exception {
        SnapshotMetadata metadata = snapshot(JOB_IDS.incrementAndGet());
        slot(metadata).delete(Chunks.verificationKey(metadata.snapshotId()));
        SnapshotCorruptedException e = corruption(metadata);
        assertThat(e.problems()).containsExactly(Problem.MISSING_VERIFICATION_RECORD);
        assertThat(e.getMessage()).contains("its verification record is missing");
    }

    @Test
    void damagedVerificationRecordIsDetected() throws Exception {
        SnapshotMetadata metadata = snapshot(JOB_IDS.incrementAndGet());
        String key = Chunks.verificationKey(metadata.snapshotId());
        byte[] record = slot(metadata).get(key);
        record[20] ^= 0x40;
        slot(metadata).set(key, record);
        SnapshotCorruptedException e = corruption(metadata);
        assertThat(e.problem()).isEqualTo(Problem.CHECKSUM_MISMATCH);
        assertThat(e.getMessage()).contains("its verification record is unreadable: record checksum mismatch");
    }

    @Test
    void metadataThatDisagreesWithTheVerificationRecordIsACountMismatch() throws Exception {
        SnapshotMetadata m = snapshot(JOB_IDS.incrementAndGet());
        SnapshotMetadata claimed = new SnapshotMetadata(m.jobId(), m.jobName(), m.snapshotId(), m.slot(),
                m.entryCount() + 5, m.chunkCount(), m.totalBytes(), m.checksum(), m.completedAt(), m.formatVersion(),
                m.vertices());
        SnapshotCorruptedException e = corruption(claimed);
        assertThat(e.problems()).containsExactly(Problem.COUNT_MISMATCH);
        assertThat(e.getMessage()).contains("the snapshot's metadata says 1205 entries, the verification record"
                + " says 1200");
    }

    @Test
    void verificationRecordThatDisagreesWithTheDataIsACountMismatch() throws Exception {
        SnapshotMetadata metadata = snapshot(JOB_IDS.incrementAndGet());
        // a self-consistent record (totals and combined checksum recomputed) claiming one entry more
        Manifest real = ManifestCodec.decode(slot(metadata).get(Chunks.verificationKey(metadata.snapshotId())));
        List<WriterSummary> forged = new ArrayList<>();
        for (WriterSummary w : real.writers()) {
            boolean target = w.vertexName().equals("agg") && w.processorIndex() == 0;
            forged.add(new WriterSummary(w.jobId(), w.snapshotId(), w.vertexName(), w.processorIndex(),
                    w.entryCount() + (target ? 1 : 0), w.byteCount(), w.chunkCount(), w.checksum()));
        }
        Manifest lie = Manifest.of(metadata.jobId(), metadata.jobName(), metadata.snapshotId(), metadata.slot(),
                metadata.completedAt(), forged);
        slot(metadata).set(Chunks.verificationKey(metadata.snapshotId()), ManifestCodec.encode(lie));
        SnapshotCorruptedException e = corruption(lie.metadata());
        assertThat(e.problems()).containsExactly(Problem.COUNT_MISMATCH);
        assertThat(e.getMessage()).contains("vertex 'agg' processor 0: its chunks hold 300 entries but the"
                + " verification record says 301");
    }

    @Test
    void severalProblemsAreAllListed() throws Exception {
        SnapshotMetadata metadata = snapshot(JOB_IDS.incrementAndGet());
        slot(metadata).delete(chunkKey(metadata, "agg", 0, 0));
        slot(metadata).delete(chunkKey(metadata, "src", 1, 1));
        SnapshotCorruptedException e = corruption(metadata);
        assertThat(e.problems()).containsExactly(Problem.MISSING_CHUNK, Problem.MISSING_CHUNK);
        assertThat(e.getMessage()).contains("vertex 'agg' processor 0 is missing")
                .contains("vertex 'src' processor 1 is missing");
    }

    @Test
    void entriesThatPassTheirChecksumsButDoNotDecodeAreReportedWhenRead() throws Exception {
        long jobId = JOB_IDS.incrementAndGet();
        SnapshotSession session = store.begin(jobId, "job-" + jobId, 7);
        SnapshotWriter writer = session.newWriter("agg", 0);
        writer.write("k", 1L);
        WriterSummary real = writer.close();
        // replace the chunk by a well-sealed one holding an unknown type tag
        byte[] chunk = new byte[Chunks.HEADER_SIZE + 2];
        chunk[Chunks.HEADER_SIZE] = 0x55;
        Chunks.seal(chunk, chunk.length, 1);
        CRC32C crc = new CRC32C();
        crc.update(chunk);
        IMap<String, byte[]> slot = hz.getMap(SnapshotMaps.slotMapName(jobId, session.target().slot()));
        slot.set(Chunks.chunkKey(7, "agg", 0, 0), chunk);
        SnapshotMetadata metadata = session.complete(List.of(new WriterSummary(jobId, 7, "agg", 0, 1, chunk.length,
                1, crc.getValue())));

        SnapshotReader reader = store.openReader(metadata);
        assertThatThrownBy(() -> reader.forEachEntry("agg", (k, v) -> { }))
                .isInstanceOf(SnapshotCorruptedException.class)
                .hasMessageContaining("Snapshot 7 of job 'job-" + jobId + "'")
                .hasMessageContaining("chunk 0 of vertex 'agg' processor 0: entry 0 cannot be decoded: unknown type"
                        + " tag 0x55")
                .satisfies(e -> assertThat(((SnapshotCorruptedException) e).problem())
                        .isEqualTo(Problem.UNREADABLE_DATA));
        assertThat(real.entryCount()).isEqualTo(1);
    }

    @Test
    void aCorruptedSnapshotIsNotExported() throws Exception {
        SnapshotMetadata metadata = snapshot(JOB_IDS.incrementAndGet());
        slot(metadata).delete(chunkKey(metadata, "agg", 0, 0));
        assertThatThrownBy(() -> store.export("from-corrupted", metadata))
                .isInstanceOf(SnapshotCorruptedException.class).hasMessageContaining("is missing");
        assertThat(store.exported("from-corrupted")).isEmpty();
    }

    @Test
    void anUnreadableJobRecordIsReported() {
        long jobId = JOB_IDS.incrementAndGet();
        IMap<Long, byte[]> records = hz.getMap(SnapshotMaps.RECORDS);
        records.set(jobId, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThatThrownBy(() -> store.lastComplete(jobId)).isInstanceOf(SnapshotCorruptedException.class)
                .hasMessageContaining("The last complete snapshot of job id " + jobId + " is corrupted")
                .hasMessageContaining("its record is unreadable");
        records.delete(jobId);
    }
}
