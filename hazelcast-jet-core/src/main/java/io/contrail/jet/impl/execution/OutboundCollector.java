package io.contrail.jet.impl.execution;

import io.contrail.jet.function.FunctionEx;
import org.jctools.queues.SpscArrayQueue;

import java.util.Arrays;

/**
 * Hands the items of one output edge of one processor to the downstream processors: into the
 * queues towards them, by the edge's routing policy, or straight into a fused downstream
 * processor. {@link #offerToAll} sends control items (watermarks, the done item) and broadcast
 * items to every downstream processor; the caller retries a refused item until it is taken, as
 * the outbox contract requires.
 *
 * <p>Threading: confined to the upstream processor's tasklet thread. The queues are
 * single-producer: this collector is their only producer.
 */
abstract class OutboundCollector {

    /** Routes one data item; {@code false} when the target is full. */
    abstract boolean offer(Object item);

    /** Offers to every downstream processor; {@code true} once all of them have taken the item. */
    abstract boolean offerToAll(Object item);

    /** Whether the last {@link #offerToAll} was refused after some downstream processors took the item. */
    abstract boolean isPartlyTaken();

    /** The collectors that put items into queues; they remember which queues took an item. */
    abstract static class QueueCollector extends OutboundCollector {

        final SpscArrayQueue<Object>[] queues;
        private final boolean[] taken;
        private int takenCount;

        QueueCollector(SpscArrayQueue<Object>[] queues) {
            if (queues.length == 0) {
                throw new IllegalArgumentException("An outbound edge needs at least one queue");
            }
            this.queues = queues;
            this.taken = new boolean[queues.length];
        }

        @Override
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

        @Override
        final boolean isPartlyTaken() {
            return takenCount > 0;
        }
    }

    /** Round-robin over the queues, skipping full ones. */
    static final class Unicast extends QueueCollector {
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
    static final class Single extends QueueCollector {
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
    static final class Broadcast extends QueueCollector {
        Broadcast(SpscArrayQueue<Object>[] queues) {
            super(queues);
        }

        @Override
        boolean offer(Object item) {
            return offerToAll(item);
        }
    }

    /** Each item to the queue of the processor that owns the partition of its key. */
    static final class Partitioned extends QueueCollector {
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

    /** Each item straight into the inbox of a processor fused with its upstream. */
    static final class Fused extends OutboundCollector {
        private final FusedStage stage;

        Fused(FusedStage stage) {
            this.stage = stage;
        }

        FusedStage stage() {
            return stage;
        }

        @Override
        boolean offer(Object item) {
            return stage.offer(item);
        }

        @Override
        boolean offerToAll(Object item) {
            return stage.offerControl(item);
        }

        /** One downstream processor: an item is taken or not (the stage finishes a control item it started itself). */
        @Override
        boolean isPartlyTaken() {
            return false;
        }
    }
}
