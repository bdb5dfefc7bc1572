package io.contrail.jet.impl.execution;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.BroadcastKey;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.RoutingPolicy;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.ProcessingGuarantee;
import io.contrail.jet.job.SourcePositionUnavailableException;
import io.contrail.snapshot.SnapshotReader;
import org.jctools.queues.SpscArrayQueue;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Turns a validated {@link DAG} into this member's share of the execution: processors, one bounded
 * SPSC queue per connected (upstream, downstream) processor pair, and a tasklet per processor,
 * except that the two ends of an isolated local edge are fused into one tasklet when they can be
 * (see {@link FusedStage}): the user's DAG stays as it is, only the plan differs.
 *
 * <p>Processor indices are global across the cluster (member {@code k} of {@code n} runs indices
 * {@code k * localParallelism ...}); partitions of a partitioned edge map to global indices, so
 * that an edge whose target processor lives on another member can later get a network sender in
 * place of a local queue. Today every processor runs on the local member.
 */
public final class ExecutionPlanBuilder {

    private final HazelcastInstance hazelcastInstance;
    private final ExecutionSettings settings;
    private final Partitioner partitioner;

    public ExecutionPlanBuilder(HazelcastInstance hazelcastInstance, ExecutionSettings settings, int partitionCount) {
        this.hazelcastInstance = hazelcastInstance;
        this.settings = settings;
        this.partitioner = new Partitioner(partitionCount);
    }

    /**
     * Creates and initializes the processors of the DAG; the execution starts when handed to a
     * {@link TaskletExecutionService}.
     *
     * @throws IllegalArgumentException when the DAG is invalid
     * @throws Exception                when a processor supplier or {@code init} fails
     */
    public ExecutionContext build(long jobId, String jobName, DAG dag, JobConfig config) throws Exception {
        return build(jobId, jobName, dag, config, null);
    }

    /**
     * As {@link #build(long, String, DAG, JobConfig)}, restoring the processors' state from
     * {@code snapshot} (when not {@code null}) before the execution starts.
     *
     * @throws IllegalStateException naming the vertex when its saved state does not fit its processors
     */
    public ExecutionContext build(long jobId, String jobName, DAG dag, JobConfig config, SnapshotReader snapshot) throws Exception {
        List<Vertex> order = dag.validate();
        ExecutionContext context = new ExecutionContext(jobId, jobName, order.stream().map(Vertex::name).toList());

        Map<String, Integer> parallelism = new HashMap<>();
        Map<String, Processor[]> processors = new HashMap<>();
        for (Vertex vertex : order) {
            int p = vertex.localParallelism() == Vertex.LOCAL_PARALLELISM_USE_DEFAULT
                    ? settings.cooperativeThreadCount() : vertex.localParallelism();
            parallelism.put(vertex.name(), p);
            Processor[] created = new Processor[p];
            for (int i = 0; i < p; i++) {
                created[i] = requireNonNull(vertex.processorSupplier().get(),
                        () -> "The processor supplier of vertex '" + vertex.name() + "' returned null");
            }
            processors.put(vertex.name(), created);
        }

        // queues.get(edge)[upstream][downstream]; null where the pair is not connected or the edge is fused
        Map<Edge, SpscArrayQueue<Object>[][]> queues = new HashMap<>();
        Set<Edge> fused = new HashSet<>();
        for (Edge edge : dag.edges()) {
            if (canFuse(dag, edge, parallelism, processors)) {
                fused.add(edge);
            } else {
                queues.put(edge, createQueues(edge, parallelism.get(edge.sourceName()), parallelism.get(edge.destName())));
            }
        }

        long idleTimeoutNanos = config.getWatermarkIdleTimeoutMillis() < 0
                ? -1 : TimeUnit.MILLISECONDS.toNanos(config.getWatermarkIdleTimeoutMillis());
        // Downstream first, so that a fused stage exists before its upstream's outbox points at it.
        Map<String, FusedStage[]> stages = new HashMap<>();
        List<ProcessorTasklet> tasklets = new ArrayList<>();
        for (Vertex vertex : reversed(order)) {
            int localParallelism = parallelism.get(vertex.name());
            List<Edge> inbound = dag.inboundEdges(vertex.name());
            List<Edge> outbound = dag.outboundEdges(vertex.name());
            boolean isFusedStage = inbound.size() == 1 && fused.contains(inbound.get(0));
            FusedStage[] vertexStages = new FusedStage[localParallelism];
            for (int index = 0; index < localParallelism; index++) {
                Processor processor = processors.get(vertex.name())[index];
                OutboundCollector[] collectors = new OutboundCollector[outbound.size()];
                for (Edge edge : outbound) {
                    collectors[edge.sourceOrdinal()] = fused.contains(edge)
                            ? new OutboundCollector.Fused(stages.get(edge.destName())[index])
                            : createCollector(edge, queues.get(edge)[index], index);
                }
                OutboxImpl outbox = new OutboxImpl(collectors, settings.outboxBatchLimit());
                processor.init(outbox, new ProcessorContextImpl(hazelcastInstance, jobId, jobName, vertex.name(),
                        index, index, localParallelism, localParallelism, config.getProcessingGuarantee(),
                        config.getMaxProcessorAccumulatedRecords()));
                if (isFusedStage) {
                    vertexStages[index] = new FusedStage(context, vertex.name(), index, processor, settings.inboxSize(), outbox);
                    context.addFusedStage(vertexStages[index]);
                    continue;
                }
                InboundEdge[] inboundEdges = new InboundEdge[inbound.size()];
                int firstQueueIndex = 0;
                for (Edge edge : inbound) {
                    SpscArrayQueue<Object>[] edgeQueues = queuesInto(queues.get(edge), index);
                    inboundEdges[edge.destOrdinal()] = new InboundEdge(edge.destOrdinal(), edge.priority(), edgeQueues, firstQueueIndex);
                    firstQueueIndex += edgeQueues.length;
                }
                tasklets.add(new ProcessorTasklet(context, vertex.name(), index, processor, settings.inboxSize(),
                        outbox, inboundEdges, idleTimeoutNanos, fusedChain(collectors),
                        config.getProcessingGuarantee() == ProcessingGuarantee.EXACTLY_ONCE));
            }
            stages.put(vertex.name(), vertexStages);
        }
        if (snapshot != null) {
            restore(snapshot, order, processors);
        }
        // Tasklets in topological order, so that workers tend to call upstream before downstream.
        for (ProcessorTasklet tasklet : reversed(tasklets)) {
            context.addTasklet(tasklet);
        }
        return context;
    }

