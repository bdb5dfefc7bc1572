package io.contrail.jet.impl.execution;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.DAG;
import io.contrail.jet.core.Edge;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Vertex;
import io.contrail.jet.job.JobConfig;
import org.jctools.queues.SpscArrayQueue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Turns a validated {@link DAG} into this member's share of the execution: processors, one bounded
 * SPSC queue per connected (upstream, downstream) processor pair, and a tasklet per processor.
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
        List<Vertex> order = dag.validate();
        ExecutionContext context = new ExecutionContext(jobId, jobName, order.stream().map(Vertex::name).toList());

        Map<String, Integer> parallelism = new HashMap<>();
        for (Vertex vertex : order) {
            int p = vertex.localParallelism() == Vertex.LOCAL_PARALLELISM_USE_DEFAULT
                    ? settings.cooperativeThreadCount() : vertex.localParallelism();
            parallelism.put(vertex.name(), p);
        }

        // queues.get(edge)[upstream][downstream]; null where the pair is not connected
        Map<Edge, SpscArrayQueue<Object>[][]> queues = new HashMap<>();
        for (Edge edge : dag.edges()) {
            queues.put(edge, createQueues(edge, parallelism.get(edge.sourceName()), parallelism.get(edge.destName())));
        }

        long idleTimeoutNanos = config.getWatermarkIdleTimeoutMillis() < 0
                ? -1 : TimeUnit.MILLISECONDS.toNanos(config.getWatermarkIdleTimeoutMillis());
        for (Vertex vertex : order) {
            int localParallelism = parallelism.get(vertex.name());
            List<Edge> inbound = dag.inboundEdges(vertex.name());
            List<Edge> outbound = dag.outboundEdges(vertex.name());
            for (int index = 0; index < localParallelism; index++) {
                Processor processor = vertex.processorSupplier().get();
                if (processor == null) {
                    throw new IllegalStateException("The processor supplier of vertex '" + vertex.name() + "' returned null");
                }
                OutboundCollector[] collectors = new OutboundCollector[outbound.size()];
                for (Edge edge : outbound) {
                    collectors[edge.sourceOrdinal()] = createCollector(edge, queues.get(edge)[index], index);
                }
                InboundEdge[] inboundEdges = new InboundEdge[inbound.size()];
                int firstQueueIndex = 0;
                for (Edge edge : inbound) {
                    SpscArrayQueue<Object>[] edgeQueues = queuesInto(queues.get(edge), index);
                    inboundEdges[edge.destOrdinal()] = new InboundEdge(edge.destOrdinal(), edge.priority(), edgeQueues, firstQueueIndex);
                    firstQueueIndex += edgeQueues.length;
                }
                OutboxImpl outbox = new OutboxImpl(collectors, settings.outboxBatchLimit());
                processor.init(outbox, new ProcessorContextImpl(hazelcastInstance, jobId, jobName, vertex.name(),
                        index, index, localParallelism, localParallelism, config.getProcessingGuarantee()));
                context.addTasklet(new ProcessorTasklet(context, vertex.name(), processor, settings.inboxSize(),
                        outbox, inboundEdges, idleTimeoutNanos));
            }
        }
        return context;
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

    /** Spreads partitions evenly over the downstream processors. */
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
