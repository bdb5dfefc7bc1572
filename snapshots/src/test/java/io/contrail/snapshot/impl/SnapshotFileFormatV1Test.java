package io.contrail.snapshot.impl;

import io.contrail.snapshot.SnapshotMetadata;
import io.contrail.snapshot.WriterSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
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
 * Guards format version 1: {@code format-v1/golden.snapshot} was written by this code once and is
 * committed. Today's code must read it and must write the very same bytes for the same content.
 * If this fails after a deliberate format change, bump the version, keep reading version 1, and
 * add a golden file of the new version; never regenerate this one.
 *
 * <p>Since format version 2 (compact records and enums, see {@link SnapshotFileFormatV2Test}),
 * new snapshots record version 2. Version 2 only added tags: every value of version 1's types
 * still encodes to the same bytes. So the write-back test builds its manifest with data format
 * version 1 explicitly ({@link Manifest#of(long, String, long, int, java.time.Instant, int, List)}),
 * which is exactly what an export of a version 1 snapshot writes, and the byte-for-byte
 * comparison now also proves that version 2 left the version 1 encodings untouched.
 *
 * <p>To create the golden file (only once, for a new version):
 * {@code ./mvnw -q -pl snapshots test -Dtest=SnapshotFileFormatV1Test -Dsnapshot.golden.write=true}.
 */
class SnapshotFileFormatV1Test {

    private static final String RESOURCE = "/format-v1/golden.snapshot";

    /** Content of the golden file: vertex -> processor -> entries in order. */
    private static Map<String, Map<Integer, Map<Object, Object>>> content() {
        Map<Object, Object> typed = new LinkedHashMap<>();
        typed.put(null, Boolean.TRUE);
        typed.put(Boolean.FALSE, -42);
        typed.put(Long.MIN_VALUE, Long.MAX_VALUE);
        typed.put(1.25d, -0.5f);
        typed.put("ascii", "grüße 日本");
        typed.put("bytes", new byte[]{0, 1, -1});
        typed.put("longs", new long[]{-1, 300});
        typed.put("ints", new int[]{7});
        typed.put("immutable", new AbstractMap.SimpleImmutableEntry<>("k", 1L));
        typed.put("mutable", new AbstractMap.SimpleEntry<>(2, "v"));
        typed.put("java", LocalDate.of(2024, 2, 29));
        Map<Object, Object> counts = new LinkedHashMap<>();
        for (long i = 0; i < 50; i++) {
            counts.put("key-" + i, i * i);
        }
        Map<String, Map<Integer, Map<Object, Object>>> content = new LinkedHashMap<>();
        content.put("types", Map.of(0, typed));
        content.put("counts", Map.of(0, counts, 3, Map.of("only", 3L)));
        return content;
    }

    /** Builds the golden file's manifest and chunks, two chunks per writer where it has enough entries. */
    private static Manifest build(Map<WriterSummary, byte[][]> chunksOut) {
        List<WriterSummary> writers = new ArrayList<>();
        content().forEach((vertex, processors) -> processors.forEach((processor, entries) -> {
            List<byte[]> chunks = new ArrayList<>();
            ByteSink sink = new ByteSink(256);
            sink.writeLong(0);
            int inChunk = 0;
            int i = 0;
            for (Map.Entry<Object, Object> e : entries.entrySet()) {
                ValueCodec.write(sink, e.getKey());
                ValueCodec.write(sink, e.getValue());
                inChunk++;
                if (++i == entries.size() / 2 || i == entries.size()) {
                    Chunks.seal(sink.array(), sink.position(), inChunk);
                    chunks.add(sink.toByteArray());
                    sink.truncate(Chunks.HEADER_SIZE);
                    inChunk = 0;
                }
            }
            CRC32C crc = new CRC32C();
            long bytes = 0;
            for (byte[] chunk : chunks) {
                crc.update(chunk);
                bytes += chunk.length;
            }
            WriterSummary w = new WriterSummary(42, 9, vertex, processor, entries.size(), bytes, chunks.size(),
                    crc.getValue());
            writers.add(w);
            chunksOut.put(w, chunks.toArray(new byte[0][]));
        }));
        return Manifest.of(42, "golden-job", 9, 1, Instant.parse("2025-01-02T03:04:05.678Z"), 1, writers)
                .asExport("golden", Instant.parse("2025-01-02T03:05:00Z"));
    }

    @Test
    void todaysCodeWritesTheGoldenBytes(@TempDir Path dir) throws Exception {
        Map<WriterSummary, byte[][]> chunks = new HashMap<>();
        Manifest manifest = build(chunks);
        SnapshotFile.write(dir, "golden", manifest, chunks::get);
        byte[] written = Files.readAllBytes(SnapshotFile.pathOf(dir, "golden"));
        if (Boolean.getBoolean("snapshot.golden.write")) {
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
        assertThat(metadata.jobId()).isEqualTo(42);
        assertThat(metadata.jobName()).isEqualTo("golden-job");
        assertThat(metadata.snapshotId()).isEqualTo(9);
        assertThat(metadata.formatVersion()).isEqualTo(1);
        assertThat(metadata.entryCount()).isEqualTo(62);
        assertThat(metadata.vertices()).containsExactly("counts", "types");
        assertThat(manifest.export()).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("golden"));

        Map<WriterSummary, byte[][]> arrays = new HashMap<>();
        chunks.forEach((w, list) -> arrays.put(w, list.toArray(new byte[0][])));
        ReaderImpl reader = new ReaderImpl(manifest, arrays, "golden file");
        content().forEach((vertex, processors) -> processors.forEach((processor, expected) -> {
            // flattened to key, value, key, value...: containsExactly compares arrays by content
            List<Object> read = new ArrayList<>();
            reader.forEachEntry(vertex, processor, (k, v) -> {
                read.add(k);
                read.add(v);
            });
            List<Object> want = new ArrayList<>();
            expected.forEach((k, v) -> {
                want.add(k);
                want.add(v);
            });
            assertThat(read).as(vertex + "/" + processor).containsExactly(want.toArray());
            assertThat(read.get(read.size() - 1)).hasSameClassAs(want.get(want.size() - 1));
        }));
    }
}
