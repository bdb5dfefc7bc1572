package io.contrail.snapshot.impl;

import com.hazelcast.map.IMap;
import io.contrail.snapshot.SnapshotCorruptedException.Problem;
import io.contrail.snapshot.SnapshotException;
import io.contrail.snapshot.SnapshotMetadata;
import io.contrail.snapshot.WriterSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Loads a snapshot from an IMap and verifies it: the verification record first, then every chunk
 * it lists. Chunks are fetched with pipelined {@code getAsync} calls, {@value #WINDOW} at a time.
 *
 * <h2>Threading</h2>
 * Stateless; {@link #load} blocks on the IMap and may run on any thread that may block.
 */
public final class SnapshotLoader {

    static final int WINDOW = 64;

    private SnapshotLoader() {
    }

    /**
     * @param map        the slot or export map holding the snapshot
     * @param snapshotId which snapshot's verification record to read
     * @param expected   what the referrer expects the verification record to say
     * @param referrer   names the expectation in messages, e.g. "the job record"
     * @param subject    the snapshot, for messages: "snapshot 3 of job 'x' (id 7)"
     * @param advice     what the user can do if it is corrupted
     * @throws io.contrail.snapshot.SnapshotCorruptedException if verification fails
     * @throws SnapshotException if the IMap cannot be read
     */
    public static ReaderImpl load(IMap<String, byte[]> map, long snapshotId, SnapshotMetadata expected, String referrer,
                                  String subject, String advice) {
        Problems problems = new Problems();
        byte[] record = get(map, Chunks.verificationKey(snapshotId), subject);
        if (record == null) {
            problems.add(Problem.MISSING_VERIFICATION_RECORD, "its verification record is missing (the snapshot"
                    + " never completed, or its data was lost, e.g. with members that left faster than the"
                    + " backups could cover)");
            problems.throwIfAny(subject, advice);
        }
        Manifest manifest;
        try {
            manifest = ManifestCodec.decode(record);
        } catch (MalformedDataException e) {
            problems.add(e.getMessage().contains("checksum") ? Problem.CHECKSUM_MISMATCH : Problem.UNREADABLE_DATA,
                    "its verification record is unreadable: " + e.getMessage());
            throw problems.toException(subject, advice);
        }
        if (expected != null) {
            Verification.checkMatches(expected, referrer, manifest.metadata(), problems);
        }
        Verification.checkConsistent(manifest, problems);
        problems.throwIfAny(subject, advice);

        Map<WriterSummary, byte[][]> data = fetchChunks(map, manifest, problems, subject);
        problems.throwIfAny(subject, advice);
        return new ReaderImpl(manifest, data, subject);
    }

    private static Map<WriterSummary, byte[][]> fetchChunks(IMap<String, byte[]> map, Manifest manifest,
                                                            Problems problems, String subject) {
        long snapshotId = manifest.metadata().snapshotId();
        Map<WriterSummary, byte[][]> data = new HashMap<>();
        for (WriterSummary writer : manifest.writers()) {
            WriterVerifier verifier = new WriterVerifier(writer, problems);
            byte[][] chunks = new byte[writer.chunkCount()][];
            List<CompletableFuture<byte[]>> window = new ArrayList<>(WINDOW);
            for (int start = 0; start < chunks.length; start += WINDOW) {
                int end = Math.min(chunks.length, start + WINDOW);
                window.clear();
                try {
                    for (int chunkNo = start; chunkNo < end; chunkNo++) {
                        String key = Chunks.chunkKey(snapshotId, writer.vertexName(), writer.processorIndex(), chunkNo);
                        window.add(map.getAsync(key).toCompletableFuture());
                    }
                    for (int chunkNo = start; chunkNo < end; chunkNo++) {
                        chunks[chunkNo] = window.get(chunkNo - start).join();
                        verifier.accept(chunkNo, chunks[chunkNo]);
                    }
                } catch (CompletionException | IllegalStateException | com.hazelcast.core.HazelcastException e) {
                    throw new SnapshotException("Could not read " + subject + ": " + e
                            + ". Retry when the cluster is healthy.", e);
                }
            }
            verifier.finish();
            data.put(writer, chunks);
        }
        return data;
    }

    private static byte[] get(IMap<String, byte[]> map, String key, String subject) {
        try {
            return map.get(key);
        } catch (RuntimeException e) {
            throw new SnapshotException("Could not read the verification record of " + subject + ": " + e
                    + ". Retry when the cluster is healthy.", e);
        }
    }
}
