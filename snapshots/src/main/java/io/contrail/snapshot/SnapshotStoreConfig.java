package io.contrail.snapshot;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Settings of a member's {@link SnapshotStore}. Immutable; start from {@link #defaults()} and
 * derive with the {@code with...} methods.
 *
 * @param snapshotDirectory where exported snapshots are also written as files, so that they
 *                          survive a restart of every member; empty keeps them in IMaps only
 * @param chunkSizeBytes    a writer puts its entries into the IMap in chunks of about this many
 *                          bytes (a chunk holds at least one entry, so one huge entry makes one
 *                          bigger chunk); between {@value #MIN_CHUNK_SIZE} and
 *                          {@value #MAX_CHUNK_SIZE}
 * @param backupCount       synchronous backups of every snapshot IMap (names starting
 *                          {@code __contrail.snapshot}); 0 to 6
 */
public record SnapshotStoreConfig(Optional<Path> snapshotDirectory, int chunkSizeBytes, int backupCount) {

    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;
    public static final int MIN_CHUNK_SIZE = 1024;
    public static final int MAX_CHUNK_SIZE = 16 * 1024 * 1024;
    public static final int DEFAULT_BACKUP_COUNT = 1;
    /** Hazelcast's limit on synchronous backups. */
    public static final int MAX_BACKUP_COUNT = 6;

    public SnapshotStoreConfig {
        requireNonNull(snapshotDirectory, "snapshotDirectory is null");
        snapshotDirectory = snapshotDirectory.map(dir -> dir.toAbsolutePath().normalize());
        if (chunkSizeBytes < MIN_CHUNK_SIZE || chunkSizeBytes > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunkSizeBytes is " + chunkSizeBytes
                    + "; use a value between " + MIN_CHUNK_SIZE + " and " + MAX_CHUNK_SIZE
                    + " (default " + DEFAULT_CHUNK_SIZE + ")");
        }
        if (backupCount < 0 || backupCount > MAX_BACKUP_COUNT) {
            throw new IllegalArgumentException("backupCount is " + backupCount
                    + "; use a value between 0 and " + MAX_BACKUP_COUNT + " (default "
                    + DEFAULT_BACKUP_COUNT + ")");
        }
    }

    /** No snapshot directory, 64 KiB chunks, one backup. */
    public static SnapshotStoreConfig defaults() {
        return new SnapshotStoreConfig(Optional.empty(), DEFAULT_CHUNK_SIZE, DEFAULT_BACKUP_COUNT);
    }

    /** As this, but exported snapshots are also written to files in {@code directory}. */
    public SnapshotStoreConfig withSnapshotDirectory(Path directory) {
        return new SnapshotStoreConfig(Optional.of(requireNonNull(directory, "directory is null")),
                chunkSizeBytes, backupCount);
    }

    /** As this, but with the given chunk size. */
    public SnapshotStoreConfig withChunkSizeBytes(int bytes) {
        return new SnapshotStoreConfig(snapshotDirectory, bytes, backupCount);
    }

    /** As this, but with the given IMap backup count. */
    public SnapshotStoreConfig withBackupCount(int count) {
        return new SnapshotStoreConfig(snapshotDirectory, chunkSizeBytes, count);
    }
}
