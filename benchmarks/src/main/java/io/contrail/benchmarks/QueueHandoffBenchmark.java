package io.contrail.benchmarks;

import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.SpscArrayQueue;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Hand-off throughput of the edge queue the engine uses between two processors: a JCTools
 * {@link SpscArrayQueue} of capacity 1024, one producer thread and one consumer thread in one JMH
 * {@link Group}, neither backing off (like JCTools' {@code QueueThroughputBackoffNone}).
 *
 * <p>The producer offers one item per call, as {@code OutboundCollector} does. The consumer
 * variant is the {@code consumer} parameter:
 * <ul>
 *   <li>{@code poll}: one {@code poll()} per call;</li>
 *   <li>{@code pollLoop}: {@code poll()} in a loop into a 1024-slot inbox array until the queue is
 *       empty or the inbox full, one call per batch: what {@code ProcessorTasklet.drainEdge} does
 *       today;</li>
 *   <li>{@code drain}: one {@code drain(consumer, 1024)} into the same inbox array per call: the
 *       batch hand-off that {@code ARCHITECTURE.md} asks for.</li>
 * </ul>
 *
 * <h2>Reading the results</h2>
 * The group's primary score counts <em>calls</em>, so compare variants by the auxiliary
 * counters: {@code offered} and {@code polled} are items per second, {@code offersFailed} and
 * {@code pollsFailed} are calls per second that found the queue full or empty. A high
 * {@code pollsFailed} means the consumer outruns the producer (and vice versa). State the JVM,
 * the cores and these counters with every figure ({@code README.md}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar QueueHandoff -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class QueueHandoffBenchmark {

    /** The engine's default edge queue capacity ({@code ContrailConfig.queueSize}). */
    static final int QUEUE_CAPACITY = 1024;
    /** The engine's default inbox size ({@code ContrailConfig.inboxSize}). */
    static final int INBOX_SIZE = 1024;
    /** The item handed over: one shared instance, so the benchmark measures the queue, not allocation. */
    private static final Object ITEM = 1L;
    private static final int POLL = 0;
    private static final int POLL_LOOP = 1;
    private static final int DRAIN = 2;

    @Param({"poll", "pollLoop", "drain"})
    public String consumer;

    private SpscArrayQueue<Object> queue;
    /** {@link #consumer} decoded once, so the hot path switches on an int, not a string. */
    private int consumerMode;

    @Setup(Level.Trial)
    public void decodeConsumer() {
        consumerMode = switch (consumer) {
            case "poll" -> POLL;
            case "pollLoop" -> POLL_LOOP;
            case "drain" -> DRAIN;
            default -> throw new IllegalArgumentException("Unknown consumer '" + consumer + "'; valid: poll, pollLoop, drain");
        };
    }

    /**
     * A fresh queue per iteration, so that items left over by one iteration do not skew the next.
     * JMH runs group-scoped setup while both threads are stopped.
     */
    @Setup(Level.Iteration)
    public void createQueue() {
        queue = new SpscArrayQueue<>(QUEUE_CAPACITY);
    }

    /** Producer-side counters; per thread, so no sharing between producer and consumer. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class OfferCounters {
        /** Items accepted by the queue. */
        public long offered;
        /** Offers refused because the queue was full. */
        public long offersFailed;
    }

    /** Consumer-side counters and the consumer's inbox. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class PollCounters implements MessagePassingQueue.Consumer<Object> {
        /** Items taken from the queue. */
        public long polled;
        /** Calls that found the queue empty. */
        public long pollsFailed;

        private final Object[] inbox = new Object[INBOX_SIZE];
        private int inboxFill;

        @Override
        public void accept(Object item) {
            inbox[inboxFill++] = item;
        }

        /** Empties the inbox as a processor would after handling the batch. */
        int takeInbox() {
            int n = inboxFill;
            Arrays.fill(inbox, 0, n, null);
            inboxFill = 0;
            return n;
        }

        /** What the benchmark returns, so JIT cannot drop the consumer's work. */
        Object first() {
            return inbox[0];
        }
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public boolean offer(OfferCounters counters) {
        if (queue.offer(ITEM)) {
            counters.offered++;
            return true;
        }
        counters.offersFailed++;
        return false;
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public Object poll(PollCounters counters) {
        switch (consumerMode) {
            case POLL -> {
                Object item = queue.poll();
                if (item == null) {
                    counters.pollsFailed++;
                } else {
                    counters.polled++;
                }
                return item;
            }
            case POLL_LOOP -> {
                for (Object item; counters.inboxFill < INBOX_SIZE && (item = queue.poll()) != null; ) {
                    counters.accept(item);
                }
                return consumeInbox(counters);
            }
            case DRAIN -> {
                queue.drain(counters, INBOX_SIZE);
                return consumeInbox(counters);
            }
            default -> throw new AssertionError(consumerMode);
        }
    }

    private static Object consumeInbox(PollCounters counters) {
        Object first = counters.first();
        int taken = counters.takeInbox();
        if (taken == 0) {
            counters.pollsFailed++;
        } else {
            counters.polled += taken;
        }
        return first;
    }
}
