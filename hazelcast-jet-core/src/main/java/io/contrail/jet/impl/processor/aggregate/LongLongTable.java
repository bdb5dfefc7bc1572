package io.contrail.jet.impl.processor.aggregate;

import java.util.Arrays;

/**
 * An open-addressing hash table from {@code long} keys to a {@code long} value and, optionally, a
 * second {@code long} ("aux"), for the hot path of the long-key window processors.
 *
 * <h2>Why not Agrona's {@code Long2LongHashMap}</h2>
 * Agrona marks a missing entry by a reserved <em>value</em>, so a key whose value equals it
 * (a sum of 0 with missing value 0) silently disappears, and a window of items that sum to 0
 * would lose its result. This table marks free slots by a reserved <em>key</em> instead and keeps
 * that one key in a side slot, so every {@code long} is a valid key and value. It also exposes
 * slot indices, which lets a processor resume iteration at an {@code int} cursor after
 * back-pressure, with no iterator object; and it keeps a cleared table's capacity, so frames
 * reused from a ring never rehash in steady state.
 *
 * <h2>Layout</h2>
 * Keys and values interleave in one {@code long[]} ({@code key, value, key, value, ...}) so a
 * probe touches one cache line; linear probing; Fibonacci hashing on the top bits; capacity a
 * power of two, grown at a load factor of 0.65; removal shifts the following entries back
 * (no tombstones). Slots {@code 0 .. capacity() - 1} are table slots; slot {@code capacity()}
 * is the side slot of the key {@link #FREE}.
 *
 * <p>Threading: confined to one processor thread.
 */
final class LongLongTable {

    /** The key value that marks a free slot; a real entry of this key lives in the side slot. */
    static final long FREE = Long.MIN_VALUE;

    private static final long PHI = 0x9E3779B97F4A7C15L;
    private static final int MIN_CAPACITY = 8;
    private static final float LOAD_FACTOR = 0.65f;

    private final boolean withAux;
    private long[] entries;
    private long[] aux;
    private int capacity;
    private int mask;
    private int shift;
    private int resizeAt;
    private int size;
    private boolean hasFreeKey;
    private long freeKeyValue;
    private long freeKeyAux;

    LongLongTable(int expectedSize, boolean withAux) {
        this.withAux = withAux;
        allocate(capacityFor(expectedSize));
    }

    private static int capacityFor(int expectedSize) {
        int needed = (int) Math.min(1 << 30, (long) Math.ceil(Math.max(expectedSize, 1) / LOAD_FACTOR) + 1);
        return Math.max(MIN_CAPACITY, Integer.highestOneBit(needed - 1) << 1);
    }

    private void allocate(int newCapacity) {
        capacity = newCapacity;
        mask = newCapacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(newCapacity);
        resizeAt = (int) (newCapacity * LOAD_FACTOR);
        entries = new long[newCapacity * 2];
        Arrays.fill(entries, FREE);
        aux = withAux ? new long[newCapacity] : null;
    }

    private int home(long key) {
        return (int) ((key * PHI) >>> shift);
    }

    /** The number of keys. */
    int size() {
        return hasFreeKey ? size + 1 : size;
    }

    boolean isEmpty() {
        return size == 0 && !hasFreeKey;
    }

    /** The number of table slots; slot indices run from 0 to {@code capacity()} (the side slot). */
    int capacity() {
        return capacity;
    }

    /**
     * Adds {@code delta} to the value of {@code key}, inserting the key with value {@code delta}
     * (and aux 0) when absent. The hot path of counting and summing.
     *
     * @return whether the key was inserted
     */
    boolean add(long key, long delta) {
        if (key == FREE) {
            return addToFreeKey(delta);
        }
        long[] e = entries;
        for (int i = home(key); ; i = (i + 1) & mask) {
            int p = i << 1;
            long k = e[p];
            if (k == key) {
                e[p + 1] += delta;
                return false;
            }
            if (k == FREE) {
                e[p] = key;
                e[p + 1] = delta;
                if (withAux) {
                    aux[i] = 0;
                }
                if (++size > resizeAt) {
                    grow();
                }
                return true;
            }
        }
    }

    private boolean addToFreeKey(long delta) {
        if (hasFreeKey) {
            freeKeyValue += delta;
            return false;
        }
        hasFreeKey = true;
        freeKeyValue = delta;
        freeKeyAux = 0;
        return true;
    }

