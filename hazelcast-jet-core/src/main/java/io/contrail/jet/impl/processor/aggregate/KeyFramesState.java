package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.core.Traverser;
import org.agrona.collections.LongArrayList;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Snapshot value of one key of a generic frame-based window processor (both stages): the key's
 * accumulator in each frame it has, the windows awaiting re-emission because of late items, and
 * the processor's watermark (so that any processor can restore any key; a restored processor
 * takes the least watermark of its entries). The snapshot key is the group key.
 *
 * @param watermark     the processor's last watermark, or {@code Long.MIN_VALUE} for none
 * @param frameEnds     the end timestamp of each frame
 * @param accumulators  the key's accumulator in each frame, parallel to {@code frameEnds}
 * @param dirtyWindowEnds the end timestamps of emitted windows to emit again
 */
record KeyFramesState(long watermark, long[] frameEnds, Object[] accumulators, long[] dirtyWindowEnds)
        implements KeyedWindowState, Serializable {

    /**
     * The snapshot of {@code frames} and of {@code dirtyWindows} (window number to the keys to
     * emit again; {@code null} for a first stage), one entry per key.
     */
    static <K, A> Traverser<Map.Entry<K, KeyFramesState>> entries(FrameRing<HashMap<K, A>> frames,
                                                                  Map<Long, Set<K>> dirtyWindows,
                                                                  long slide, long watermark) {
        Map<K, Builder> byKey = new HashMap<>();
        frames.forEach((f, content) -> {
            long end = WindowMath.frameEnd(f, slide);
            content.forEach((key, acc) -> byKey.computeIfAbsent(key, k -> new Builder()).add(end, acc));
        });
        if (dirtyWindows != null) {
            dirtyWindows.forEach((g, keys) -> {
                long end = WindowMath.frameEnd(g, slide);
                keys.forEach(key -> byKey.computeIfAbsent(key, k -> new Builder()).addDirty(end));
            });
        }
        return Traverser.traverseIterable(byKey.entrySet())
                .map(e -> Map.entry(e.getKey(), e.getValue().build(watermark)));
    }

    /**
     * Adds this state's frames of {@code key} to {@code frames}, combining with an accumulator the
     * frame already has (entries from several processors may meet); {@code owner} counts the new
     * records. The dirty windows are the caller's.
     */
    @SuppressWarnings("unchecked")
    <K, A> void restoreFrames(K key, FrameRing<HashMap<K, A>> frames, long slide,
                              BiConsumer<? super A, ? super A> combineFn, AbstractWindowP<?, ?> owner) {
        for (int i = 0; i < frameEnds.length; i++) {
            HashMap<K, A> frame = frames.getOrCreate(WindowMath.frameOfEnd(frameEnds[i], slide));
            A acc = (A) accumulators[i];
            A existing = frame.get(key);
            if (existing == null) {
                owner.addRecord();
                frame.put(key, acc);
            } else {
                combineFn.accept(existing, acc);
            }
        }
    }

    /** Collects one key's frames and dirty windows. */
    private static final class Builder {
        private final LongArrayList frameEnds = new LongArrayList();
        private final List<Object> accumulators = new ArrayList<>();
        private final LongArrayList dirtyWindowEnds = new LongArrayList();

        void add(long frameEnd, Object acc) {
            frameEnds.addLong(frameEnd);
            accumulators.add(acc);
        }

        void addDirty(long windowEnd) {
            dirtyWindowEnds.addLong(windowEnd);
        }

        KeyFramesState build(long watermark) {
            return new KeyFramesState(watermark, frameEnds.toLongArray(), accumulators.toArray(), dirtyWindowEnds.toLongArray());
        }
    }
}
