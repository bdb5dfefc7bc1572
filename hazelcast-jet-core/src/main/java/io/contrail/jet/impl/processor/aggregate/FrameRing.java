package io.contrail.jet.impl.processor.aggregate;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The frames of a window processor, indexed by frame number ({@code floorDiv(timestamp, slide)}):
 * a ring of {@code capacity} slots where frame {@code f} lives in slot {@code f & (capacity - 1)},
 * plus an overflow map for the rare frame whose slot is taken by another live frame (an item far
 * ahead of the others). Live frames normally span a window and the allowed lateness, which the
 * capacity covers, so lookups are an array access with no hashing and no boxing.
 *
 * <p>A removed frame's object stays in its slot, cleared, and serves the next frame that lands
 * there: frame tables keep their grown capacity and steady state allocates nothing.
 *
 * <p>Threading: confined to one processor thread.
 *
 * @param <F> the frame's content (a hash table of key to accumulator)
 */
final class FrameRing<F> {

    /** Returned by {@link #next} and {@link #last} when there is no such frame. */
    static final long NO_FRAME = Long.MAX_VALUE;

    private static final long FREE_SLOT = Long.MIN_VALUE;

    private final Supplier<F> createFn;
    private final Consumer<F> clearFn;
    private final Object[] slots;
    private final long[] slotFrame;
    private final int mask;
    private final TreeMap<Long, F> overflow = new TreeMap<>();
    private int ringCount;
    /** An upper bound of the frames in the ring: exact after an insert, possibly stale after a remove. */
    private long ringMax;

    /**
     * @param minCapacity the number of consecutive frames the ring holds without overflow; rounded
     *                    up to a power of two
     */
    FrameRing(int minCapacity, Supplier<F> createFn, Consumer<F> clearFn) {
        int capacity = Integer.highestOneBit(Math.max(2, minCapacity) - 1) << 1;
        this.slots = new Object[capacity];
        this.slotFrame = new long[capacity];
        java.util.Arrays.fill(slotFrame, FREE_SLOT);
        this.mask = capacity - 1;
        this.createFn = createFn;
        this.clearFn = clearFn;
    }

    /** Picks a ring capacity for frames spanning {@code frames} consecutive frame numbers. */
    static int capacityFor(long frames) {
        return (int) Math.min(1 << 16, Math.max(16, frames + frames / 4 + 8));
    }

    /** The frame, or {@code null} when absent. */
    @SuppressWarnings("unchecked")
    F get(long frame) {
        int i = (int) frame & mask;
        if (slotFrame[i] == frame && frame != FREE_SLOT) {
            return (F) slots[i];
        }
        return overflow.isEmpty() ? null : overflow.get(frame);
    }

    /** The frame, created (empty) when absent. */
    @SuppressWarnings("unchecked")
    F getOrCreate(long frame) {
        int i = (int) frame & mask;
        long occupant = slotFrame[i];
        if (occupant == frame && frame != FREE_SLOT) {
            return (F) slots[i];
        }
        if (!overflow.isEmpty()) {
            F existing = overflow.get(frame);
            if (existing != null) {
                if (occupant == FREE_SLOT && frame != FREE_SLOT) {
                    overflow.remove(frame);
                    slots[i] = existing;
                    occupy(i, frame);
                }
                return existing;
            }
        }
        if (occupant == FREE_SLOT && frame != FREE_SLOT) {
            F content = (F) slots[i];
            if (content == null) {
                content = createFn.get();
                slots[i] = content;
            }
            occupy(i, frame);
            return content;
        }
        F content = createFn.get();
        overflow.put(frame, content);
        return content;
    }

    private void occupy(int slot, long frame) {
        slotFrame[slot] = frame;
        ringMax = ringCount++ == 0 ? frame : Math.max(ringMax, frame);
    }

    /** Removes the frame, if present; a ring frame's content is cleared and kept for reuse. */
    @SuppressWarnings("unchecked")
    void remove(long frame) {
        int i = (int) frame & mask;
        if (slotFrame[i] == frame && frame != FREE_SLOT) {
            clearFn.accept((F) slots[i]);
            slotFrame[i] = FREE_SLOT;
            ringCount--;
        } else if (!overflow.isEmpty()) {
            overflow.remove(frame);
        }
    }

    /** The least frame number at or above {@code from}, or {@link #NO_FRAME}. */
    long next(long from) {
        long best = NO_FRAME;
        if (ringCount > 0 && ringMax >= from) {
            if (Long.compareUnsigned(ringMax - from, mask) <= 0) {
                for (long f = from; f <= ringMax; f++) {
                    if (slotFrame[(int) f & mask] == f) {
                        best = f;
                        break;
                    }
                }
            } else {
                for (long f : slotFrame) {
                    if (f != FREE_SLOT && f >= from && f < best) {
                        best = f;
                    }
                }
            }
        }
        if (!overflow.isEmpty()) {
            Long candidate = overflow.ceilingKey(from);
            if (candidate != null && candidate < best) {
                best = candidate;
            }
        }
        return best;
    }

    /** The greatest frame number, or {@link #NO_FRAME} when empty. Scans the ring. */
    long last() {
        long max = FREE_SLOT;
        if (ringCount > 0) {
            for (long f : slotFrame) {
                max = Math.max(max, f);
            }
        }
        if (!overflow.isEmpty()) {
            max = Math.max(max, overflow.lastKey());
        }
        return max == FREE_SLOT ? NO_FRAME : max;
    }

    boolean isEmpty() {
        return ringCount == 0 && overflow.isEmpty();
    }

    /** Calls {@code action} for every frame, in no particular order; the action must not add or remove frames. */
    @SuppressWarnings("unchecked")
    void forEach(FrameAction<? super F> action) {
        if (ringCount > 0) {
            for (int i = 0; i < slotFrame.length; i++) {
                if (slotFrame[i] != FREE_SLOT) {
                    action.accept(slotFrame[i], (F) slots[i]);
                }
            }
        }
        for (Map.Entry<Long, F> e : overflow.entrySet()) {
            action.accept(e.getKey(), e.getValue());
        }
    }

    /** What {@link #forEach} calls. */
    @FunctionalInterface
    interface FrameAction<F> {
        void accept(long frame, F content);
    }
}
