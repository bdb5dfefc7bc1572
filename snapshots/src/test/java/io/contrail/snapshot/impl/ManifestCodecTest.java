package io.contrail.snapshot.impl;

import io.contrail.snapshot.WriterSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestCodecTest {

    private static Manifest sample() {
        return Manifest.of(7, "orders", 3, 1, Instant.parse("2024-05-01T10:00:00.123456Z"), List.of(
                new WriterSummary(7, 3, "b", 0, 10, 100, 1, 0xFFFF_FFFFL),
                new WriterSummary(7, 3, "a", 1, 5, 50, 2, 0x1234),
                new WriterSummary(7, 3, "a", 0, 0, 0, 0, 0)));
    }

    @Test
    void roundTrip() {
        Manifest manifest = sample().asExport("daily", Instant.parse("2024-05-02T00:00:00Z"));
        Manifest back = ManifestCodec.decode(ManifestCodec.encode(manifest));
        assertThat(back).isEqualTo(manifest);
        assertThat(back.writers()).extracting(w -> w.vertexName() + w.processorIndex()).containsExactly("a0", "a1", "b0");
        assertThat(back.metadata().entryCount()).isEqualTo(15);
        assertThat(back.metadata().chunkCount()).isEqualTo(3);
        assertThat(back.metadata().vertices()).containsExactly("a", "b");
        assertThat(back.metadata().completedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
        assertThat(back.exportInfo()).hasValueSatisfying(info -> {
            assertThat(info.name()).isEqualTo("daily");
            assertThat(info.checksum()).isEqualTo(manifest.metadata().checksum());
        });
    }

    @Test
    void combinedChecksumDoesNotDependOnOrder() {
        List<WriterSummary> writers = sample().writers();
        long forward = Manifest.combinedChecksum(writers);
        long backward = Manifest.combinedChecksum(List.of(writers.get(2), writers.get(0), writers.get(1)));
        assertThat(forward).isEqualTo(backward);
    }

    @Test
    void everyFlippedByteIsDetected() {
        byte[] bytes = ManifestCodec.encode(sample());
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= 0x10;
            assertThatThrownBy(() -> ManifestCodec.decode(copy)).as("byte " + i)
                    .isInstanceOf(MalformedDataException.class);
        }
    }

    @Test
    void duplicateOrForeignWritersAreRefused() {
        assertThatThrownBy(() -> Manifest.of(1, "j", 2, 0, Instant.now(), List.of(
                new WriterSummary(1, 2, "v", 0, 1, 1, 1, 1), new WriterSummary(1, 2, "v", 0, 1, 1, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vertex 'v' processor 0 has two");
        assertThatThrownBy(() -> Manifest.of(1, "j", 2, 0, Instant.now(), List.of(
                new WriterSummary(1, 9, "v", 0, 1, 1, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to snapshot 9 of job 1");
    }
}
