package io.contrail.jet.impl.execution;

import org.jctools.queues.SpscArrayQueue;

/**
 * The queues of one input ordinal of one processor, one per upstream processor.
 *
 * <p>Threading: the consumer side, confined to the processor's tasklet thread.
 */
final class InboundEdge {

    final int ordinal;
    final int priority;
    final SpscArrayQueue<Object>[] queues;
    /** Index of {@code queues[0]} among all input queues of the processor, for the coalescer. */
    final int firstQueueIndex;
    final boolean[] queueDone;
    int doneCount;
    /** Where the next drain starts, so that no queue is always drained last. */
    int cursor;

    InboundEdge(int ordinal, int priority, SpscArrayQueue<Object>[] queues, int firstQueueIndex) {
        this.ordinal = ordinal;
        this.priority = priority;
        this.queues = queues;
        this.firstQueueIndex = firstQueueIndex;
        this.queueDone = new boolean[queues.length];
    }

    boolean isDone() {
        return doneCount == queues.length;
    }

    /** Items waiting in this edge's queues now. */
    long fill() {
        long fill = 0;
        for (SpscArrayQueue<Object> queue : queues) {
            fill += queue.size();
        }
        return fill;
    }

    long capacity() {
        long capacity = 0;
        for (SpscArrayQueue<Object> queue : queues) {
            capacity += queue.capacity();
        }
        return capacity;
    }
}
