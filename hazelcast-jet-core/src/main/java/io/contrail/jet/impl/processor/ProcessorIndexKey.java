package io.contrail.jet.impl.processor;

import java.io.Serializable;

/**
 * Snapshot key of a processor whose state belongs to its position in the vertex rather than to a
 * data key (a source's read position). On restore a processor takes the entry with its own
 * {@link io.contrail.jet.core.Processor.Context#globalProcessorIndex() index} and ignores the
 * others, so it works whether the engine hands each processor all entries or only its own.
 *
 * @param processorIndex the global index of the processor that saved the entry
 */
public record ProcessorIndexKey(int processorIndex) implements Serializable {
}
