/**
 * Aggregation as data: an {@link io.contrail.jet.aggregate.AggregateOperation} is the set of
 * functions (create, accumulate, combine, deduct, export) that aggregating processors drive;
 * {@link io.contrail.jet.aggregate.AggregateOperations} has the common ones and the mutable
 * accumulators they use.
 */
package io.contrail.jet.aggregate;
