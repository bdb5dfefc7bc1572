package io.contrail.snapshot.impl;

import io.contrail.snapshot.SnapshotCorruptedException.Problem;
import io.contrail.snapshot.SnapshotMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerificationTest {

    private static Manifest withFormatVersion(int version) {
        SnapshotMetadata m = new SnapshotMetadata(1, "job", 1, 0, 0, 0, 0, Manifest.combinedChecksum(List.of()),
                Instant.EPOCH, version, Set.of());
        return new Manifest(m, List.of(), Optional.empty());
    }

    @Test
    void formatVersions1And2AreReadOthersAreRefused() {
        for (int version : new int[]{1, 2}) {
            Problems problems = new Problems();
            Verification.checkConsistent(withFormatVersion(version), problems);
            assertThat(problems.isEmpty()).as("version " + version).isTrue();
        }
        for (int version : new int[]{0, 3}) {
            Problems problems = new Problems();
            Verification.checkConsistent(withFormatVersion(version), problems);
            assertThatThrownBy(() -> problems.throwIfAny("snapshot 1", "Advice."))
                    .hasMessageContaining("the data has format version " + version
                            + "; this Contrail reads versions 1 to 2")
                    .satisfies(e -> assertThat(((io.contrail.snapshot.SnapshotCorruptedException) e).problems())
                            .containsExactly(Problem.METADATA_MISMATCH));
        }
        assertThat(Manifest.of(1, "job", 1, 0, Instant.EPOCH, List.of()).metadata().formatVersion())
                .isEqualTo(ValueCodec.FORMAT_VERSION);
        assertThatThrownBy(() -> Manifest.of(1, "job", 1, 0, Instant.EPOCH, 3, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
