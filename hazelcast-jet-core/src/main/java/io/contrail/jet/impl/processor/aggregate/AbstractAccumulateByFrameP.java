package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.window.SlidingWindowDefinition;

import java.util.function.Consumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The frame handling of the first stages, {@link AccumulateByFrameP} and
 * {@link LongAccumulateByFrameP}, which differ only in what a frame holds: the frame ring, and
 * which frames a watermark or completion emits, in frame order, each removed once all its
 * partials are out. The subclass turns one frame's content into partials; this class moves from
 * frame to frame ({@link #nextFrameToEmit}), once per frame, never per item.
 *
 * @param <K> the key type
 * @param <S> the snapshot value of one key
 * @param <F> a frame's content
 */
abstract class AbstractAccumulateByFrameP<K, S extends KeyedWindowState, F> extends AbstractWindowP<K, S> {

    final long slide;
    final FrameRing<F> frames;

    private long lastFrameToEmit;
    private long nextFrom;
    private long emittingFrame = FrameRing.NO_FRAME;
    private F emittingContent;
    /** The end timestamp of the frame whose partials are being emitted. */
    long emittingFrameEnd;

    AbstractAccumulateByFrameP(SlidingWindowDefinition windowDefinition, long allowedLateness, long maxAccumulatedRecords,
                               Supplier<F> createFrameFn, Consumer<F> clearFrameFn) {
        super(allowedLateness, maxAccumulatedRecords);
        this.slide = requireNonNull(windowDefinition, "windowDefinition is null").slideBy();
        this.frames = new FrameRing<>(FrameRing.capacityFor(allowedLateness / slide + 2), createFrameFn, clearFrameFn);
    }

    /**
     * Forgets the frame cached for {@code process} and the emitter's place in a frame; the
     * emitter takes its frames from {@link #nextFrameToEmit}.
     */
    abstract void restartEmitter();

    /** The number of records (keys) {@code frame} holds. */
    abstract int recordsIn(F frame);

    @Override
    final void startWatermark(long timestamp) {
        startEmitting(WindowMath.lastClosedWindow(timestamp, slide));
    }

    @Override
    final void startCompletion() {
        startEmitting(Long.MAX_VALUE);
    }

    private void startEmitting(long lastFrame) {
        lastFrameToEmit = lastFrame;
        nextFrom = Long.MIN_VALUE;
        emittingFrame = FrameRing.NO_FRAME;
        restartEmitter();
    }

    /**
     * Removes the frame whose partials were all emitted, if any, and returns the content of the
     * next frame to emit (setting {@link #emittingFrameEnd}), or {@code null} when none is left.
     */
    final F nextFrameToEmit() {
        if (emittingFrame != FrameRing.NO_FRAME) {
            records.decrement(recordsIn(emittingContent));
            frames.remove(emittingFrame);
            emittingFrame = FrameRing.NO_FRAME;
            emittingContent = null;
        }
        long f = frames.next(nextFrom);
        if (f == FrameRing.NO_FRAME || f > lastFrameToEmit) {
            return null;
        }
        nextFrom = f + 1;
        emittingFrame = f;
        emittingFrameEnd = WindowMath.frameEnd(f, slide);
        emittingContent = frames.get(f);
        return emittingContent;
    }
}
