package io.contrail.jet.impl.processor;

import io.contrail.jet.core.BroadcastKey;

import java.io.Serializable;

/**
 * Snapshot key of a processor whose state belongs to its position in the vertex rather than to a
 * data key (a source's read position). It is a {@link BroadcastKey}: on restore every processor
 * sees every such entry, takes the one with its own
 * {@link io.contrail.jet.core.Processor.Context#globalProcessorIndex() index} and ignores the
 * others.
 *
 * @param processorIndex the global index of the processor that saved the entry
 */
public record ProcessorIndexKey(int processorIndex) implements BroadcastKey, Serializable {
}
