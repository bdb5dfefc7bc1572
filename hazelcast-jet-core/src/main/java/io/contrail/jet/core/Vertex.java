package io.contrail.jet.core;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * A node of a {@link DAG}: a name unique in the DAG, a supplier of its processors and how many
 * run on each member.
 */
public final class Vertex implements Serializable {

    /** Local parallelism meaning "as many as the member has cooperative threads". */
    public static final int LOCAL_PARALLELISM_USE_DEFAULT = -1;

    private final String name;
    private final ProcessorSupplier processorSupplier;
    private int localParallelism = LOCAL_PARALLELISM_USE_DEFAULT;

    /** Use {@link DAG#newVertex}. */
    Vertex(String name, ProcessorSupplier processorSupplier) {
        this.name = requireNonNull(name, "name is null");
        this.processorSupplier = requireNonNull(processorSupplier, "processorSupplier is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Vertex name must not be blank");
        }
    }

    public String name() {
        return name;
    }

    public ProcessorSupplier processorSupplier() {
        return processorSupplier;
    }

    /** The number of processors on each member, or {@link #LOCAL_PARALLELISM_USE_DEFAULT}. */
    public int localParallelism() {
        return localParallelism;
    }

    /**
     * Sets how many processors of this vertex run on each member: a positive number, or
     * {@link #LOCAL_PARALLELISM_USE_DEFAULT} for one per cooperative thread.
     */
    public Vertex localParallelism(int localParallelism) {
        if (localParallelism <= 0 && localParallelism != LOCAL_PARALLELISM_USE_DEFAULT) {
            throw new IllegalArgumentException("Local parallelism of vertex '" + name + "' must be positive or "
                    + LOCAL_PARALLELISM_USE_DEFAULT + " (use the default), got " + localParallelism);
        }
        this.localParallelism = localParallelism;
        return this;
    }

    @Override
    public String toString() {
        return "Vertex " + name + (localParallelism == LOCAL_PARALLELISM_USE_DEFAULT ? "" : " (local parallelism " + localParallelism + ")");
    }
}
