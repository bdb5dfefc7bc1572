package io.contrail.jet.impl.execution;

import io.contrail.jet.function.FunctionEx;
import org.jctools.queues.SpscArrayQueue;

import java.util.Arrays;

/**
 * Puts the items of one output edge of one processor into the queues towards the downstream
 * processors, by the edge's routing policy. {@link #offerToAll} sends control items (watermarks,
 * the done item) and broadcast items to every queue, remembering which queues took the item
 * until all have: the caller retries the same item, as the outbox contract requires.
 *
 * <p>Threading: confined to the upstream processor's tasklet thread. The queues are
 * single-producer: this collector is their only producer.
 */
abstract class OutboundCollector {

    final SpscArrayQueue<Object>[] queues;
    private final boolean[] taken;
    private int takenCount;

    OutboundCollector(SpscArrayQueue<Object>[] queues) {
        if (queues.length == 0) {
            throw new IllegalArgumentException("An outbound edge needs at least one queue");
        }
        this.queues = queues;
        this.taken = new boolean[queues.length];
    }

    /** Routes one data item; {@code false} when the target queue is full. */
    abstract boolean offer(Object item);

    /** Offers to every queue; {@code true} once all of them have taken the item. */
    final boolean offerToAll(Object item) {
        for (int i = 0; i < queues.length; i++) {
            if (!taken[i] && queues[i].offer(item)) {
                taken[i] = true;
                takenCount++;
            }
        }
        if (takenCount < queues.length) {
            return false;
        }
        Arrays.fill(taken, false);
        takenCount = 0;
        return true;
    }

    /** Round-robin over the queues, skipping full ones. */
    static final class Unicast extends OutboundCollector {
        private int cursor;

        Unicast(SpscArrayQueue<Object>[] queues, int startAt) {
            super(queues);
            this.cursor = startAt % queues.length;
        }

        @Override
        boolean offer(Object item) {
            for (int attempt = 0; attempt < queues.length; attempt++) {
                int index = cursor;
                if (++cursor == queues.length) {
                    cursor = 0;
                }
                if (queues[index].offer(item)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Each item to one fixed queue (isolated and all-to-one edges). */
    static final class Single extends OutboundCollector {
        Single(SpscArrayQueue<Object> queue) {
            super(asArray(queue));
        }

        @Override
        boolean offer(Object item) {
            return queues[0].offer(item);
        }

        @SuppressWarnings("unchecked")
        private static SpscArrayQueue<Object>[] asArray(SpscArrayQueue<Object> queue) {
            return new SpscArrayQueue[]{queue};
        }
    }

    /** Each item to every queue. */
    static final class Broadcast extends OutboundCollector {
        Broadcast(SpscArrayQueue<Object>[] queues) {
            super(queues);
        }

        @Override
        boolean offer(Object item) {
            return offerToAll(item);
        }
    }

    /** Each item to the queue of the processor that owns the partition of its key. */
    static final class Partitioned extends OutboundCollector {
        private final FunctionEx<Object, ?> keyFn;
        private final Partitioner partitioner;
        private final int[] partitionToQueue;

        /**
         * @param partitionToQueue for each partition, the index in {@code queues} of the queue
         *                         towards the processor owning it
         */
        Partitioned(SpscArrayQueue<Object>[] queues, FunctionEx<Object, ?> keyFn,
                    Partitioner partitioner, int[] partitionToQueue) {
            super(queues);
            this.keyFn = keyFn;
            this.partitioner = partitioner;
            this.partitionToQueue = partitionToQueue;
        }

        @Override
        boolean offer(Object item) {
            Object key = keyFn.apply(item);
            return queues[partitionToQueue[partitioner.partition(key)]].offer(item);
        }
    }
}
