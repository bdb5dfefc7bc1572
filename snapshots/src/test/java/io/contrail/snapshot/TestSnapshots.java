package io.contrail.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Writes snapshots of a known content: key "vertex/processor/i", value i as a Long, plus {@code salt}. */
final class TestSnapshots {

    private TestSnapshots() {
    }

    /**
     * Takes and completes a snapshot with {@code processors} writers for each vertex, each writing
     * {@code entries} entries, all writers on their own thread.
     */
    static SnapshotMetadata take(SnapshotStore store, long jobId, long snapshotId, List<String> vertices,
                                 int processors, int entries, long salt) throws Exception {
        SnapshotSession session = store.begin(jobId, "job-" + jobId, snapshotId);
        List<WriterSummary> summaries = writeAll(session, vertices, processors, entries, salt);
        return session.complete(summaries);
    }

    static List<WriterSummary> writeAll(SnapshotSession session, List<String> vertices, int processors, int entries,
                                        long salt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, vertices.size() * processors));
        try {
            List<Future<WriterSummary>> futures = new ArrayList<>();
            for (String vertex : vertices) {
                for (int p = 0; p < processors; p++) {
                    int processor = p;
                    futures.add(pool.submit(() -> {
                        SnapshotWriter writer = session.newWriter(vertex, processor);
                        for (int i = 0; i < entries; i++) {
                            writer.write(vertex + "/" + processor + "/" + i, i + salt);
                        }
                        return writer.close();
                    }));
                }
            }
            List<WriterSummary> summaries = new ArrayList<>();
            for (Future<WriterSummary> f : futures) {
                summaries.add(f.get());
            }
            return summaries;
        } finally {
            pool.shutdown();
        }
    }

    /** Everything {@code reader} holds for {@code vertex}, keyed by key. */
    static Map<Object, Object> read(SnapshotReader reader, String vertex) {
        Map<Object, Object> result = new HashMap<>();
        reader.forEachEntry(vertex, (k, v) -> {
            if (result.put(k, v) != null) {
                throw new AssertionError("duplicate key " + k);
            }
        });
        return result;
    }

    /** What {@link #take} wrote for {@code vertex}. */
    static Map<Object, Object> expected(String vertex, int processors, int entries, long salt) {
        Map<Object, Object> result = new HashMap<>();
        for (int p = 0; p < processors; p++) {
            for (int i = 0; i < entries; i++) {
                result.put(vertex + "/" + p + "/" + i, i + salt);
            }
        }
        return result;
    }
}