    /**
     * Hands each vertex's saved entries to its processors: an entry whose key is a
     * {@link BroadcastKey} to all of them, any other to the one owning its key's partition (as a
     * partitioned edge would route the key), then lets each finish its restore. Vertices without
     * saved state start empty; state of vertices the DAG no longer has is left unused.
     */
    private void restore(SnapshotReader snapshot, List<Vertex> order, Map<String, Processor[]> processors) {
        String source = snapshot.exportInfo().map(info -> "exported snapshot '" + info.name() + "'")
                .orElseGet(() -> snapshot.metadata().describe());
        for (Vertex vertex : order) {
            Processor[] targets = processors.get(vertex.name());
            if (!snapshot.vertices().contains(vertex.name())) {
                continue;
            }
            List<List<Object>> perProcessor = new ArrayList<>();
            for (int i = 0; i < targets.length; i++) {
                perProcessor.add(new ArrayList<>());
            }
            snapshot.forEachEntry(vertex.name(), (key, value) -> {
                Map.Entry<Object, Object> entry = new AbstractMap.SimpleImmutableEntry<>(key, value);
                if (key instanceof BroadcastKey) {
                    perProcessor.forEach(list -> list.add(entry));
                } else {
                    perProcessor.get(partitioner.partition(key) % targets.length).add(entry);
                }
            });
            for (int i = 0; i < targets.length; i++) {
                List<Object> entries = perProcessor.get(i);
                if (entries.isEmpty()) {
                    continue;
                }
                ArrayInbox inbox = new ArrayInbox(entries.size());
                entries.forEach(inbox::add);
                try {
                    targets[i].restoreFromSnapshot(inbox);
                } catch (SourcePositionUnavailableException e) {
                    throw positionUnavailable(vertex, source, e);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Cannot restore vertex '" + vertex.name() + "' from " + source
                            + ": its processor " + targets[i].getClass().getSimpleName() + " rejected the saved state ("
                            + e + "). Was the snapshot taken from a job with a different processor in this vertex?", e);
                }
            }
        }
        for (Vertex vertex : order) {
            for (Processor processor : processors.get(vertex.name())) {
                try {
                    while (!processor.finishSnapshotRestore()) {
                        Thread.onSpinWait();
                    }
                } catch (SourcePositionUnavailableException e) {
                    throw positionUnavailable(vertex, source, e);
                }
            }
        }
    }

    /** The exception of a source that cannot serve its restored position, saying which vertex and snapshot. */
    private static SourcePositionUnavailableException positionUnavailable(Vertex vertex, String snapshot,
                                                                          SourcePositionUnavailableException e) {
        return new SourcePositionUnavailableException("Vertex '" + vertex.name() + "' cannot continue from the position saved in "
                + snapshot + ": " + e.getMessage() + ". Submit the job anew to start from the beginning or from another snapshot", e);
    }

    /**
     * Whether both ends of the edge can run as one: an isolated, local edge between cooperative
     * processors of equal parallelism, the only output of its source and the only input of its
     * destination.
     */
    private boolean canFuse(DAG dag, Edge edge, Map<String, Integer> parallelism, Map<String, Processor[]> processors) {
        return settings.fusionEnabled()
                && edge.routingPolicy() == RoutingPolicy.ISOLATED
                && !edge.isDistributed()
                && parallelism.get(edge.sourceName()).equals(parallelism.get(edge.destName()))
                && dag.outboundEdges(edge.sourceName()).size() == 1
                && dag.inboundEdges(edge.destName()).size() == 1
                && Arrays.stream(processors.get(edge.sourceName())).allMatch(Processor::isCooperative)
                && Arrays.stream(processors.get(edge.destName())).allMatch(Processor::isCooperative);
    }

    /** The stages fused after a processor whose outbox has these collectors, in chain order. */
    private static FusedStage[] fusedChain(OutboundCollector[] collectors) {
        List<FusedStage> chain = new ArrayList<>();
        OutboundCollector[] next = collectors;
        while (next.length == 1 && next[0] instanceof OutboundCollector.Fused link) {
            chain.add(link.stage());
            next = link.stage().outbox().collectors();
        }
        return chain.toArray(new FusedStage[0]);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private SpscArrayQueue<Object>[][] createQueues(Edge edge, int upstream, int downstream) {
        int capacity = edge.queueSize() == Edge.QUEUE_SIZE_USE_DEFAULT ? settings.queueSize() : edge.queueSize();
        SpscArrayQueue<Object>[][] result = new SpscArrayQueue[upstream][downstream];
        for (int u = 0; u < upstream; u++) {
            switch (edge.routingPolicy()) {
                case ISOLATED -> result[u][u % downstream] = new SpscArrayQueue<>(capacity);
                case ALL_TO_ONE -> result[u][0] = new SpscArrayQueue<>(capacity);
                default -> {
                    for (int d = 0; d < downstream; d++) {
                        result[u][d] = new SpscArrayQueue<>(capacity);
                    }
                }
            }
        }
        return result;
    }

    private OutboundCollector createCollector(Edge edge, SpscArrayQueue<Object>[] toDownstream, int upstreamIndex) {
        return switch (edge.routingPolicy()) {
            case UNICAST -> new OutboundCollector.Unicast(toDownstream, upstreamIndex);
            case BROADCAST -> new OutboundCollector.Broadcast(toDownstream);
            case ISOLATED -> new OutboundCollector.Single(toDownstream[upstreamIndex % toDownstream.length]);
            case ALL_TO_ONE -> new OutboundCollector.Single(toDownstream[0]);
            case PARTITIONED -> new OutboundCollector.Partitioned(toDownstream, edge.keyFn(), partitioner,
                    partitionOwners(toDownstream.length));
        };
    }

    /** Spreads partitions evenly over the downstream processors; restore routes keys the same way. */
    private int[] partitionOwners(int downstream) {
        int[] owners = new int[partitioner.partitionCount()];
        for (int p = 0; p < owners.length; p++) {
            owners[p] = p % downstream;
        }
        return owners;
    }

    @SuppressWarnings("unchecked")
    private static SpscArrayQueue<Object>[] queuesInto(SpscArrayQueue<Object>[][] edgeQueues, int downstream) {
        List<SpscArrayQueue<Object>> result = new ArrayList<>();
        for (SpscArrayQueue<Object>[] fromUpstream : edgeQueues) {
            if (fromUpstream[downstream] != null) {
                result.add(fromUpstream[downstream]);
            }
        }
        return result.toArray(new SpscArrayQueue[0]);
    }
}
