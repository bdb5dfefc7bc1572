package io.contrail.jet.impl.execution;

import io.contrail.jet.core.Outbox;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;
import io.contrail.snapshot.SnapshotMetadata;
import io.contrail.snapshot.SnapshotSession;
import io.contrail.snapshot.SnapshotTarget;
import io.contrail.snapshot.SnapshotWriter;
import io.contrail.snapshot.WriterSummary;
import org.jctools.queues.SpscArrayQueue;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source whose watermark went into one output queue and was refused by the other (full) one
 * when a snapshot is requested: the barrier must follow the watermark on both queues. It used to
 * skip the queue that had taken the watermark, so the downstream processor waited for that
 * barrier forever, the snapshot never completed and a suspend behind it never ended.
 */
class ProcessorTaskletSnapshotTest {

    private static final long SNAPSHOT_ID = 7;

    @Test
    void snapshotRequestedWhileAWatermarkIsHalfOffered_barrierFollowsTheWatermarkOnEveryQueue() {
        SpscArrayQueue<Object> roomy = new SpscArrayQueue<>(64);
        SpscArrayQueue<Object> tight = new SpscArrayQueue<>(4);
        @SuppressWarnings("unchecked")
        SpscArrayQueue<Object>[] queues = new SpscArrayQueue[]{roomy, tight};
        OutboxImpl outbox = new OutboxImpl(new OutboundCollector[]{new OutboundCollector.Unicast(queues, 0)}, 1_000);
        Watermark watermark = new Watermark(10);
        Emitter source = new Emitter(outbox, watermark, "after");
        ExecutionContext context = new ExecutionContext(1, "job", List.of("source"));
        ProcessorTasklet tasklet = new ProcessorTasklet(context, "source", 0, source, 16, outbox, new InboundEdge[0], -1,
                new FusedStage[0], true);
        context.addTasklet(tasklet);
        driveThroughSnapshot(tasklet, context, roomy, tight, watermark);
        assertThat(source.unsentAtSave).as("saved once the watermark was in both queues, before emitting more")
                .containsExactly("after");
    }

    /**
     * The same for a processor fused after the source, whose own {@code tryProcess()} left a
     * watermark half offered when the source's barrier reaches it.
     */
    @Test
    void barrierReachesAFusedProcessorWhileItsWatermarkIsHalfOffered_barrierFollowsTheWatermarkOnEveryQueue() {
        SpscArrayQueue<Object> roomy = new SpscArrayQueue<>(64);
        SpscArrayQueue<Object> tight = new SpscArrayQueue<>(4);
        @SuppressWarnings("unchecked")
        SpscArrayQueue<Object>[] queues = new SpscArrayQueue[]{roomy, tight};
        OutboxImpl fusedOutbox = new OutboxImpl(new OutboundCollector[]{new OutboundCollector.Unicast(queues, 0)}, 1_000);
        Watermark watermark = new Watermark(10);
        Emitter emitter = new Emitter(fusedOutbox, watermark, "after");
        ExecutionContext context = new ExecutionContext(1, "job", List.of("source", "fused"));
        FusedStage stage = new FusedStage(context, "fused", 0, emitter, 16, fusedOutbox);
        OutboxImpl sourceOutbox = new OutboxImpl(new OutboundCollector[]{new OutboundCollector.Fused(stage)}, 1_000);
        ProcessorTasklet tasklet = new ProcessorTasklet(context, "source", 0, new Emitter(sourceOutbox), 16,
                sourceOutbox, new InboundEdge[0], -1, new FusedStage[]{stage}, true);
        context.addTasklet(tasklet);
        driveThroughSnapshot(tasklet, context, roomy, tight, watermark);
        assertThat(emitter.unsentAtSave).as("saved once the watermark was in both queues, before emitting more")
                .containsExactly("after");
    }

    /**
     * With {@code tight} full, lets the watermark into {@code roomy} only, requests a snapshot,
     * then frees {@code tight}: both queues must get the watermark before the barrier, and the
     * snapshot must complete.
     */
    private static void driveThroughSnapshot(ProcessorTasklet tasklet, ExecutionContext context,
                                             SpscArrayQueue<Object> roomy, SpscArrayQueue<Object> tight, Watermark watermark) {
        while (tight.offer("fill")) {
            // the downstream processor behind this queue is slow
        }

        tasklet.call();
        assertThat(roomy).containsExactly(watermark);
        CompletableFuture<List<WriterSummary>> snapshot = context.startSnapshot(SNAPSHOT_ID, false, new StubSession());
        tasklet.call();
        List<Object> tightSeen = drain(tight);
        for (int i = 0; i < 3; i++) {
            tasklet.call();
        }

        SnapshotBarrier barrier = new SnapshotBarrier(SNAPSHOT_ID, false);
        assertThat(drain(roomy)).containsExactly(watermark, barrier, "after");
        tightSeen.addAll(drain(tight));
        assertThat(tightSeen).endsWith(watermark, barrier);
        assertThat(snapshot).isCompleted();
    }

    private static List<Object> drain(SpscArrayQueue<Object> queue) {
        List<Object> items = new ArrayList<>();
        for (Object item; (item = queue.poll()) != null; ) {
            items.add(item);
        }
        return items;
    }

    /**
     * Emits its items in order, each offered again until taken: from {@code complete()}, like a
     * generator (and never completes), and from {@code tryProcess()}, like a processor on a timer.
     */
    private static final class Emitter implements Processor {
        private final Outbox outbox;
        private final ArrayDeque<Object> toEmit;
        /** What was still to emit when the state was saved. */
        List<Object> unsentAtSave;

        Emitter(Outbox outbox, Object... items) {
            this.outbox = outbox;
            this.toEmit = new ArrayDeque<>(List.of(items));
        }

        @Override
        public boolean tryProcess() {
            while (!toEmit.isEmpty() && outbox.offer(toEmit.peek())) {
                toEmit.poll();
            }
            return toEmit.isEmpty();
        }

        @Override
        public boolean complete() {
            tryProcess();
            return false;
        }

        @Override
        public boolean saveToSnapshot() {
            unsentAtSave = List.copyOf(toEmit);
            return true;
        }

        @Override
        public boolean tryProcessWatermark(Watermark watermark) {
            throw new AssertionError("no watermark comes in");
        }
    }

    /** A session whose writers store nothing. */
    private static final class StubSession implements SnapshotSession {
        @Override
        public SnapshotTarget target() {
            return new SnapshotTarget(1, "job", SNAPSHOT_ID, 0);
        }

        @Override
        public SnapshotWriter newWriter(String vertexName, int processorIndex) {
            WriterSummary summary = new WriterSummary(1, SNAPSHOT_ID, vertexName, processorIndex, 0, 0, 0, 0);
            return new SnapshotWriter() {
                @Override
                public void write(Object key, Object value) {
                }

                @Override
                public CompletableFuture<WriterSummary> closeAsync() {
                    return CompletableFuture.completedFuture(summary);
                }

                @Override
                public WriterSummary close() {
                    return summary;
                }
            };
        }

        @Override
        public SnapshotMetadata complete(Collection<WriterSummary> writers) {
            throw new AssertionError("the coordinator completes a session; this test drives one tasklet and never does");
        }

        @Override
        public void abort() {
        }
    }
}
