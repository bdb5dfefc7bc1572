/**
 * Implementations of the aggregating processors of
 * {@link io.contrail.jet.processor.AggregateProcessors}: keyed batch aggregation, frame-based
 * sliding windows (generic and a primitive {@code long}-key specialisation) and session windows,
 * with their frame ring and primitive hash table. The window processors share their watermark,
 * lateness and snapshot handling through {@code AbstractWindowP} (and the sliding ones their
 * window bookkeeping through {@code AbstractSlidingWindowP}); each keeps its own per-item path.
 */
package io.contrail.jet.impl.processor.aggregate;
