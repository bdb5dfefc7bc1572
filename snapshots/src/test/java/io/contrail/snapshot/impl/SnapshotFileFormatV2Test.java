package io.contrail.snapshot.impl;

import io.contrail.snapshot.SnapshotMetadata;
import io.contrail.snapshot.WriterSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards format version 2 (compact records and enums with a per-chunk class dictionary):
 * {@code format-v2/golden.snapshot} was written by this code once and is committed. Today's code
 * must read it and must write the very same bytes for the same content. If this fails after a
 * deliberate format change, bump the version, keep reading version 2, and add a golden file of
 * the new version; never regenerate this one.
 *
 * <p>The golden file names the records and enum below by class and component names, so they must
 * never be renamed, moved or changed.
 *
 * <p>To create the golden file (only once, for a new version):
 * {@code ./mvnw -q -pl snapshots test -Dtest=SnapshotFileFormatV2Test -Dsnapshot.golden.write=v2}.
 */
class SnapshotFileFormatV2Test {

    private static final String RESOURCE = "/format-v2/golden.snapshot";

    record LongKeyFramesState(long watermark, long[] frameEnds, long[] values, long[] dirtyWindowEnds)
            implements Serializable {
    }

    record ProcessorIndexKey(int processorIndex) implements Serializable {
    }

    record PendingWrite(Object key) implements Serializable {
    }

    record KeyedFrame<K, A>(K key, long frameEnd, A accumulator) implements Serializable {
    }

    record Boxes(Integer count, String label, Double ratio, Boolean flag) implements Serializable {
    }

    record AllPrimitives(boolean z, int i, long l, float f, double d) implements Serializable {
    }

    record Empty() implements Serializable {
    }

    record WithJava(LocalDate date, ArrayList<String> list) implements Serializable {
    }

    enum Phase {
        OPEN,
        CLOSED {
            @Override
            public String toString() {
                return "closed";
            }
        }
    }

    /** Content of the golden file: vertex -> processor -> entries in order. */
    private static Map<String, Map<Integer, Map<Object, Object>>> content() {
        Map<Object, Object> records = new LinkedHashMap<>();
        records.put(new ProcessorIndexKey(0), new LongKeyFramesState(1_000, new long[]{1_000, 2_000},
                new long[]{5, -7}, new long[]{2_000}));
        records.put(new ProcessorIndexKey(1), new LongKeyFramesState(-1, new long[0], new long[0], null));
        records.put(new PendingWrite("user-1"), new PendingWrite(null));
        records.put(new KeyedFrame<>("k", 60_000L, 3L), new KeyedFrame<>(new ProcessorIndexKey(2), 0L,
                new AbstractMap.SimpleImmutableEntry<>("sum", 7L)));
        records.put(Phase.OPEN, Phase.CLOSED);
        records.put("nested", new PendingWrite(new PendingWrite(new Empty())));
        records.put("java", new WithJava(LocalDate.of(2024, 2, 29), new ArrayList<>(List.of("a", "b"))));
        records.put("boxes", new Boxes(1, "grüße", null, true));
        records.put("primitives", new AllPrimitives(true, -1, Long.MIN_VALUE, 1.5f, -0.0));
        // the second chunk defines its classes again
        records.put(new ProcessorIndexKey(3), new LongKeyFramesState(3, new long[]{3}, new long[]{-3}, new long[0]));
        records.put(Phase.CLOSED, new AbstractMap.SimpleEntry<>(Phase.OPEN, new Empty()));
        records.put(42L, "v1 types still work");
        records.put(new byte[]{1, 2}, new int[]{3});

        Map<String, Map<Integer, Map<Object, Object>>> content = new LinkedHashMap<>();
        content.put("records", Map.of(0, records));
        Map<Integer, Map<Object, Object>> frames = new LinkedHashMap<>();
        for (int processor = 0; processor < 2; processor++) {
            Map<Object, Object> states = new LinkedHashMap<>();
            for (long key = 0; key < 20; key++) {
                long w = key * 1_000 + processor;
                states.put(key, new LongKeyFramesState(w, new long[]{w + 1_000, w + 2_000},
                        new long[]{key, -key}, key % 2 == 0 ? new long[]{w + 1_000} : new long[0]));
            }
            frames.put(processor, states);
        }
        content.put("frames", frames);
        return content;
    }

