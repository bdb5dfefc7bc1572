package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.window.SlidingWindowDefinition;

import java.util.function.Consumer;
import java.util.function.Supplier;

import static io.contrail.jet.impl.processor.aggregate.WindowMath.NONE;
import static java.util.Objects.requireNonNull;

/**
 * The window bookkeeping of {@link SlidingWindowP} and {@link LongSlidingWindowP}, which differ
 * only in what a frame holds: windows are numbered by their last frame (window {@code g} covers
 * frames {@code g - F + 1 .. g}, {@code F = windowSize / slideBy}); this class decides which
 * windows a watermark or completion emits, which frames a late partial may still reach, and when
 * a frame can no longer be needed. All of it runs per watermark or per window, never per item.
 *
 * @param <K> the key type
 * @param <S> the snapshot value of one key
 * @param <F> a frame's content
 */
abstract class AbstractSlidingWindowP<K, S extends KeyedWindowState, F> extends AbstractWindowP<K, S> {

    /** Returned by {@link #nextRunningWindow} when no window is left to slide to. */
    static final long NO_WINDOW = NONE;

    final long slide;
    final long framesPerWindow;
    final FrameRing<F> frames;
    /** The last window emitted (all windows up to it are emitted), or NONE. */
    long lastWindow = NONE;
    /** Frame partials of frames at or below this are dropped. */
    long lateFrameLimit = Long.MIN_VALUE;

    AbstractSlidingWindowP(SlidingWindowDefinition windowDefinition, long allowedLateness, long maxAccumulatedRecords,
                           Supplier<F> createFrameFn, Consumer<F> clearFrameFn) {
        super(allowedLateness, maxAccumulatedRecords);
        requireNonNull(windowDefinition, "windowDefinition is null");
        this.slide = windowDefinition.slideBy();
        this.framesPerWindow = windowDefinition.framesPerWindow();
        this.frames = new FrameRing<>(FrameRing.capacityFor(framesPerWindow + allowedLateness / slide + 2),
                createFrameFn, clearFrameFn);
    }

    /** Starts emitting the dirty windows again, then every window up to {@code targetWindow}. */
    abstract void startEmitting(long targetWindow);

    /** The number of records (keys) {@code frame} holds. */
    abstract int recordsIn(F frame);

    @Override
    final void startWatermark(long timestamp) {
        long target = WindowMath.lastClosedWindow(timestamp, slide);
        startEmitting(lastWindow == NONE ? target : Math.max(lastWindow, target));
    }

    @Override
    final void startCompletion() {
        long last = frames.last();
        long target = last == FrameRing.NO_FRAME ? lastWindow : last + framesPerWindow - 1;
        startEmitting(lastWindow == NONE ? target : Math.max(lastWindow, target));
    }

    @Override
    final void onWatermarkAdvanced() {
        dropLimit = WindowMath.subtractSaturated(watermark, allowedLateness);
        lateFrameLimit = WindowMath.lastClosedWindow(dropLimit, slide);
        if (lastWindow == NONE) {
            return;
        }
        // Keep the frames of the running window (> lastWindow - F) and of every window a late item
        // may still change (windows after lateFrameLimit need frames > lateFrameLimit + 1 - F).
        long purgeLimit = Math.min(WindowMath.subtractSaturated(lastWindow, framesPerWindow),
                WindowMath.subtractSaturated(lateFrameLimit, framesPerWindow - 1));
        for (long f = frames.next(Long.MIN_VALUE); f != FrameRing.NO_FRAME && f <= purgeLimit; f = frames.next(f + 1)) {
            records.decrement(recordsIn(frames.get(f)));
            frames.remove(f);
        }
    }

    @Override
    final void onWatermarkRestored() {
        if (watermark != NONE) {
            lastWindow = WindowMath.lastClosedWindow(watermark, slide);
            dropLimit = WindowMath.subtractSaturated(watermark, allowedLateness);
            lateFrameLimit = WindowMath.lastClosedWindow(dropLimit, slide);
        }
    }

    /** Whether frame {@code f} is covered by an emitted window, so that adding to it dirties that window. */
    final boolean isEmitted(long f) {
        return lastWindow != NONE && f <= lastWindow;
    }

    /**
     * Deduct mode: the window after {@link #lastWindow} to slide the running window to, or
     * {@link #NO_WINDOW} when past {@code targetWindow}. An empty running window skips straight to
     * the window before the next frame; with no frame up to the target, {@link #lastWindow}
     * becomes the target.
     */
    final long nextRunningWindow(long targetWindow, boolean runningEmpty) {
        long r = lastWindow;
        if (r != NONE && r >= targetWindow) {
            return NO_WINDOW;
        }
        if (runningEmpty) {
            long f = frames.next(r == NONE ? Long.MIN_VALUE : r + 1);
            if (f == FrameRing.NO_FRAME || f > targetWindow) {
                lastWindow = targetWindow;
                return NO_WINDOW;
            }
            r = f - 1;
        }
        return r + 1;
    }

    /** The start timestamp of window {@code g}. */
    final long startOfWindow(long g) {
        return WindowMath.frameStart(g - framesPerWindow + 1, slide);
    }

    /** The end timestamp (exclusive) of window {@code g}. */
    final long endOfWindow(long g) {
        return WindowMath.frameEnd(g, slide);
    }
}
