package io.contrail.jet.processor;

import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.aggregate.AggregateOperations;
import io.contrail.jet.aggregate.LongAggregateOperation;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.function.BiFunctionEx;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.function.ToLongFunctionEx;
import io.contrail.jet.impl.processor.aggregate.AccumulateByFrameP;
import io.contrail.jet.impl.processor.aggregate.AggregateByKeyP;
import io.contrail.jet.impl.processor.aggregate.RollingAggregateP;
import io.contrail.jet.impl.processor.aggregate.LongAccumulateByFrameP;
import io.contrail.jet.impl.processor.aggregate.LongSlidingWindowP;
import io.contrail.jet.impl.processor.aggregate.SessionWindowP;
import io.contrail.jet.impl.processor.aggregate.SlidingWindowP;
import io.contrail.jet.window.KeyedWindowResult;
import io.contrail.jet.window.KeyedWindowResultFunction;
import io.contrail.jet.window.LongKeyedFrame;
import io.contrail.jet.window.LongKeyedWindowResultFunction;
import io.contrail.jet.window.SlidingWindowDefinition;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Processors that aggregate: by key over a bounded input, and by key over event-time windows
 * (sliding, tumbling, session) over an unbounded one.
 *
 * <h2>Two stages</h2>
 * A keyed aggregation usually runs in two vertices: the first ({@code accumulate...}) runs next to
 * the source, accumulates locally and sends one partial per key (and frame) over an edge
 * partitioned by key to the second ({@code combine...}), which combines the partials and emits the
 * results. The single-stage variants ({@code aggregate...}) do both, behind an edge partitioned by
 * the item's key. The item types:
 * <pre>
 * factory                           consumes                     emits
 * accumulateByKey                   T                            Map.Entry&lt;K, A&gt;
 * combineByKey                      Map.Entry&lt;K, A&gt;              OUT (default Map.Entry&lt;K, R&gt;)
 * aggregateByKey                    T                            OUT (default Map.Entry&lt;K, R&gt;)
 * rollingAggregateByKey             T                            OUT (default Map.Entry&lt;K, R&gt;), per item
 * accumulateByFrame                 T                            KeyedFrame&lt;K, A&gt;
 * combineToSlidingWindow            KeyedFrame&lt;K, A&gt;             OUT (default KeyedWindowResult&lt;K, R&gt;)
 * aggregateToSlidingWindow          T                            OUT (default KeyedWindowResult&lt;K, R&gt;)
 * accumulateByFrameLongKey          T                            LongKeyedFrame
 * combineToSlidingWindowLongKey     LongKeyedFrame               OUT (default KeyedWindowResult&lt;Long, Long&gt;)
 * aggregateToSlidingWindowLongKey   T                            OUT (default KeyedWindowResult&lt;Long, Long&gt;)
 * aggregateToSessionWindow          T                            OUT (default KeyedWindowResult&lt;K, R&gt;)
 * </pre>
 * Partition the edge into a second stage by {@code Map.Entry::getKey},
 * {@link io.contrail.jet.window.KeyedFrame#key() KeyedFrame::key} or {@link LongKeyedFrame#key() LongKeyedFrame::key}.
 *
 * <h2>Windows and watermarks</h2>
 * Window processors emit what a watermark closes, then forward the watermark; an idle watermark
 * ({@code Watermark.IDLE}) is only forwarded. {@code allowedLateness} (default 0): items below
 * {@code watermark - allowedLateness} are dropped and counted; later items within it update
 * their windows, which are emitted again at the next watermark. On {@code complete()} (a bounded
 * input ends) every remaining window is emitted.
 *
 * <h2>Long keys</h2>
 * With {@code long} keys and {@link AggregateOperations#counting()} or
 * {@link AggregateOperations#summingLong}, prefer the {@code ...LongKey} factories: they keep
 * primitive hash tables and allocate nothing per item.
 *
 * <h2>Snapshots</h2>
 * Every processor here saves one entry per group key (the key itself is the snapshot key), so a
 * restore may route entries by the key's partition; entries of one key from several processors
 * are combined. Window processors also save their watermark under a
 * {@code WatermarkSnapshotKey}, which the engine should deliver to every processor of the vertex.
 * Saved values reference live accumulators: the engine must serialize (or copy) them when
 * offered. A snapshot during {@code complete()} finishes emitting first and saves nothing.
 *
 * <h2>Limits</h2>
 * {@code maxAccumulatedRecords} caps the accumulators one processor keeps (keys, or key-frame
 * pairs, or sessions); pass {@code JobConfig.getMaxProcessorAccumulatedRecords()}. Exceeding it
 * fails the job with {@link io.contrail.jet.aggregate.AccumulationLimitExceededException}.
 */
public final class AggregateProcessors {

    private static final long NO_LIMIT = Long.MAX_VALUE;

    private AggregateProcessors() {
    }

    // ---------------------------------------------------------------- batch, by key

    /** First stage of a two-stage aggregation by key: consumes {@code T}, emits {@code Map.Entry<K, A>} on completion. */
    public static <T, K, A> ProcessorSupplier accumulateByKey(FunctionEx<? super T, ? extends K> keyFn,
                                                              AggregateOperation<? super T, A, ?> op) {
        return accumulateByKey(keyFn, op, NO_LIMIT);
    }

    /** As {@link #accumulateByKey(FunctionEx, AggregateOperation)}, with a cap on the keys kept. */
    public static <T, K, A> ProcessorSupplier accumulateByKey(FunctionEx<? super T, ? extends K> keyFn,
                                                              AggregateOperation<? super T, A, ?> op,
                                                              long maxAccumulatedRecords) {
        requireNonNull(keyFn, "keyFn is null");
        requireNonNull(op, "op is null");
        checkLimit(maxAccumulatedRecords);
        return () -> AggregateByKeyP.accumulate(keyFn, op, maxAccumulatedRecords);
    }

    /**
     * Rolling aggregation: consumes {@code T}, emits {@code Map.Entry<K, R>} with the key's result
     * so far after every item (a running count per key). Put it behind an edge partitioned by
     * the same key.
     */
    public static <T, K, A, R> ProcessorSupplier rollingAggregateByKey(FunctionEx<? super T, ? extends K> keyFn,
                                                                       AggregateOperation<? super T, A, ? extends R> op) {
        return rollingAggregateByKey(keyFn, op, AggregateProcessors::entry, NO_LIMIT);
    }

    /** Rolling aggregation: consumes {@code T}, emits {@code mapToOutputFn(key, result so far)} after every item. */
    public static <T, K, A, R, OUT> ProcessorSupplier rollingAggregateByKey(FunctionEx<? super T, ? extends K> keyFn,
                                                                            AggregateOperation<? super T, A, ? extends R> op,
                                                                            BiFunctionEx<? super K, ? super R, ? extends OUT> mapToOutputFn,
                                                                            long maxAccumulatedRecords) {
        requireNonNull(keyFn, "keyFn is null");
        requireNonNull(op, "op is null");
        requireNonNull(mapToOutputFn, "mapToOutputFn is null");
        checkLimit(maxAccumulatedRecords);
        return () -> new RollingAggregateP<>(keyFn, op, mapToOutputFn, maxAccumulatedRecords);
    }

    /** Second stage: consumes {@code Map.Entry<K, A>}, emits {@code Map.Entry<K, R>} on completion. */
    public static <K, A, R> ProcessorSupplier combineByKey(AggregateOperation<?, A, ? extends R> op) {
        return AggregateProcessors.<K, A, R, Map.Entry<K, R>>combineByKey(op, AggregateProcessors::entry, NO_LIMIT);
    }

    /** Second stage: consumes {@code Map.Entry<K, A>}, emits {@code mapToOutputFn(key, result)} on completion. */
    public static <K, A, R, OUT> ProcessorSupplier combineByKey(AggregateOperation<?, A, ? extends R> op,
                                                                BiFunctionEx<? super K, ? super R, ? extends OUT> mapToOutputFn,
                                                                long maxAccumulatedRecords) {
        requireNonNull(op, "op is null");
        requireNonNull(mapToOutputFn, "mapToOutputFn is null");
        checkLimit(maxAccumulatedRecords);
        return () -> AggregateByKeyP.<K, A, R, OUT>combine(op, mapToOutputFn, maxAccumulatedRecords);
    }

    /** Single stage: consumes {@code T}, emits {@code Map.Entry<K, R>} on completion. */
    public static <T, K, A, R> ProcessorSupplier aggregateByKey(FunctionEx<? super T, ? extends K> keyFn,
                                                                AggregateOperation<? super T, A, ? extends R> op) {
        return AggregateProcessors.<T, K, A, R, Map.Entry<K, R>>aggregateByKey(keyFn, op, AggregateProcessors::entry, NO_LIMIT);
    }

    /** Single stage: consumes {@code T}, emits {@code mapToOutputFn(key, result)} on completion. */
    public static <T, K, A, R, OUT> ProcessorSupplier aggregateByKey(FunctionEx<? super T, ? extends K> keyFn,
                                                                     AggregateOperation<? super T, A, ? extends R> op,
                                                                     BiFunctionEx<? super K, ? super R, ? extends OUT> mapToOutputFn,
                                                                     long maxAccumulatedRecords) {
        requireNonNull(keyFn, "keyFn is null");
        requireNonNull(op, "op is null");
        requireNonNull(mapToOutputFn, "mapToOutputFn is null");
        checkLimit(maxAccumulatedRecords);
        return () -> AggregateByKeyP.aggregate(keyFn, op, mapToOutputFn, maxAccumulatedRecords);
    }

    // ---------------------------------------------------------------- sliding and tumbling windows

    /** First stage of a sliding window aggregation: consumes {@code T}, emits {@code KeyedFrame<K, A>}. */
    public static <T, K, A> ProcessorSupplier accumulateByFrame(FunctionEx<? super T, ? extends K> keyFn,
                                                                ToLongFunctionEx<? super T> timestampFn,
                                                                SlidingWindowDefinition windowDefinition,
                                                                AggregateOperation<? super T, A, ?> op) {
        return accumulateByFrame(keyFn, timestampFn, windowDefinition, op, 0, NO_LIMIT);
    }

    /** As {@link #accumulateByFrame(FunctionEx, ToLongFunctionEx, SlidingWindowDefinition, AggregateOperation)}, with lateness and cap. */
    public static <T, K, A> ProcessorSupplier accumulateByFrame(FunctionEx<? super T, ? extends K> keyFn,
                                                                ToLongFunctionEx<? super T> timestampFn,
                                                                SlidingWindowDefinition windowDefinition,
                                                                AggregateOperation<? super T, A, ?> op,
                                                                long allowedLateness, long maxAccumulatedRecords) {
        requireNonNull(keyFn, "keyFn is null");
        requireNonNull(timestampFn, "timestampFn is null");
        requireNonNull(windowDefinition, "windowDefinition is null");
        requireNonNull(op, "op is null");
        checkLatenessAndLimit(allowedLateness, maxAccumulatedRecords);
        return () -> new AccumulateByFrameP<>(keyFn, timestampFn, windowDefinition, op, allowedLateness, maxAccumulatedRecords);
    }

    /** Second stage: consumes {@code KeyedFrame<K, A>}, emits {@code KeyedWindowResult<K, R>}. */
    public static <K, A, R> ProcessorSupplier combineToSlidingWindow(SlidingWindowDefinition windowDefinition,
                                                                     AggregateOperation<?, A, ? extends R> op) {
        return AggregateProcessors.<K, A, R, KeyedWindowResult<K, R>>combineToSlidingWindow(
                windowDefinition, op, KeyedWindowResult::new, 0, NO_LIMIT);
    }

    /** Second stage: consumes {@code KeyedFrame<K, A>}, emits {@code mapToOutputFn(start, end, key, result)}. */
    public static <K, A, R, OUT> ProcessorSupplier combineToSlidingWindow(
            SlidingWindowDefinition windowDefinition, AggregateOperation<?, A, ? extends R> op,
            KeyedWindowResultFunction<? super K, ? super R, ? extends OUT> mapToOutputFn,
            long allowedLateness, long maxAccumulatedRecords) {
        requireNonNull(windowDefinition, "windowDefinition is null");
        requireNonNull(op, "op is null");
        requireNonNull(mapToOutputFn, "mapToOutputFn is null");
        checkLatenessAndLimit(allowedLateness, maxAccumulatedRecords);
        return () -> SlidingWindowP.<K, A, R, OUT>combine(windowDefinition, op, mapToOutputFn,
                allowedLateness, maxAccumulatedRecords);
    }

    /** Single stage: consumes {@code T}, emits {@code KeyedWindowResult<K, R>}. */
    public static <T, K, A, R> ProcessorSupplier aggregateToSlidingWindow(FunctionEx<? super T, ? extends K> keyFn,
                                                                          ToLongFunctionEx<? super T> timestampFn,
                                                                          SlidingWindowDefinition windowDefinition,
                                                                          AggregateOperation<? super T, A, ? extends R> op) {
        return AggregateProcessors.<T, K, A, R, KeyedWindowResult<K, R>>aggregateToSlidingWindow(
                keyFn, timestampFn, windowDefinition, op, KeyedWindowResult::new, 0, NO_LIMIT);
    }

    /** Single stage: consumes {@code T}, emits {@code mapToOutputFn(start, end, key, result)}. */
    public static <T, K, A, R, OUT> ProcessorSupplier aggregateToSlidingWindow(
            FunctionEx<? super T, ? extends K> keyFn, ToLongFunctionEx<? super T> timestampFn,
            SlidingWindowDefinition windowDefinition, AggregateOperation<? super T, A, ? extends R> op,
            KeyedWindowResultFunction<? super K, ? super R, ? extends OUT> mapToOutputFn,
            long allowedLateness, long maxAccumulatedRecords) {
        requireNonNull(keyFn, "keyFn is null");
        requireNonNull(timestampFn, "timestampFn is null");
        requireNonNull(windowDefinition, "windowDefinition is null");
        requireNonNull(op, "op is null");
        requireNonNull(mapToOutputFn, "mapToOutputFn is null");
        checkLatenessAndLimit(allowedLateness, maxAccumulatedRecords);
        return () -> SlidingWindowP.aggregate(keyFn, timestampFn, windowDefinition, op, mapToOutputFn,
                allowedLateness, maxAccumulatedRecords);
    }

    // ---------------------------------------------------------------- sliding windows, long keys

    /** First stage with {@code long} keys: consumes {@code T}, emits {@link LongKeyedFrame}. */
    public static <T> ProcessorSupplier accumulateByFrameLongKey(ToLongFunctionEx<? super T> keyFn,
                                                                 ToLongFunctionEx<? super T> timestampFn,
                                                                 SlidingWindowDefinition windowDefinition,
                                                                 LongAggregateOperation<? super T> op) {
        return accumulateByFrameLongKey(keyFn, timestampFn, windowDefinition, op, 0, NO_LIMIT);
    }

    /** As {@link #accumulateByFrameLongKey(ToLongFunctionEx, ToLongFunctionEx, SlidingWindowDefinition, LongAggregateOperation)}, with lateness and cap. */
    public static <T> ProcessorSupplier accumulateByFrameLongKey(ToLongFunctionEx<? super T> keyFn,
                                                                 ToLongFunctionEx<? super T> timestampFn,
                                                                 SlidingWindowDefinition windowDefinition,
                                                                 LongAggregateOperation<? super T> op,
                                                                 long allowedLateness, long maxAccumulatedRecords) {
        requireNonNull(keyFn, "keyFn is null");
        requireNonNull(timestampFn, "timestampFn is null");
        requireNonNull(windowDefinition, "windowDefinition is null");
        requireNonNull(op, "op is null");
        checkLatenessAndLimit(allowedLateness, maxAccumulatedRecords);
        return () -> new LongAccumulateByFrameP<>(keyFn, timestampFn, windowDefinition, op, allowedLateness, maxAccumulatedRecords);
    }

    /** First stage of a sliding window count with {@code long} keys: consumes {@code T}, emits {@link LongKeyedFrame}. */
    public static <T> ProcessorSupplier countByFrameLongKey(ToLongFunctionEx<? super T> keyFn,
                                                            ToLongFunctionEx<? super T> timestampFn,
                                                            SlidingWindowDefinition windowDefinition) {
        return accumulateByFrameLongKey(keyFn, timestampFn, windowDefinition, AggregateOperations.counting());
    }

    /**
     * Second stage with {@code long} keys: consumes {@link LongKeyedFrame}, emits
     * {@code mapToOutputFn(start, end, key, value)}; {@code op} must be the first stage's operation.
     */
    public static <OUT> ProcessorSupplier combineToSlidingWindowLongKey(SlidingWindowDefinition windowDefinition,
                                                                        LongAggregateOperation<?> op,
                                                                        LongKeyedWindowResultFunction<? extends OUT> mapToOutputFn,
                                                                        long allowedLateness, long maxAccumulatedRecords) {
        requireNonNull(windowDefinition, "windowDefinition is null");
        requireNonNull(op, "op is null");
        requireNonNull(mapToOutputFn, "mapToOutputFn is null");
        checkLatenessAndLimit(allowedLateness, maxAccumulatedRecords);
        return () -> LongSlidingWindowP.combine(windowDefinition, op, mapToOutputFn, allowedLateness, maxAccumulatedRecords);
    }

    /** Second stage of a sliding window count with {@code long} keys: consumes {@link LongKeyedFrame}, emits {@code KeyedWindowResult<Long, Long>}. */
    public static ProcessorSupplier combineLongCountsToSlidingWindow(SlidingWindowDefinition windowDefinition) {
        return combineToSlidingWindowLongKey(windowDefinition, AggregateOperations.counting(),
                AggregateProcessors::longResult, 0, NO_LIMIT);
    }

    /** Single stage with {@code long} keys: consumes {@code T}, emits {@code KeyedWindowResult<Long, Long>}. */
    public static <T> ProcessorSupplier aggregateToSlidingWindowLongKey(ToLongFunctionEx<? super T> keyFn,
                                                                        ToLongFunctionEx<? super T> timestampFn,
                                                                        SlidingWindowDefinition windowDefinition,
                                                                        LongAggregateOperation<? super T> op) {
        return aggregateToSlidingWindowLongKey(keyFn, timestampFn, windowDefinition, op,
                AggregateProcessors::longResult, 0, NO_LIMIT);
    }

    /** Single stage with {@code long} keys: consumes {@code T}, emits {@code mapToOutputFn(start, end, key, value)}. */
    public static <T, OUT> ProcessorSupplier aggregateToSlidingWindowLongKey(ToLongFunctionEx<? super T> keyFn,
                                                                             ToLongFunctionEx<? super T> timestampFn,
                                                                             SlidingWindowDefinition windowDefinition,
                                                                             LongAggregateOperation<? super T> op,
                                                                             LongKeyedWindowResultFunction<? extends OUT> mapToOutputFn,
                                                                             long allowedLateness, long maxAccumulatedRecords) {
        requireNonNull(keyFn, "keyFn is null");
        requireNonNull(timestampFn, "timestampFn is null");
        requireNonNull(windowDefinition, "windowDefinition is null");
        requireNonNull(op, "op is null");
        requireNonNull(mapToOutputFn, "mapToOutputFn is null");
        checkLatenessAndLimit(allowedLateness, maxAccumulatedRecords);
        return () -> LongSlidingWindowP.aggregate(keyFn, timestampFn, windowDefinition, op, mapToOutputFn,
                allowedLateness, maxAccumulatedRecords);
    }

    // ---------------------------------------------------------------- session windows

    /** Session windows: consumes {@code T} (partitioned by key), emits {@code KeyedWindowResult<K, R>}. */
    public static <T, K, A, R> ProcessorSupplier aggregateToSessionWindow(long gap,
                                                                          FunctionEx<? super T, ? extends K> keyFn,
                                                                          ToLongFunctionEx<? super T> timestampFn,
                                                                          AggregateOperation<? super T, A, ? extends R> op) {
        return AggregateProcessors.<T, K, A, R, KeyedWindowResult<K, R>>aggregateToSessionWindow(
                gap, keyFn, timestampFn, op, KeyedWindowResult::new, 0, NO_LIMIT);
    }

    /**
     * Session windows: consumes {@code T}, emits {@code mapToOutputFn(start, end, key, result)} once
     * per session, when {@code watermark - allowedLateness} reaches the session's end (last item
     * plus {@code gap}).
     */
    public static <T, K, A, R, OUT> ProcessorSupplier aggregateToSessionWindow(
            long gap, FunctionEx<? super T, ? extends K> keyFn, ToLongFunctionEx<? super T> timestampFn,
            AggregateOperation<? super T, A, ? extends R> op,
            KeyedWindowResultFunction<? super K, ? super R, ? extends OUT> mapToOutputFn,
            long allowedLateness, long maxAccumulatedRecords) {
        if (gap <= 0) {
            throw new IllegalArgumentException("session gap must be positive, got " + gap);
        }
        requireNonNull(keyFn, "keyFn is null");
        requireNonNull(timestampFn, "timestampFn is null");
        requireNonNull(op, "op is null");
        requireNonNull(mapToOutputFn, "mapToOutputFn is null");
        checkLatenessAndLimit(allowedLateness, maxAccumulatedRecords);
        return () -> new SessionWindowP<>(gap, keyFn, timestampFn, op, mapToOutputFn, allowedLateness, maxAccumulatedRecords);
    }

    // ---------------------------------------------------------------- helpers

    private static <K, R> Map.Entry<K, R> entry(K key, R result) {
        return new SimpleImmutableEntry<>(key, result);
    }

    private static KeyedWindowResult<Long, Long> longResult(long start, long end, long key, long value) {
        return new KeyedWindowResult<>(start, end, key, value);
    }

    private static void checkLimit(long maxAccumulatedRecords) {
        if (maxAccumulatedRecords <= 0) {
            throw new IllegalArgumentException("maxAccumulatedRecords must be positive, got " + maxAccumulatedRecords);
        }
    }

    private static void checkLatenessAndLimit(long allowedLateness, long maxAccumulatedRecords) {
        if (allowedLateness < 0) {
            throw new IllegalArgumentException("allowedLateness must not be negative, got " + allowedLateness);
        }
        checkLimit(maxAccumulatedRecords);
    }
}
