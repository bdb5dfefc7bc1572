package io.contrail.snapshot;

import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes and reads one million small entries, as a SUSPEND/RESUME of a keyed aggregation would,
 * and prints how long each step takes. Not a benchmark (see {@code benchmarks}) and no timing is
 * asserted: it makes sure the path completes in reasonable time and shows the order of magnitude.
 */
class SnapshotStore_MillionEntriesTest {

    private static final int ENTRIES = 1_000_000;
    private static final int WRITERS = 4;
    private static HazelcastInstance hz;
    private static SnapshotStore store;

    @BeforeAll
    static void start() {
        hz = TestMembers.newMember(TestMembers.clusterName(SnapshotStore_MillionEntriesTest.class));
        store = new SnapshotStore(hz, SnapshotStoreConfig.defaults());
    }

    @AfterAll
    static void stop() {
        store.close();
        hz.shutdown();
    }

    @Test
    void millionEntriesWriteAndRead() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int round = 1; round <= 2; round++) { // the first round includes JIT warm-up
                run(pool, round);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void run(ExecutorService pool, long snapshotId) throws Exception {
        long t0 = System.nanoTime();
        SnapshotSession session = store.begin(1, "million", snapshotId);
        List<Future<CompletableFuture<WriterSummary>>> writes = new ArrayList<>();
        for (int p = 0; p < WRITERS; p++) {
            int processor = p;
            writes.add(pool.submit(() -> {
                SnapshotWriter writer = session.newWriter("aggregate", processor);
                for (long key = processor; key < ENTRIES; key += WRITERS) {
                    writer.write(key, key * 31);
                }
                return writer.closeAsync();
            }));
        }
        List<WriterSummary> summaries = new ArrayList<>();
        for (Future<CompletableFuture<WriterSummary>> write : writes) {
            summaries.add(write.get().join());
        }
        SnapshotMetadata metadata = session.complete(summaries);
        long t1 = System.nanoTime();

        SnapshotReader reader = store.openReader(metadata);
        long t2 = System.nanoTime();
        LongAdder count = new LongAdder();
        LongAdder sum = new LongAdder();
        List<Future<?>> reads = new ArrayList<>();
        for (int p = 0; p < WRITERS; p++) {
            int processor = p;
            reads.add(pool.submit(() -> reader.forEachEntry("aggregate", processor, (k, v) -> {
                count.increment();
                sum.add((Long) v - (Long) k * 31);
            })));
        }
        for (Future<?> read : reads) {
            read.get();
        }
        long t3 = System.nanoTime();

        assertThat(metadata.entryCount()).isEqualTo(ENTRIES);
        assertThat(count.sum()).isEqualTo(ENTRIES);
        assertThat(sum.sum()).isZero();
        System.out.printf("1M entries, round %d: write+complete %d ms, open (fetch+verify) %d ms,"
                        + " decode %d ms, total %d ms; %d chunks, %.1f MiB%n",
                snapshotId, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t3 - t0), metadata.chunkCount(),
                metadata.totalBytes() / 1048576.0);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
