package io.contrail.jet.impl.execution;

/**
 * A unit the execution service calls repeatedly until it is done. A cooperative tasklet shares a
 * worker thread with others: each {@link #call()} returns quickly and never blocks.
 */
public interface Tasklet {

    /** Does a slice of work; called by one thread at a time. */
    ProgressState call();

    /** Whether the tasklet may share a worker thread. */
    boolean isCooperative();

    /** The execution this tasklet belongs to. */
    ExecutionContext executionContext();
}
