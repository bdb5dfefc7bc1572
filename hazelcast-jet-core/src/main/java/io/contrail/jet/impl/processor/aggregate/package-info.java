/**
 * Implementations of the aggregating processors of
 * {@link io.contrail.jet.processor.AggregateProcessors}: keyed batch aggregation, frame-based
 * sliding windows (generic and a primitive {@code long}-key specialisation) and session windows,
 * with their frame ring and primitive hash table.
 */
package io.contrail.jet.impl.processor.aggregate;
