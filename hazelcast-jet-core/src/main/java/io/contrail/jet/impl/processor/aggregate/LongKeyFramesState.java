package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.core.Traverser;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;

import java.io.Serializable;
import java.util.Map;

/**
 * As {@link KeyFramesState}, for the long-key processors: the snapshot key is the {@code Long}
 * group key and the frame values are primitive.
 *
 * @param watermark       the processor's last watermark, or {@code Long.MIN_VALUE} for none
 * @param frameEnds       the end timestamp of each frame
 * @param values          the key's count or sum in each frame, parallel to {@code frameEnds}
 * @param dirtyWindowEnds the end timestamps of emitted windows to emit again
 */
record LongKeyFramesState(long watermark, long[] frameEnds, long[] values, long[] dirtyWindowEnds)
        implements KeyedWindowState, Serializable {

    /**
     * The snapshot of {@code frames} and of {@code dirtyWindows} (window number to the keys to
     * emit again; {@code null} for a first stage), one entry per key.
     */
    static Traverser<Map.Entry<Long, LongKeyFramesState>> entries(FrameRing<LongLongTable> frames,
                                                                  Map<Long, LongHashSet> dirtyWindows,
                                                                  long slide, long watermark) {
        Long2ObjectHashMap<Builder> byKey = new Long2ObjectHashMap<>();
        frames.forEach((f, table) -> {
            long end = WindowMath.frameEnd(f, slide);
            for (int s = table.nextSlot(0); s >= 0; s = table.nextSlot(s + 1)) {
                Builder b = byKey.computeIfAbsent(table.keyAt(s), k -> new Builder());
                b.frameEnds.addLong(end);
                b.values.addLong(table.valueAt(s));
            }
        });
        if (dirtyWindows != null) {
            dirtyWindows.forEach((g, keys) -> {
                long end = WindowMath.frameEnd(g, slide);
                for (LongHashSet.LongIterator it = keys.iterator(); it.hasNext(); ) {
                    byKey.computeIfAbsent(it.nextValue(), k -> new Builder()).dirtyWindowEnds.addLong(end);
                }
            });
        }
        Long2ObjectHashMap<Builder>.EntryIterator it = byKey.entrySet().iterator();
        return () -> {
            if (!it.hasNext()) {
                return null;
            }
            it.next();
            Builder b = it.getValue();
            return Map.entry(it.getLongKey(), new LongKeyFramesState(watermark, b.frameEnds.toLongArray(),
                    b.values.toLongArray(), b.dirtyWindowEnds.toLongArray()));
        };
    }

    /**
     * Adds this state's frames of {@code key} to {@code frames}, summing with a value the frame
     * already has; {@code owner} counts the new records. The dirty windows are the caller's.
     */
    void restoreFrames(long key, FrameRing<LongLongTable> frames, long slide, AbstractWindowP<?, ?> owner) {
        for (int i = 0; i < frameEnds.length; i++) {
            if (frames.getOrCreate(WindowMath.frameOfEnd(frameEnds[i], slide)).add(key, values[i])) {
                owner.addRecord();
            }
        }
    }

    /** Collects one key's frames and dirty windows. */
    private static final class Builder {
        private final LongArrayList frameEnds = new LongArrayList();
        private final LongArrayList values = new LongArrayList();
        private final LongArrayList dirtyWindowEnds = new LongArrayList();
    }
}