    /**
     * The slot of {@code key}, inserting it with value 0 and aux 0 when absent.
     *
     * @return the slot when the key was present, {@code ~slot} (negative) when it was inserted
     */
    int findOrInsert(long key) {
        if (key == FREE) {
            if (hasFreeKey) {
                return capacity;
            }
            hasFreeKey = true;
            freeKeyValue = 0;
            freeKeyAux = 0;
            return ~capacity;
        }
        long[] e = entries;
        for (int i = home(key); ; i = (i + 1) & mask) {
            int p = i << 1;
            long k = e[p];
            if (k == key) {
                return i;
            }
            if (k == FREE) {
                e[p] = key;
                e[p + 1] = 0;
                if (withAux) {
                    aux[i] = 0;
                }
                if (++size > resizeAt) {
                    grow();
                    return ~find(key);
                }
                return ~i;
            }
        }
    }

    /** The slot of {@code key}, or -1 when absent. */
    int find(long key) {
        if (key == FREE) {
            return hasFreeKey ? capacity : -1;
        }
        long[] e = entries;
        for (int i = home(key); ; i = (i + 1) & mask) {
            long k = e[i << 1];
            if (k == key) {
                return i;
            }
            if (k == FREE) {
                return -1;
            }
        }
    }

    /** Whether the table holds {@code key}. */
    boolean containsKey(long key) {
        return find(key) >= 0;
    }

    /** The value of {@code key}, or {@code defaultValue} when absent. */
    long get(long key, long defaultValue) {
        int slot = find(key);
        return slot < 0 ? defaultValue : valueAt(slot);
    }

    /**
     * The first occupied slot at or after {@code fromSlot}, or -1 when there is none: iterate with
     * {@code for (int s = t.nextSlot(0); s >= 0; s = t.nextSlot(s + 1))}. The order is stable while
     * the table is not modified.
     */
    int nextSlot(int fromSlot) {
        long[] e = entries;
        for (int i = Math.max(fromSlot, 0); i < capacity; i++) {
            if (e[i << 1] != FREE) {
                return i;
            }
        }
        return fromSlot <= capacity && hasFreeKey ? capacity : -1;
    }

    long keyAt(int slot) {
        return slot == capacity ? FREE : entries[slot << 1];
    }

    long valueAt(int slot) {
        return slot == capacity ? freeKeyValue : entries[(slot << 1) + 1];
    }

    void addToValueAt(int slot, long delta) {
        if (slot == capacity) {
            freeKeyValue += delta;
        } else {
            entries[(slot << 1) + 1] += delta;
        }
    }

    long auxAt(int slot) {
        checkAux();
        return slot == capacity ? freeKeyAux : aux[slot];
    }

    void addToAuxAt(int slot, long delta) {
        checkAux();
        if (slot == capacity) {
            freeKeyAux += delta;
        } else {
            aux[slot] += delta;
        }
    }

    private void checkAux() {
        if (!withAux) {
            throw new IllegalStateException("This table has no aux values");
        }
    }

    /** Removes the entry at {@code slot}; other slots' entries may move. */
    void removeAt(int slot) {
        if (slot == capacity) {
            hasFreeKey = false;
            return;
        }
        long[] e = entries;
        int hole = slot;
        for (int j = (hole + 1) & mask; ; j = (j + 1) & mask) {
            long k = e[j << 1];
            if (k == FREE) {
                break;
            }
            int h = home(k);
            // The entry at j may move into the hole unless its home lies cyclically in (hole, j].
            boolean stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
            if (!stays) {
                e[hole << 1] = k;
                e[(hole << 1) + 1] = e[(j << 1) + 1];
                if (withAux) {
                    aux[hole] = aux[j];
                }
                hole = j;
            }
        }
        e[hole << 1] = FREE;
        size--;
    }

    /** Removes every entry, keeping the capacity. */
    void clear() {
        if (size > 0) {
            Arrays.fill(entries, FREE);
            size = 0;
        }
        hasFreeKey = false;
    }

    private void grow() {
        long[] oldEntries = entries;
        long[] oldAux = aux;
        int oldCapacity = capacity;
        allocate(capacity << 1);
        long[] e = entries;
        for (int s = 0; s < oldCapacity; s++) {
            long k = oldEntries[s << 1];
            if (k == FREE) {
                continue;
            }
            int i = home(k);
            while (e[i << 1] != FREE) {
                i = (i + 1) & mask;
            }
            e[i << 1] = k;
            e[(i << 1) + 1] = oldEntries[(s << 1) + 1];
            if (withAux) {
                aux[i] = oldAux[s];
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int s = nextSlot(0); s >= 0; s = nextSlot(s + 1)) {
            sb.append(sb.length() > 1 ? ", " : "").append(keyAt(s)).append('=').append(valueAt(s));
            if (withAux) {
                sb.append('/').append(auxAt(s));
            }
        }
        return sb.append('}').toString();
    }
}