    /**
     * Builds the golden file's manifest and chunks, two chunks per writer, encoded as the writer
     * does: one {@link ValueCodec.Encoder} per writer, reset for every chunk.
     */
    private static Manifest build(Map<WriterSummary, byte[][]> chunksOut) {
        List<WriterSummary> writers = new ArrayList<>();
        content().forEach((vertex, processors) -> processors.forEach((processor, entries) -> {
            List<byte[]> chunks = new ArrayList<>();
            ValueCodec.Encoder encoder = new ValueCodec.Encoder();
            ByteSink sink = new ByteSink(256);
            sink.writeLong(0);
            int inChunk = 0;
            int i = 0;
            for (Map.Entry<Object, Object> e : entries.entrySet()) {
                encoder.write(sink, e.getKey());
                encoder.write(sink, e.getValue());
                inChunk++;
                if (++i == entries.size() / 2 || i == entries.size()) {
                    Chunks.seal(sink.array(), sink.position(), inChunk);
                    chunks.add(sink.toByteArray());
                    sink.truncate(Chunks.HEADER_SIZE);
                    encoder.reset();
                    inChunk = 0;
                }
            }
            CRC32C crc = new CRC32C();
            long bytes = 0;
            for (byte[] chunk : chunks) {
                crc.update(chunk);
                bytes += chunk.length;
            }
            WriterSummary w = new WriterSummary(43, 10, vertex, processor, entries.size(), bytes, chunks.size(),
                    crc.getValue());
            writers.add(w);
            chunksOut.put(w, chunks.toArray(new byte[0][]));
        }));
        return Manifest.of(43, "golden-job-v2", 10, 0, Instant.parse("2025-06-07T08:09:10.111Z"), writers)
                .asExport("golden-v2", Instant.parse("2025-06-07T08:10:00Z"));
    }

    @Test
    void todaysCodeWritesTheGoldenBytes(@TempDir Path dir) throws Exception {
        Map<WriterSummary, byte[][]> chunks = new HashMap<>();
        Manifest manifest = build(chunks);
        SnapshotFile.write(dir, "golden", manifest, chunks::get);
        byte[] written = Files.readAllBytes(SnapshotFile.pathOf(dir, "golden"));
        if ("v2".equals(System.getProperty("snapshot.golden.write"))) {
            Path target = Paths.get("src/test/resources" + RESOURCE);
            Files.createDirectories(target.getParent());
            Files.write(target, written);
        }
        try (InputStream golden = getClass().getResourceAsStream(RESOURCE)) {
            assertThat(golden).as("golden file " + RESOURCE).isNotNull();
            assertThat(written).isEqualTo(golden.readAllBytes());
        }
    }

    @Test
    void theGoldenFileReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("golden.snapshot");
        try (InputStream golden = getClass().getResourceAsStream(RESOURCE)) {
            Files.write(file, golden.readAllBytes());
        }
        Map<WriterSummary, List<byte[]>> chunks = new HashMap<>();
        Manifest manifest = SnapshotFile.read(file, "golden file", (writer, chunkNo, chunk) ->
                chunks.computeIfAbsent(writer, w -> new ArrayList<>()).add(chunk));

        SnapshotMetadata metadata = manifest.metadata();
        assertThat(metadata.jobId()).isEqualTo(43);
        assertThat(metadata.jobName()).isEqualTo("golden-job-v2");
        assertThat(metadata.snapshotId()).isEqualTo(10);
        assertThat(metadata.formatVersion()).isEqualTo(2);
        assertThat(metadata.entryCount()).isEqualTo(53);
        assertThat(metadata.chunkCount()).isEqualTo(6);
        assertThat(metadata.vertices()).containsExactly("frames", "records");
        assertThat(manifest.export()).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("golden-v2"));

        Map<WriterSummary, byte[][]> arrays = new HashMap<>();
        chunks.forEach((w, list) -> arrays.put(w, list.toArray(new byte[0][])));
        ReaderImpl reader = new ReaderImpl(manifest, arrays, "golden file");
        content().forEach((vertex, processors) -> processors.forEach((processor, expected) -> {
            List<Object> read = new ArrayList<>();
            reader.forEachEntry(vertex, processor, (k, v) -> {
                read.add(Canonical.of(k));
                read.add(Canonical.of(v));
            });
            // Canonical compares records and arrays by content and class
            assertThat(read).as(vertex + "/" + processor).containsExactlyElementsOf(Canonical.flat(expected));
        }));
        List<Object> enums = new ArrayList<>();
        reader.forEachEntry("records", 0, (k, v) -> {
            if (k instanceof Phase) {
                enums.add(k);
            }
        });
        assertThat(enums).containsExactly(Phase.OPEN, Phase.CLOSED);
        assertThat(enums.get(1)).isSameAs(Phase.CLOSED);
    }
}
