package io.contrail.jet.impl.processor.aggregate;

import io.contrail.jet.aggregate.AggregateOperation;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.window.KeyedWindowResultFunction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import static java.util.Objects.requireNonNull;

/**
 * Session window aggregation by key, driven by watermarks. An item with timestamp {@code ts}
 * opens the session {@code [ts, ts + gap)}; sessions of a key that overlap merge (combining their
 * accumulators), so a session runs from its first item to its last item plus the gap. A session
 * is emitted, as {@code mapToOutputFn(start, end, key, result)}, once the watermark minus the
 * allowed lateness reaches its end: then no acceptable item can extend it any more, so a session
 * is emitted exactly once and never revised. Items below {@code watermark - allowedLateness} are
 * dropped and counted. {@link Watermark#IDLE} is only forwarded; {@code complete()} emits every
 * open session.
 *
 * <p>Input should be partitioned by the key. State: per key a short list of open sessions sorted
 * by start, and an index from session end to keys for the watermark to find closed sessions.
 *
 * <p>Snapshot: one {@link SessionsState} per key; restoring sessions that overlap merges them.
 *
 * @param <T>   the item type
 * @param <K>   the key type
 * @param <A>   the accumulator type
 * @param <R>   the result type
 * @param <OUT> the output type
 */
public final class SessionWindowP<T, K, A, R, OUT> extends AbstractWindowP<K, SessionsState> {

    private final long gap;
    private final Function<? super T, ? extends K> keyFn;
    private final ToLongFunction<? super T> timestampFn;
    private final Supplier<A> createFn;
    private final BiConsumer<? super A, ? super T> accumulateFn;
    private final BiConsumer<? super A, ? super A> combineFn;
    private final Function<? super A, ? extends R> finishFn;
    private final KeyedWindowResultFunction<? super K, ? super R, ? extends OUT> mapToOutputFn;

    private final HashMap<K, List<Session<A>>> keyToSessions = new HashMap<>();
    /** Session end to the keys having a session ending there. */
    private final TreeMap<Long, Set<K>> deadlines = new TreeMap<>();

    private Iterator<Object> emission;
    private final Traverser<Object> emitter = () -> emission.hasNext() ? emission.next() : null;

