/**
 * Implementations of the processor library, one class per processor; users reach them through
 * the factories in {@link io.contrail.jet.processor}. Each class's javadoc states its behaviour,
 * whether it is cooperative, and what it saves to snapshots. State that belongs to a processor's
 * position rather than to data keys is saved under {@link io.contrail.jet.impl.processor.ProcessorIndexKey}.
 */
package io.contrail.jet.impl.processor;
