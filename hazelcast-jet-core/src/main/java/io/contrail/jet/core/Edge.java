package io.contrail.jet.core;

import io.contrail.jet.function.FunctionEx;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * A directed connection from an output ordinal of one {@link Vertex} to an input ordinal of
 * another. Each pair of connected processors gets its own bounded queue; the routing policy
 * picks which queue an item goes to.
 */
public final class Edge implements Serializable {

    /** Queue size meaning "the member's configured default". */
    public static final int QUEUE_SIZE_USE_DEFAULT = -1;

    private final String sourceName;
    private final int sourceOrdinal;
    private String destName;
    private int destOrdinal;
    private RoutingPolicy routingPolicy = RoutingPolicy.UNICAST;
    private FunctionEx<Object, ?> keyFn;
    private int priority;
    private int queueSize = QUEUE_SIZE_USE_DEFAULT;
    private boolean distributed;

    private Edge(Vertex source, int sourceOrdinal) {
        this.sourceName = requireNonNull(source, "source is null").name();
        this.sourceOrdinal = checkOrdinal(sourceOrdinal, "source");
    }

    /** An edge from output ordinal 0 of {@code source} to input ordinal 0 of {@code dest}. */
    public static Edge between(Vertex source, Vertex dest) {
        return from(source).to(dest);
    }

    /** An edge from output ordinal 0 of {@code source}; complete it with {@link #to}. */
    public static Edge from(Vertex source) {
        return new Edge(source, 0);
    }

    /** An edge from output {@code ordinal} of {@code source}; complete it with {@link #to}. */
    public static Edge from(Vertex source, int ordinal) {
        return new Edge(source, ordinal);
    }

    /** Ends the edge at input ordinal 0 of {@code dest}. */
    public Edge to(Vertex dest) {
        return to(dest, 0);
    }

    /** Ends the edge at input {@code ordinal} of {@code dest}. */
    public Edge to(Vertex dest, int ordinal) {
        if (destName != null) {
            throw new IllegalStateException("Edge from '" + sourceName + "' already goes to '" + destName + "'");
        }
        this.destName = requireNonNull(dest, "dest is null").name();
        this.destOrdinal = checkOrdinal(ordinal, "destination");
        return this;
    }

    /**
     * Routes each item to the processor owning the partition of {@code keyFn(item)}, so that all
     * items with equal keys meet in one processor.
     */
    @SuppressWarnings("unchecked")
    public <T> Edge partitioned(FunctionEx<? super T, ?> keyFn) {
        this.keyFn = (FunctionEx<Object, ?>) requireNonNull(keyFn, "keyFn is null");
        this.routingPolicy = RoutingPolicy.PARTITIONED;
        return this;
    }

    /** Sends every item to every downstream processor. */
    public Edge broadcast() {
        return routing(RoutingPolicy.BROADCAST);
    }

    /** Pairs upstream and downstream processors one to one. */
    public Edge isolated() {
        return routing(RoutingPolicy.ISOLATED);
    }

    /** Sends every item to a single downstream processor in the cluster. */
    public Edge allToOne() {
        return routing(RoutingPolicy.ALL_TO_ONE);
    }

    /** Spreads items round-robin over the downstream processors (the default). */
    public Edge unicast() {
        return routing(RoutingPolicy.UNICAST);
    }

    private Edge routing(RoutingPolicy policy) {
        this.routingPolicy = policy;
        this.keyFn = null;
        return this;
    }

    /**
     * Sets the priority: a destination processor takes nothing from an edge before every edge of
     * a lower priority value is complete (a hash join reads its build side first this way).
     */
    public Edge priority(int priority) {
        this.priority = priority;
        return this;
    }

    /** Sets the capacity of each queue of this edge; a positive number, rounded up to a power of two. */
    public Edge queueSize(int queueSize) {
        if (queueSize <= 0) {
            throw new IllegalArgumentException("Queue size of edge " + this + " must be positive, got " + queueSize);
        }
        this.queueSize = queueSize;
        return this;
    }

    /** Lets items cross members: the routing spans the processors of the whole cluster. */
    public Edge distributed() {
        this.distributed = true;
        return this;
    }

    public String sourceName() {
        return sourceName;
    }

    public int sourceOrdinal() {
        return sourceOrdinal;
    }

    /** The destination vertex name, or {@code null} while {@link #to} was not called. */
    public String destName() {
        return destName;
    }

    public int destOrdinal() {
        return destOrdinal;
    }

    public RoutingPolicy routingPolicy() {
        return routingPolicy;
    }

    /** The key function of a partitioned edge, else {@code null}. */
    public FunctionEx<Object, ?> keyFn() {
        return keyFn;
    }

    public int priority() {
        return priority;
    }

    public int queueSize() {
        return queueSize;
    }

    public boolean isDistributed() {
        return distributed;
    }

    private static int checkOrdinal(int ordinal, String end) {
        if (ordinal < 0) {
            throw new IllegalArgumentException("The " + end + " ordinal of an edge must not be negative, got " + ordinal);
        }
        return ordinal;
    }

    @Override
    public String toString() {
        return sourceName + "[" + sourceOrdinal + "] -> " + destName + "[" + destOrdinal + "] " + routingPolicy
                + (distributed ? " distributed" : "") + (priority != 0 ? " priority " + priority : "");
    }
}
