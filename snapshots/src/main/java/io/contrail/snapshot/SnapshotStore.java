package io.contrail.snapshot;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.contrail.snapshot.impl.ExportCatalog;
import io.contrail.snapshot.impl.MalformedDataException;
import io.contrail.snapshot.impl.ManifestCodec;
import io.contrail.snapshot.impl.Problems;
import io.contrail.snapshot.impl.ReaderImpl;
import io.contrail.snapshot.impl.SessionImpl;
import io.contrail.snapshot.impl.SnapshotLoader;
import io.contrail.snapshot.impl.SnapshotMaps;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A member's access to job snapshots and named exported snapshots. Create one per member, after
 * its Hazelcast instance started, and {@link #close()} it before the instance shuts down.
 *
 * <h2>Job snapshots</h2>
 * Each job has two storage slots, the IMaps {@code __contrail.snapshot.job.<jobId>.slot0} and
 * {@code ...slot1}. A snapshot is written to the slot that does <em>not</em> hold the job's last
 * complete snapshot, so taking (or failing to take) a snapshot never damages the one a restart
 * would restore from. {@link SnapshotSession#complete} writes a verification record into the slot
 * after all data and then points the job's record (IMap {@code __contrail.snapshot.records}, job
 * id to manifest) at the snapshot. {@link #openReader} verifies everything before it returns:
 * a snapshot that does not verify is never handed out; {@link SnapshotCorruptedException} says
 * what is wrong.
 *
 * <h2>Exported snapshots</h2>
 * {@link #export} copies a complete snapshot under a name; the copy outlives the job and can be
 * listed, opened and deleted. With a snapshot directory configured, each export is also written to
 * {@code <directory>/<name>.snapshot} (format in {@code snapshots/README.md}) and loaded again
 * when a member starts, so exports survive a restart of the whole cluster.
 *
 * <h2>Threading</h2>
 * Thread-safe. Every method except {@link #attach} and {@link #validateExportName} blocks on
 * IMaps (and for exports on disk), so call them from threads that may block, not from
 * cooperative processor threads.
 */
public final class SnapshotStore implements AutoCloseable {

    private final HazelcastInstance hz;
    private final SnapshotStoreConfig config;
    private final IMap<Long, byte[]> records;
    private final ExportCatalog exports;

    /**
     * Configures the snapshot IMaps ({@code __contrail.snapshot*}) with the configured backup
     * count and, with a snapshot directory, loads the exported snapshots found there (a file that
     * does not verify is logged and reported by {@link #unreadableExports()}).
     *
     * @throws SnapshotException if the snapshot directory cannot be created or listed
     */
    public SnapshotStore(HazelcastInstance hz, SnapshotStoreConfig config) {
        this.hz = requireNonNull(hz, "hz is null");
        this.config = requireNonNull(config, "config is null");
        SnapshotMaps.configure(hz, config.backupCount());
        this.records = hz.getMap(SnapshotMaps.RECORDS);
        this.exports = new ExportCatalog(hz, config.snapshotDirectory(), this::load);
    }

    public SnapshotStoreConfig config() {
        return config;
    }

    // ---- job snapshots ----------------------------------------------------------------------

    /**
     * Begins snapshot {@code snapshotId} of a job: picks the slot not holding the job's last
     * complete snapshot and clears what an earlier, unfinished snapshot left there.
     *
     * @param jobName for messages and listings; may be empty
     * @throws IllegalArgumentException if {@code snapshotId} is not greater than that of the
     *         job's last complete snapshot
     * @throws SnapshotCorruptedException if the job's record is unreadable
     */
    public SnapshotSession begin(long jobId, String jobName, long snapshotId) {
        requireNonNull(jobName, "jobName is null");
        Optional<SnapshotMetadata> last = lastComplete(jobId);
        if (last.isPresent() && snapshotId <= last.get().snapshotId()) {
            throw new IllegalArgumentException("Snapshot id " + snapshotId + " of job '" + jobName + "' (id " + jobId
                    + ") is not greater than that of its last complete snapshot, " + last.get().snapshotId()
                    + "; snapshot ids of a job must grow");
        }
        int slot = last.map(m -> 1 - m.slot()).orElse(0);
        SnapshotMaps.slotMap(hz, jobId, slot).clear();
        return new SessionImpl(hz, new SnapshotTarget(jobId, jobName, snapshotId, slot), config.chunkSizeBytes());
    }

    /**
     * A session for writing part of a snapshot begun on another member; clears nothing. Its
     * {@code complete} and {@code abort} work too, but the engine normally calls them on the
     * session from {@link #begin}.
     */
    public SnapshotSession attach(SnapshotTarget target) {
        requireNonNull(target, "target is null");
        return new SessionImpl(hz, target, config.chunkSizeBytes());
    }

    /**
     * The job's last complete snapshot, as recorded by {@link SnapshotSession#complete}; empty if
     * it has none (or its snapshots were deleted). Not verified: {@link #openReader} verifies.
     *
     * @throws SnapshotCorruptedException if the job's record is unreadable
     */
    public Optional<SnapshotMetadata> lastComplete(long jobId) {
        byte[] raw = records.get(jobId);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ManifestCodec.decode(raw).metadata());
        } catch (MalformedDataException e) {
            Problems problems = new Problems();
            problems.add(e.getMessage().contains("checksum") ? SnapshotCorruptedException.Problem.CHECKSUM_MISMATCH
                    : SnapshotCorruptedException.Problem.UNREADABLE_DATA, "its record is unreadable: " + e.getMessage());
            throw problems.toException("the last complete snapshot of job id " + jobId,
                    "Delete the job's snapshots and restore it from an exported snapshot or without state.");
        }
    }

    /**
     * Verifies a complete snapshot (its verification record matches {@code metadata}; every chunk
     * is present and matches its checksum; entry, chunk and byte counts add up) and returns a
     * reader holding its data.
     *
     * @throws SnapshotCorruptedException naming the job, the snapshot and every problem found
     * @throws SnapshotException if the IMaps cannot be read
     */
    public SnapshotReader openReader(SnapshotMetadata metadata) {
        return load(metadata);
    }

    private ReaderImpl load(SnapshotMetadata metadata) {
        requireNonNull(metadata, "metadata is null");
        return SnapshotLoader.load(SnapshotMaps.slotMap(hz, metadata.jobId(), metadata.slot()),
                metadata.snapshotId(), metadata, "the snapshot's metadata", metadata.describe(),
                "The job cannot be restored from it; restore from an exported snapshot or start without state.");
    }

    /** Deletes both slots and the record of a job. Its exported snapshots stay. */
    public void deleteJobSnapshots(long jobId) {
        records.delete(jobId);
        SnapshotMaps.slotMap(hz, jobId, 0).destroy();
        SnapshotMaps.slotMap(hz, jobId, 1).destroy();
    }

    // ---- exported snapshots -----------------------------------------------------------------

    /**
     * Checks that {@code name} can name an exported snapshot (and its file).
     *
     * @return the name
     * @throws IllegalArgumentException saying what a valid name looks like: 1 to 200 letters,
     *         digits, '.', '_' and '-', starting with a letter or digit
     */
    public static String validateExportName(String name) {
        return ExportCatalog.validateName(name);
    }

    /**
     * Exports a complete snapshot under {@code name}, replacing an export of that name: a reader
     * sees the old one or the new one, never a mix. The source is verified first. With a
     * snapshot directory, the file is written (atomically) before the export becomes visible.
     *
     * @throws IllegalArgumentException if the name is invalid
     * @throws SnapshotCorruptedException if the source does not verify; nothing is exported
     * @throws SnapshotException if the IMaps or the file cannot be written; nothing is exported
     */
    public ExportedSnapshotInfo export(String name, SnapshotMetadata source) {
        return exports.export(name, source);
    }

    /** All exported snapshots that can be opened, sorted by name. */
    public List<ExportedSnapshotInfo> listExported() {
        return exports.list();
    }

    /** The exported snapshot named {@code name}, if there is one that can be opened. */
    public Optional<ExportedSnapshotInfo> exported(String name) {
        return exports.info(name);
    }

    /**
     * Exports whose file failed verification when a member loaded its snapshot directory, and
     * which the cluster has no sound copy of: name to the reason, sorted by name. Opening one
     * fails with {@link SnapshotCorruptedException}; {@link #deleteExported} removes it.
     */
    public Map<String, String> unreadableExports() {
        return exports.unreadable();
    }

    /**
     * Verifies an exported snapshot and returns a reader of it.
     *
     * @throws IllegalArgumentException if the name is invalid or no export has it; the message
     *         lists the existing names
     * @throws SnapshotCorruptedException if it does not verify, or its file could not be loaded
     */
    public SnapshotReader openExported(String name) {
        return exports.open(name);
    }

    /**
     * Deletes an exported snapshot: its IMaps, its file on this member and, through an event,
     * the copies on other members' disks. Also removes an unreadable export's report and file.
     *
     * @return whether there was anything of that name
     */
    public boolean deleteExported(String name) {
        return exports.delete(name);
    }

    /**
     * Stops handling other members' export events; waits up to 10 s for a background file copy.
     * Leaves all data in place.
     */
    @Override
    public void close() {
        exports.close();
    }
}
