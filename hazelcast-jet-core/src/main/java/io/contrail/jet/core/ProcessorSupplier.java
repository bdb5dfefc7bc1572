package io.contrail.jet.core;

import java.io.Serializable;

/**
 * Creates the processors of a {@link Vertex}: called once per processor instance when a job's
 * execution starts, on the member that will run it. Must be serializable so that a DAG can travel
 * to other members.
 */
@FunctionalInterface
public interface ProcessorSupplier extends Serializable {

    /** Returns a new processor instance; never a shared one. */
    Processor get();
}
