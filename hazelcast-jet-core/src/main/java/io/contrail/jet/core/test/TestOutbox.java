package io.contrail.jet.core.test;

import io.contrail.jet.core.Outbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An {@link Outbox} whose buckets are plain lists of a fixed capacity, for tests: an offer to a
 * full bucket is refused, as a full downstream queue would refuse it. The test drains the
 * buckets between calls.
 */
public final class TestOutbox implements Outbox {

    private final List<List<Object>> buckets = new ArrayList<>();
    private final int[] capacities;
    private final List<Map.Entry<Object, Object>> snapshotBucket = new ArrayList<>();
    private final int snapshotCapacity;
    private final boolean[] broadcastTracker;
    private final int[] allOrdinals;

    /** An outbox with one bucket per given capacity and a snapshot bucket of capacity 1. */
    public TestOutbox(int... capacities) {
        this(capacities, 1);
    }

    /** An outbox with one bucket per given capacity and a snapshot bucket of the given capacity. */
    public TestOutbox(int[] capacities, int snapshotCapacity) {
        this.capacities = capacities.clone();
        for (int ignored : capacities) {
            buckets.add(new ArrayList<>());
        }
        this.snapshotCapacity = snapshotCapacity;
        this.broadcastTracker = new boolean[capacities.length];
        this.allOrdinals = new int[capacities.length];
        Arrays.setAll(allOrdinals, i -> i);
    }

    @Override
    public int bucketCount() {
        return buckets.size();
    }

    @Override
    public boolean offer(int ordinal, Object item) {
        return ordinal == -1 ? offer(allOrdinals, item) : offerToBucket(ordinal, item);
    }

    @Override
    public boolean offer(int[] ordinals, Object item) {
        boolean done = true;
        for (int ordinal : ordinals) {
            if (broadcastTracker[ordinal]) {
                continue;
            }
            if (offerToBucket(ordinal, item)) {
                broadcastTracker[ordinal] = true;
            } else {
                done = false;
            }
        }
        if (done) {
            Arrays.fill(broadcastTracker, false);
        }
        return done;
    }

    private boolean offerToBucket(int ordinal, Object item) {
        if (ordinal < 0 || ordinal >= buckets.size()) {
            throw new IllegalArgumentException("Output ordinal " + ordinal + " does not exist; the outbox has " + buckets.size());
        }
        List<Object> bucket = buckets.get(ordinal);
        if (bucket.size() >= capacities[ordinal]) {
            return false;
        }
        bucket.add(item);
        return true;
    }

    @Override
    public boolean offerToSnapshot(Object key, Object value) {
        if (snapshotBucket.size() >= snapshotCapacity) {
            return false;
        }
        snapshotBucket.add(Map.entry(key, value));
        return true;
    }

    @Override
    public boolean hasUnfinishedItem() {
        for (boolean taken : broadcastTracker) {
            if (taken) {
                return true;
            }
        }
        return false;
    }

    /** The items in bucket {@code ordinal}; the test may remove them to make room. */
    public List<Object> bucket(int ordinal) {
        return buckets.get(ordinal);
    }

    /** Moves the items of bucket {@code ordinal} to {@code target}. */
    public void drainBucket(int ordinal, List<Object> target) {
        target.addAll(buckets.get(ordinal));
        buckets.get(ordinal).clear();
    }

    /** Moves the snapshot entries to {@code target}. */
    public void drainSnapshotBucket(List<Map.Entry<Object, Object>> target) {
        target.addAll(snapshotBucket);
        snapshotBucket.clear();
    }

    @Override
    public String toString() {
        return "TestOutbox" + buckets + (snapshotBucket.isEmpty() ? "" : " snapshot=" + snapshotBucket);
    }
}
