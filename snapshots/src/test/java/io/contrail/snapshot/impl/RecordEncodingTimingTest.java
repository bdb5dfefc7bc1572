package io.contrail.snapshot.impl;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints encode and decode times of 100k records shaped like the engine's
 * {@code LongKeyFramesState}, compact (format version 2) against Java serialization per value (how
 * format version 1 stored every record). Chunked like a writer: 64 KiB chunks, the class
 * dictionary starting anew in each. Asserts only that everything decodes, nothing about time.
 */
class RecordEncodingTimingTest {

    record LongKeyFramesState(long watermark, long[] frameEnds, long[] values, long[] dirtyWindowEnds)
            implements Serializable {
    }

    private static final int RECORDS = 100_000;
    private static final int CHUNK_SIZE = 64 * 1024;
    private static final int ROUNDS = 5;

    /** Encoded chunks (payload only) and their value counts. */
    private record Encoded(List<byte[]> chunks, List<Integer> counts, long bytes) {
    }

    private static List<LongKeyFramesState> states() {
        List<LongKeyFramesState> states = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            long w = 1_700_000_000_000L + i * 1_000L;
            states.add(new LongKeyFramesState(w,
                    new long[]{w + 1_000, w + 2_000, w + 3_000, w + 4_000},
                    new long[]{i, i * 3L, -i, 42},
                    new long[]{w + 1_000}));
        }
        return states;
    }

    private static Encoded encode(List<LongKeyFramesState> states, BiConsumer<ByteSink, Object> write,
                                  Runnable newChunk) {
        List<byte[]> chunks = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        ByteSink sink = new ByteSink(CHUNK_SIZE + CHUNK_SIZE / 4);
        long bytes = 0;
        int count = 0;
        for (LongKeyFramesState state : states) {
            write.accept(sink, state);
            count++;
            if (sink.position() >= CHUNK_SIZE) {
                chunks.add(sink.toByteArray());
                counts.add(count);
                bytes += sink.position();
                sink.truncate(0);
                newChunk.run();
                count = 0;
            }
        }
        if (count > 0) {
            chunks.add(sink.toByteArray());
            counts.add(count);
            bytes += sink.position();
        }
        return new Encoded(chunks, counts, bytes);
    }

    private static long decode(Encoded encoded, ValueCodec.Decoder decoder) {
        long sum = 0;
        for (int c = 0; c < encoded.chunks().size(); c++) {
            decoder.reset();
            ByteSource in = new ByteSource(encoded.chunks().get(c));
            for (int i = 0; i < encoded.counts().get(c); i++) {
                LongKeyFramesState state = (LongKeyFramesState) decoder.read(in);
                sum += state.watermark() + state.values()[1];
            }
            assertThat(in.hasRemaining()).isFalse();
        }
        return sum;
    }

    @Test
    void compactRecordsAgainstJavaSerialization() {
        List<LongKeyFramesState> states = states();
        long expected = 0;
        for (LongKeyFramesState s : states) {
            expected += s.watermark() + s.values()[1];
        }
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 1; round <= ROUNDS; round++) {
            ValueCodec.Encoder encoder = new ValueCodec.Encoder();
            long t0 = System.nanoTime();
            Encoded compact = encode(states, encoder::write, encoder::reset);
            long t1 = System.nanoTime();
            assertThat(decode(compact, new ValueCodec.Decoder(ValueCodec.FORMAT_VERSION))).isEqualTo(expected);
            long t2 = System.nanoTime();
            Encoded java = encode(states, ValueCodec::writeJava, () -> { });
            long t3 = System.nanoTime();
            assertThat(decode(java, new ValueCodec.Decoder(1))).isEqualTo(expected);
            long t4 = System.nanoTime();
            System.out.printf("%,d LongKeyFramesState records, round %d of %d:%n"
                            + "  compact (v2):      encode %5d ms, decode %5d ms, %,10d bytes in %d chunks%n"
                            + "  Java serialization: encode %5d ms, decode %5d ms, %,10d bytes in %d chunks%n",
                    RECORDS, round, ROUNDS,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, compact.bytes(), compact.chunks().size(),
                    (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, java.bytes(), java.chunks().size());
            long[] times = {t1 - t0, t2 - t1, t3 - t2, t4 - t3};
            for (int i = 0; i < times.length; i++) {
                best[i] = Math.min(best[i], times[i]);
            }
        }
        System.out.printf("best of %d rounds: compact encode %d ms + decode %d ms; Java serialization encode %d ms"
                        + " + decode %d ms%n", ROUNDS, best[0] / 1_000_000, best[1] / 1_000_000, best[2] / 1_000_000,
                best[3] / 1_000_000);
    }
}
