package io.contrail.snapshot.impl;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import io.contrail.snapshot.ExportedSnapshotInfo;
import io.contrail.snapshot.SnapshotCorruptedException;
import io.contrail.snapshot.SnapshotException;
import io.contrail.snapshot.SnapshotMetadata;
import io.contrail.snapshot.WriterSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Named exported snapshots: the catalog IMap ({@value SnapshotMaps#EXPORTED}, name to
 * {@link CatalogEntry}), one data IMap per export, and, with a snapshot directory, one file per
 * export ({@link SnapshotFile}).
 *
 * <h2>Consistency</h2>
 * An export writes a fresh data map (chunks, then verification record), then its file, then swaps
 * the catalog entry and destroys the previous data map, all under the catalog's key lock for the
 * name. A reader that read the old entry and finds its map gone meanwhile retries with the new
 * entry, so it sees the old export or the new one, never a mix.
 *
 * <h2>Disk</h2>
 * On start, every {@code <name>.snapshot} file in the directory is verified in full and loaded
 * into the IMaps (eagerly) unless the cluster already holds the same or a newer export of that
 * name. A file that fails verification is logged as a warning naming the file and the reason and
 * is recorded in {@value SnapshotMaps#UNREADABLE}, so that opening it fails with that reason. The
 * member that exports writes its file synchronously; other members with a directory copy it from
 * the IMaps in the background when the export's event reaches them, and delete their copy on a
 * deletion event.
 *
 * <h2>Threading</h2>
 * Thread-safe. Public methods block on IMaps and disk. Event handling and background copies run on
 * one daemon thread per store, {@code contrail-snapshot-disk}.
 */
public final class ExportCatalog implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ExportCatalog.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final String EXPORTED_EVENT = "EXPORTED";
    private static final String DELETED_EVENT = "DELETED";
    private static final int OPEN_ATTEMPTS = 5;

    private final HazelcastInstance hz;
    private final Optional<Path> directory;
    private final Function<SnapshotMetadata, ReaderImpl> sourceOpener;
    private final IMap<String, byte[]> catalog;
    private final IMap<String, String> unreadable;
    private final ITopic<String> events;
    /** Null without a directory: nothing to do for other members' events then. */
    private final ExecutorService disk;
    private final UUID listenerId;

    /**
     * @param sourceOpener opens and verifies a job's complete snapshot, the source of an export
     */
    public ExportCatalog(HazelcastInstance hz, Optional<Path> directory, Function<SnapshotMetadata, ReaderImpl> sourceOpener) {
        this.hz = requireNonNull(hz, "hz is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.sourceOpener = requireNonNull(sourceOpener, "sourceOpener is null");
        this.catalog = hz.getMap(SnapshotMaps.EXPORTED);
        this.unreadable = hz.getMap(SnapshotMaps.UNREADABLE);
        this.events = hz.getTopic(SnapshotMaps.EVENTS);
        if (directory.isPresent()) {
            Path dir = directory.get();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new SnapshotException("Cannot create the snapshot directory " + dir + ": " + e
                        + ". Create it, make it writable for this process, or configure another directory.", e);
            }
            disk = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "contrail-snapshot-disk");
                thread.setDaemon(true);
                return thread;
            });
            listenerId = events.addMessageListener(this::onEvent);
            scan(dir);
        } else {
            disk = null;
            listenerId = null;
        }
    }

    /**
     * Checks that {@code name} can name an export and its file.
     *
     * @return the name
     * @throws IllegalArgumentException saying what a valid name looks like
     */
    public static String validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid exported snapshot name " + (name == null ? "null" : "'" + name + "'")
                    + ": use 1 to 200 characters from letters, digits, '.', '_' and '-', starting with a letter or"
                    + " digit (the name is also a file name)");
        }
        return name;
    }

    public ExportedSnapshotInfo export(String name, SnapshotMetadata source) {
        validateName(name);
        requireNonNull(source, "source is null");
        ReaderImpl reader = sourceOpener.apply(source);
        Manifest manifest = reader.manifest().asExport(name, Instant.now());
        String dataMapName = SnapshotMaps.EXPORT_DATA_PREFIX + name + "." + UUID.randomUUID();
        IMap<String, byte[]> dataMap = hz.getMap(dataMapName);
        boolean published = false;
        catalog.lock(name);
        try {
            storeData(dataMap, manifest, reader::chunksOf, "export '" + name + "'");
            if (directory.isPresent()) {
                Path file = SnapshotFile.pathOf(directory.get(), name);
                try {
                    SnapshotFile.write(directory.get(), name, manifest, reader::chunksOf);
                } catch (IOException e) {
                    throw new SnapshotException("Could not write exported snapshot '" + name + "' to " + file + ": "
                            + e + ". Nothing was exported; check the snapshot directory (space, permissions).", e);
                }
            }
            byte[] previous = catalog.put(name, new CatalogEntry(dataMapName, manifest).encode());
            published = true;
            unreadable.delete(name);
            if (previous != null) {
                destroyData(previous);
            }
        } finally {
            if (!published) {
                dataMap.destroy();
            }
            catalog.unlock(name);
        }
        events.publish(EXPORTED_EVENT + '\t' + name + '\t' + dataMapName);
        ExportedSnapshotInfo info = manifest.exportInfo().orElseThrow();
        LOGGER.info("Exported {} as '{}' ({} entries, {} bytes)", source.describe(), name, info.entryCount(),
                info.sizeBytes());
        return info;
    }

    /** Stores chunks with pipelined {@code setAsync}, then the verification record. */
    private static void storeData(IMap<String, byte[]> map, Manifest manifest, Function<WriterSummary, byte[][]> chunks,
                                  String what) {
        long snapshotId = manifest.metadata().snapshotId();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        try {
            for (WriterSummary writer : manifest.writers()) {
                byte[][] writerChunks = chunks.apply(writer);
                for (int chunkNo = 0; chunkNo < writerChunks.length; chunkNo++) {
                    String key = Chunks.chunkKey(snapshotId, writer.vertexName(), writer.processorIndex(), chunkNo);
                    pending.add(map.setAsync(key, writerChunks[chunkNo]).toCompletableFuture());
                    if (pending.size() >= SnapshotLoader.WINDOW) {
                        CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
                        pending.clear();
                    }
                }
            }
            CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
            map.set(Chunks.verificationKey(snapshotId), ManifestCodec.encode(manifest));
        } catch (RuntimeException e) {
            throw new SnapshotException("Could not store the data of " + what + ": " + e
                    + ". Retry when the cluster is healthy.", e);
        }
    }

    private void destroyData(byte[] entry) {
        try {
            hz.getMap(CatalogEntry.decode(entry).dataMap()).destroy();
        } catch (MalformedDataException e) {
            LOGGER.warn("A replaced export catalog entry is unreadable, its data map is left behind: {}", e.getMessage());
        }
    }

    public List<ExportedSnapshotInfo> list() {
        List<ExportedSnapshotInfo> result = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : catalog.entrySet()) {
            decodeEntry(e.getKey(), e.getValue()).flatMap(entry -> entry.manifest().exportInfo()).ifPresent(result::add);
        }
        result.sort(Comparator.comparing(ExportedSnapshotInfo::name));
        return result;
    }

    public Optional<ExportedSnapshotInfo> info(String name) {
        validateName(name);
        byte[] raw = catalog.get(name);
        return raw == null ? Optional.empty() : decodeEntry(name, raw).flatMap(e -> e.manifest().exportInfo());
    }

    /** Names of exports whose file could not be loaded, with the reason; sorted by name. */
    public Map<String, String> unreadable() {
        Map<String, String> result = new TreeMap<>();
        for (Map.Entry<String, String> e : unreadable.entrySet()) {
            result.put(e.getKey(), messageOf(e.getValue()));
        }
        return result;
    }

    private Optional<CatalogEntry> decodeEntry(String name, byte[] raw) {
        try {
            return Optional.of(CatalogEntry.decode(raw));
        } catch (MalformedDataException e) {
            LOGGER.warn("The export catalog entry of '{}' is unreadable and is not listed: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    public ReaderImpl open(String name) {
        validateName(name);
        for (int attempt = 1; ; attempt++) {
            byte[] raw = catalog.get(name);
            if (raw == null) {
                String reason = unreadable.get(name);
                if (reason != null) {
                    throw corruptedFrom(reason);
                }
                List<String> names = list().stream().map(ExportedSnapshotInfo::name).toList();
                throw new IllegalArgumentException("No exported snapshot named '" + name + "'; "
                        + (names.isEmpty() ? "there are no exported snapshots" : "the exported snapshots are "
                        + String.join(", ", names)));
            }
            CatalogEntry entry;
            try {
                entry = CatalogEntry.decode(raw);
            } catch (MalformedDataException e) {
                Problems problems = new Problems();
                problems.add(SnapshotCorruptedException.Problem.UNREADABLE_DATA,
                        "its catalog entry is unreadable: " + e.getMessage());
                throw problems.toException("exported snapshot '" + name + "'", deleteAdvice());
            }
            SnapshotMetadata metadata = entry.manifest().metadata();
            String subject = "exported snapshot '" + name + "' (" + metadata.describe() + ")";
            try {
                return SnapshotLoader.load(hz.getMap(entry.dataMap()), metadata.snapshotId(), metadata,
                        "the export catalog", subject, deleteAdvice());
            } catch (SnapshotException e) {
                if (attempt < OPEN_ATTEMPTS && !Arrays.equals(raw, catalog.get(name))) {
                    // replaced while we read it: reading may have re-created the destroyed map empty
                    hz.getMap(entry.dataMap()).destroy();
                    continue;
                }
                throw e;
            }
        }
    }

    private static String deleteAdvice() {
        return "Delete the export and export a sound snapshot under this name again.";
    }

    public boolean delete(String name) {
        validateName(name);
        boolean existed;
        catalog.lock(name);
        try {
            byte[] previous = catalog.remove(name);
            String reason = unreadable.remove(name);
            if (previous != null) {
                destroyData(previous);
            }
            boolean fileDeleted = false;
            if (directory.isPresent()) {
                Path file = SnapshotFile.pathOf(directory.get(), name);
                try {
                    fileDeleted = Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new SnapshotException("Removed exported snapshot '" + name + "' from the cluster but could"
                            + " not delete its file " + file + ": " + e + ". Delete the file by hand, or it is loaded"
                            + " again when this member restarts.", e);
                }
            }
            existed = previous != null || reason != null || fileDeleted;
        } finally {
            catalog.unlock(name);
        }
        events.publish(DELETED_EVENT + '\t' + name);
        return existed;
    }

    // ---- disk: start-up scan ----------------------------------------------------------------

    private void scan(Path dir) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted().toList();
        } catch (IOException e) {
            throw new SnapshotException("Cannot list the snapshot directory " + dir + ": " + e
                    + ". Make it readable for this process, or configure another directory.", e);
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (fileName.startsWith(".") && fileName.endsWith(".tmp")) {
                try {
                    Files.deleteIfExists(file);
                    LOGGER.info("Deleted {}, left behind by an interrupted export", file);
                } catch (IOException e) {
                    LOGGER.warn("Cannot delete {}, left behind by an interrupted export: {}", file, e.toString());
                }
                continue;
            }
            if (!fileName.endsWith(SnapshotFile.EXTENSION) || !Files.isRegularFile(file)) {
                continue;
            }
            String name = fileName.substring(0, fileName.length() - SnapshotFile.EXTENSION.length());
            if (!NAME.matcher(name).matches()) {
                LOGGER.warn("Ignoring {}: '{}' is not a valid exported snapshot name (1 to 200 letters, digits, '.',"
                        + " '_' and '-', starting with a letter or digit); rename the file to load it", file, name);
                continue;
            }
            restore(name, file);
        }
    }

    /** Loads one file into the cluster unless the cluster holds the same or a newer export. */
    private void restore(String name, Path file) {
        String subject = "exported snapshot file " + file + " (on member " + localAddress() + ")";
        catalog.lock(name);
        try {
            byte[] currentRaw = catalog.get(name);
            Optional<CatalogEntry> current = currentRaw == null ? Optional.empty() : decodeEntry(name, currentRaw);
            Manifest header;
            try {
                header = SnapshotFile.readManifest(file, subject);
            } catch (SnapshotCorruptedException e) {
                reportUnreadable(name, file, e, current.isPresent());
                return;
            } catch (IOException e) {
                reportUnreadable(name, file, ioProblem(subject, e), current.isPresent());
                return;
            }
            if (current.isPresent()) {
                Instant clusterTime = current.get().manifest().export().orElseThrow().exportedAt();
                Instant fileTime = header.export().orElseThrow().exportedAt();
                if (!clusterTime.isBefore(fileTime)) {
                    if (clusterTime.isAfter(fileTime)) {
                        LOGGER.info("{} holds an older export '{}' than the cluster; replacing the file", file, name);
                        String dataMap = current.get().dataMap();
                        disk.execute(() -> copyToDisk(name, dataMap));
                    }
                    return;
                }
            }
            String dataMapName = SnapshotMaps.EXPORT_DATA_PREFIX + name + "." + UUID.randomUUID();
            IMap<String, byte[]> dataMap = hz.getMap(dataMapName);
            Manifest manifest;
            try {
                manifest = loadFile(file, subject, dataMap);
            } catch (SnapshotCorruptedException e) {
                dataMap.destroy();
                reportUnreadable(name, file, e, current.isPresent());
                return;
            } catch (IOException e) {
                dataMap.destroy();
                reportUnreadable(name, file, ioProblem(subject, e), current.isPresent());
                return;
            } catch (RuntimeException e) {
                dataMap.destroy();
                throw e;
            }
            if (!manifest.export().orElseThrow().name().equals(name)) {
                // the file was renamed: its name is the export's name
                manifest = manifest.asExport(name, manifest.export().get().exportedAt());
                dataMap.set(Chunks.verificationKey(manifest.metadata().snapshotId()), ManifestCodec.encode(manifest));
            }
            byte[] previous = catalog.put(name, new CatalogEntry(dataMapName, manifest).encode());
            unreadable.delete(name);
            if (previous != null) {
                destroyData(previous);
            }
            LOGGER.info("Loaded exported snapshot '{}' ({}, {} entries) from {}", name, manifest.metadata().describe(),
                    manifest.metadata().entryCount(), file);
        } finally {
            catalog.unlock(name);
        }
    }

    private static Manifest loadFile(Path file, String subject, IMap<String, byte[]> dataMap) throws IOException {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        Manifest manifest = SnapshotFile.read(file, subject, (writer, chunkNo, chunk) -> {
            String key = Chunks.chunkKey(writer.snapshotId(), writer.vertexName(), writer.processorIndex(), chunkNo);
            pending.add(dataMap.setAsync(key, chunk).toCompletableFuture());
            if (pending.size() >= SnapshotLoader.WINDOW) {
                CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
                pending.clear();
            }
        });
        CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
        dataMap.set(Chunks.verificationKey(manifest.metadata().snapshotId()), ManifestCodec.encode(manifest));
        return manifest;
    }

    private SnapshotCorruptedException ioProblem(String subject, IOException e) {
        Problems problems = new Problems();
        problems.add(SnapshotCorruptedException.Problem.INVALID_FILE, "it cannot be read: " + e);
        SnapshotCorruptedException corrupted = problems.toException(subject, "Check the file's permissions.");
        corrupted.initCause(e);
        return corrupted;
    }

    private void reportUnreadable(String name, Path file, SnapshotCorruptedException e, boolean clusterHasIt) {
        if (clusterHasIt) {
            LOGGER.warn("Exported snapshot file {} is not loaded, the cluster keeps its own export '{}': {}",
                    file, name, e.getMessage());
            return;
        }
        LOGGER.warn("Exported snapshot file {} is not loaded; opening export '{}' fails until the file is fixed or"
                + " the export deleted: {}", file, name, e.getMessage());
        unreadable.set(name, e.problem().name() + '\n' + e.getMessage());
    }

    private static SnapshotCorruptedException corruptedFrom(String stored) {
        int newline = stored.indexOf('\n');
        SnapshotCorruptedException.Problem problem = SnapshotCorruptedException.Problem.INVALID_FILE;
        if (newline > 0) {
            try {
                problem = SnapshotCorruptedException.Problem.valueOf(stored.substring(0, newline));
            } catch (IllegalArgumentException e) {
                // a kind this version does not know: keep INVALID_FILE
            }
        }
        return new SnapshotCorruptedException(messageOf(stored), problem);
    }

    private static String messageOf(String stored) {
        return stored.substring(stored.indexOf('\n') + 1);
    }

    private String localAddress() {
        return hz.getCluster().getLocalMember().getAddress().toString();
    }

    // ---- disk: other members' events --------------------------------------------------------

    private void onEvent(Message<String> message) {
        Member publisher = message.getPublishingMember();
        if (publisher != null && publisher.getUuid().equals(hz.getCluster().getLocalMember().getUuid())) {
            return;
        }
        String[] parts = message.getMessageObject().split("\t");
        try {
            if (parts[0].equals(EXPORTED_EVENT) && parts.length == 3) {
                disk.execute(() -> copyToDisk(parts[1], parts[2]));
            } else if (parts[0].equals(DELETED_EVENT) && parts.length == 2) {
                disk.execute(() -> deleteCopy(parts[1]));
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Writes this member's file of an export another member made, if it is still current. */
    private void copyToDisk(String name, String dataMapName) {
        Path dir = directory.orElseThrow();
        try {
            byte[] raw = catalog.get(name);
            if (raw == null) {
                return;
            }
            CatalogEntry entry = CatalogEntry.decode(raw);
            if (!entry.dataMap().equals(dataMapName)) {
                return; // superseded by a newer export, whose event follows
            }
            SnapshotMetadata metadata = entry.manifest().metadata();
            ReaderImpl reader = SnapshotLoader.load(hz.getMap(dataMapName), metadata.snapshotId(), metadata,
                    "the export catalog", "exported snapshot '" + name + "'", deleteAdvice());
            SnapshotFile.write(dir, name, reader.manifest(), reader::chunksOf);
            if (catalog.get(name) == null) {
                Files.deleteIfExists(SnapshotFile.pathOf(dir, name)); // deleted while we copied
            } else {
                LOGGER.info("Wrote a copy of exported snapshot '{}' to {}", name, SnapshotFile.pathOf(dir, name));
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("Could not write a copy of exported snapshot '{}' to {}: {}. This member's disk lacks it;"
                    + " it survives a full restart only if another member has it on disk.", name,
                    SnapshotFile.pathOf(dir, name), e.toString());
        }
    }

    private void deleteCopy(String name) {
        Path file = SnapshotFile.pathOf(directory.orElseThrow(), name);
        try {
            if (!catalog.containsKey(name) && Files.deleteIfExists(file)) {
                LOGGER.info("Deleted {}: exported snapshot '{}' was deleted", file, name);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("Could not delete {} of deleted exported snapshot '{}': {}. Delete it by hand, or it is"
                    + " loaded again when this member restarts alone.", file, name, e.toString());
        }
    }

    @Override
    public void close() {
        if (disk == null) {
            return;
        }
        try {
            events.removeMessageListener(listenerId);
        } catch (RuntimeException e) {
            // the member is shutting down: the listener goes with it
        }
        disk.shutdown();
        try {
            if (!disk.awaitTermination(10, TimeUnit.SECONDS)) {
                LOGGER.warn("A background copy of an exported snapshot did not finish within 10 s of closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
