/**
 * The processor library: factories of ready-made processors for DAG vertices. Sources in
 * {@link io.contrail.jet.processor.SourceProcessors} (a rate-controlled generator, an IMap
 * reader), sinks in {@link io.contrail.jet.processor.SinkProcessors} (IMap writes and updates,
 * lists and collections for tests, a logger), transforms and the hash join in
 * {@link io.contrail.jet.processor.Processors}. Each factory's javadoc says whether the processor
 * is cooperative and what it snapshots; the implementations live in
 * {@code io.contrail.jet.impl.processor}.
 */
package io.contrail.jet.processor;