    @SuppressWarnings("unchecked")
    public SessionWindowP(long gap, Function<? super T, ? extends K> keyFn, ToLongFunction<? super T> timestampFn,
                          AggregateOperation<? super T, A, ? extends R> op,
                          KeyedWindowResultFunction<? super K, ? super R, ? extends OUT> mapToOutputFn,
                          long allowedLateness, long maxAccumulatedRecords) {
        super(allowedLateness, maxAccumulatedRecords);
        if (gap <= 0) {
            throw new IllegalArgumentException("session gap must be positive, got " + gap);
        }
        this.gap = gap;
        this.keyFn = requireNonNull(keyFn, "keyFn is null");
        this.timestampFn = requireNonNull(timestampFn, "timestampFn is null");
        requireNonNull(op, "op is null");
        this.createFn = op.createFn();
        this.accumulateFn = (BiConsumer<? super A, ? super T>) op.accumulateFn();
        this.combineFn = op.combineFn();
        this.finishFn = op.finishFn();
        this.mapToOutputFn = requireNonNull(mapToOutputFn, "mapToOutputFn is null");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(int ordinal, Inbox inbox) {
        for (Object item; (item = inbox.poll()) != null; ) {
            T t = (T) item;
            long ts = timestampFn.applyAsLong(t);
            if (ts < dropLimit) {
                dropLate("items", ts);
                continue;
            }
            K key = keyFn.apply(t);
            addToSession(requireNonNull(key, "the key function returned null"), ts,
                    WindowMath.addSaturated(ts, gap), t, null);
        }
    }

    /**
     * Adds {@code [start, end)} to the key's sessions with either an item to accumulate or an
     * accumulator to adopt, merging every session it overlaps.
     */
    private void addToSession(K key, long start, long end, T item, A acc) {
        List<Session<A>> sessions = keyToSessions.computeIfAbsent(key, k -> new ArrayList<>(2));
        int first = 0;
        while (first < sessions.size() && sessions.get(first).end <= start) {
            first++;
        }
        int last = first;
        while (last < sessions.size() && sessions.get(last).start < end) {
            last++;
        }
        if (first == last) {
            addRecord();
            A newAcc = acc;
            if (newAcc == null) {
                newAcc = createFn.get();
                accumulateFn.accept(newAcc, item);
            }
            sessions.add(first, new Session<>(start, end, newAcc));
            addDeadline(end, key);
            return;
        }
        Session<A> target = sessions.get(first);
        if (item != null) {
            accumulateFn.accept(target.acc, item);
        } else {
            combineFn.accept(target.acc, acc);
        }
        long newEnd = Math.max(end, sessions.get(last - 1).end);
        for (int i = last - 1; i > first; i--) {
            Session<A> merged = sessions.remove(i);
            combineFn.accept(target.acc, merged.acc);
            removeDeadline(merged.end, key);
            records.decrement(1);
        }
        target.start = Math.min(target.start, start);
        if (newEnd != target.end) {
            removeDeadline(target.end, key);
            target.end = newEnd;
            addDeadline(newEnd, key);
        }
    }

    private void addDeadline(long end, K key) {
        deadlines.computeIfAbsent(end, e -> new HashSet<>(2)).add(key);
    }

    private void removeDeadline(long end, K key) {
        Set<K> keys = deadlines.get(end);
        keys.remove(key);
        if (keys.isEmpty()) {
            deadlines.remove(end);
        }
    }

    @Override
    void startWatermark(long timestamp) {
        long limit = WindowMath.subtractSaturated(Math.max(watermark, timestamp), allowedLateness);
        emission = closeSessions(deadlines.headMap(limit, true)).iterator();
    }

    @Override
    void startCompletion() {
        emission = closeSessions(deadlines).iterator();
    }

    @Override
    boolean continueEmitting() {
        return emitFromTraverser(emitter);
    }

    /** Removes the sessions ending in {@code closing} (a view of {@link #deadlines}) and returns their outputs, by end. */
    private List<Object> closeSessions(NavigableMap<Long, Set<K>> closing) {
        List<Object> outputs = new ArrayList<>();
        for (Map.Entry<Long, Set<K>> e : closing.entrySet()) {
            long end = e.getKey();
            for (K key : e.getValue()) {
                List<Session<A>> sessions = keyToSessions.get(key);
                for (int i = 0; i < sessions.size(); i++) {
                    Session<A> s = sessions.get(i);
                    if (s.end == end) {
                        sessions.remove(i);
                        records.decrement(1);
                        OUT out = mapToOutputFn.apply(s.start, s.end, key, finishFn.apply(s.acc));
                        if (out != null) {
                            outputs.add(out);
                        }
                        break;
                    }
                }
                if (sessions.isEmpty()) {
                    keyToSessions.remove(key);
                }
            }
        }
        closing.clear();
        return outputs;
    }

    @Override
    Traverser<Map.Entry<K, SessionsState>> snapshotEntries() {
        long wm = watermark;
        return Traverser.traverseIterable(keyToSessions.entrySet()).map(e -> {
            List<Session<A>> sessions = e.getValue();
            long[] starts = new long[sessions.size()];
            long[] ends = new long[sessions.size()];
            Object[] accs = new Object[sessions.size()];
            for (int i = 0; i < sessions.size(); i++) {
                starts[i] = sessions.get(i).start;
                ends[i] = sessions.get(i).end;
                accs[i] = sessions.get(i).acc;
            }
            return Map.entry(e.getKey(), new SessionsState(wm, starts, ends, accs));
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    void restoreKey(K key, SessionsState state) {
        for (int i = 0; i < state.starts().length; i++) {
            addToSession(key, state.starts()[i], state.ends()[i], null, (A) state.accumulators()[i]);
        }
    }

    /** One open session of a key. */
    private static final class Session<A> {
        long start;
        long end;
        final A acc;

        Session(long start, long end, A acc) {
            this.start = start;
            this.end = end;
            this.acc = acc;
        }
    }
}
