package io.contrail.sql.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.BroadcastKey;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.core.Watermark;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.expression.CompiledExpressions;
import io.contrail.sql.impl.expression.RowContext;
import io.contrail.sql.impl.expression.StatementParameters;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A SQL join of a bounded build side, held in a hash table, with a bounded or unbounded probe
 * side. The engine's {@code Processors.hashJoin} emits one result per probe item and knows no
 * SQL conditions; this one emits one row per matching pair and evaluates the join's remaining
 * (non-equality) condition over the joined row.
 *
 * <h2>Inputs</h2>
 * Ordinal {@value #BUILD_ORDINAL}: the build rows, on an edge with a lower priority value than
 * the probe edge, so the table is complete before the first probe row; broadcast, so every
 * processor holds the whole table. Ordinal {@value #PROBE_ORDINAL}: the probe rows, routed
 * anyhow. Without equality keys (a cross or theta join) every build row sits under one key and
 * each probe row loops over all of them.
 *
 * <h2>Output</h2>
 * For each probe row and each build row with an equal, non-NULL key for which the remaining
 * condition is TRUE: the joined row, the left side's columns first. With {@code probeOuter}
 * a probe row without such a partner is emitted once, padded with NULLs. With
 * {@code buildOuter} the build rows that never found a partner are emitted, padded, when the
 * probe side completes; this is right only when one processor sees every probe row, so run such
 * a join with parallelism 1 (FULL joins).
 *
 * <h2>Resources and threading</h2>
 * Cooperative. Memory holds the build side; more than {@code maxProcessorAccumulatedRecords}
 * build rows fail the job with an error naming that option. Per probe row it allocates the key
 * and each joined row. Watermarks are held (the latest) until the build side completes, then
 * forwarded, so none overtakes a probe row.
 *
 * <h2>Snapshot</h2>
 * Processor 0 saves the build rows (with their matched flags) and whether the build side is
 * complete, under broadcast keys; on restore every processor rebuilds the table from them. Every
 * processor holds the same table at a barrier under exactly-once (the build edge is broadcast and
 * barriers align); under at-least-once a restored table may hold rows twice.
 */
public final class HashJoinP extends AbstractProcessor {

    /** The input ordinal of the build side. */
    public static final int BUILD_ORDINAL = 0;
    /** The input ordinal of the probe side. */
    public static final int PROBE_ORDINAL = 1;

    /** The key of every row when the join has no equality keys. */
    private static final Object NO_KEY = Boolean.TRUE;

    private final Spec spec;
    private final RowContext context;
    private final HashMap<Object, List<Object[]>> table = new HashMap<>();
    /** Every build row, NULL keys included, in arrival order; kept only for {@code buildOuter}. */
    private final List<Object[]> buildRows = new ArrayList<>();
    /** Build rows that found a partner; only for {@code buildOuter}. */
    private final Set<Object[]> matched = Collections.newSetFromMap(new IdentityHashMap<>());
    private long buildCount;
    private boolean buildComplete;
    private Watermark heldWatermark;

    // the probe row being joined, kept while the outbox refuses its output
    private Object[] probeRow;
    private List<Object[]> partners;
    private int partnerIndex;
    private boolean probeMatched;
    private Object[] pending;

    /** How far {@link #complete()} got through {@link #buildRows}. */
    private int unmatchedIndex;
    private Traverser<Map.Entry<Object, Object>> snapshotOutput;

    private HashJoinP(Spec spec, StatementParameters parameters) {
        this.spec = spec;
        this.context = new RowContext(parameters);
    }

    /**
     * How to join.
     *
     * @param buildKey    the equality keys over a build row, or {@code null} for none
     * @param probeKey    the equality keys over a probe row, same types, or {@code null} for none
     * @param condition   the remaining condition over the joined row, or {@code null} for none
     * @param buildIsLeft whether the build rows are the left side of the joined row
     * @param buildWidth  the number of columns of a build row
     * @param probeWidth  the number of columns of a probe row
     * @param probeOuter  whether probe rows without a partner are emitted padded
     * @param buildOuter  whether build rows without a partner are emitted padded at the end
     */
    public record Spec(CompiledExpressions buildKey, CompiledExpressions probeKey, CompiledExpressions condition,
                       boolean buildIsLeft, int buildWidth, int probeWidth, boolean probeOuter, boolean buildOuter)
            implements Serializable {

        public Spec {
            if ((buildKey == null) != (probeKey == null)
                    || (buildKey != null && buildKey.size() != probeKey.size())) {
                throw new IllegalArgumentException("build and probe keys differ: " + buildKey + ", " + probeKey);
            }
        }
    }

    public static ProcessorSupplier supplier(Spec spec, StatementParameters parameters) {
        requireNonNull(spec, "spec is null");
        requireNonNull(parameters, "parameters is null");
        return () -> new HashJoinP(spec, parameters);
    }

    @Override
    protected boolean tryProcess(int ordinal, Object item) {
        if (ordinal == BUILD_ORDINAL) {
            addToTable((Object[]) item);
            return true;
        }
        if (probeRow == null) {
            if (!buildComplete) {
                throw new IllegalStateException("Hash join received a probe row before its build side completed:"
                        + " the build edge needs a lower priority value");
            }
            startProbe((Object[]) item);
        }
        for (; partnerIndex < partners.size(); partnerIndex++) {
            Object[] partner = partners.get(partnerIndex);
            if (pending == null) {
                pending = joinIfMatching(partner);
                if (pending == null) {
                    continue;
                }
            }
            if (!tryEmit(pending)) {
                return false;
            }
            pending = null;
            probeMatched = true;
            if (spec.buildOuter()) {
                matched.add(partner);
            }
        }
        if (spec.probeOuter() && !probeMatched) {
            if (pending == null) {
                pending = joined(probeRow, null);
            }
            if (!tryEmit(pending)) {
                return false;
            }
            pending = null;
        }
        probeRow = null;
        partners = null;
        return true;
    }

    private void addToTable(Object[] row) {
        if (buildComplete) {
            throw new IllegalStateException("Hash join received a build row after its build side completed");
        }
        long max = getContext().maxProcessorAccumulatedRecords();
        if (buildCount >= max) {
            throw new SqlException(SqlErrorCode.EXECUTION_FAILED, "A join holds more than " + max + " rows of its"
                    + " build side in memory; raise the job option maxProcessorAccumulatedRecords, or join a"
                    + " smaller table");
        }
        insert(row);
    }

    private void insert(Object[] row) {
        buildCount++;
        if (spec.buildOuter()) {
            buildRows.add(row);
        }
        Object key = key(row, spec.buildKey());
        if (key != null) {
            table.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
    }

    private void startProbe(Object[] row) {
        probeRow = row;
        Object key = key(row, spec.probeKey());
        List<Object[]> found = key == null ? null : table.get(key);
        partners = found == null ? List.of() : found;
        partnerIndex = 0;
        probeMatched = false;
    }

    private Object key(Object[] row, CompiledExpressions keyExpressions) {
        if (keyExpressions == null) {
            return NO_KEY;
        }
        context.setRow(row);
        return JoinRows.key(keyExpressions.evaluate(context));
    }

    /** The joined row of the current probe row and {@code partner}, or {@code null} when the condition fails. */
    private Object[] joinIfMatching(Object[] partner) {
        Object[] row = joined(probeRow, partner);
        if (spec.condition() == null) {
            return row;
        }
        context.setRow(row);
        return Boolean.TRUE.equals(spec.condition().evaluate(context)[0]) ? row : null;
    }

    private Object[] joined(Object[] probe, Object[] build) {
        return spec.buildIsLeft()
                ? JoinRows.join(build, spec.buildWidth(), probe, spec.probeWidth())
                : JoinRows.join(probe, spec.probeWidth(), build, spec.buildWidth());
    }

    @Override
    public boolean completeEdge(int ordinal) {
        if (ordinal == BUILD_ORDINAL) {
            buildComplete = true;
        }
        if (buildComplete && heldWatermark != null) {
            if (!tryEmit(heldWatermark)) {
                return false;
            }
            heldWatermark = null;
        }
        return true;
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        if (!buildComplete) {
            heldWatermark = watermark;
            return true;
        }
        return tryEmit(watermark);
    }

    @Override
    public boolean complete() {
        if (!spec.buildOuter()) {
            return true;
        }
        // an emitted row counts as matched, so a snapshot taken meanwhile does not emit it again
        for (; unmatchedIndex < buildRows.size(); unmatchedIndex++) {
            Object[] row = buildRows.get(unmatchedIndex);
            if (!matched.contains(row)) {
                if (!tryEmit(joined(null, row))) {
                    return false;
                }
                matched.add(row);
            }
        }
        return true;
    }

    @Override
    public boolean saveToSnapshot() {
        if (getContext().globalProcessorIndex() != 0) {
            return true;
        }
        if (snapshotOutput == null) {
            snapshotOutput = snapshotEntries();
        }
        if (!emitFromTraverserToSnapshot(snapshotOutput)) {
            return false;
        }
        snapshotOutput = null;
        return true;
    }

    private Traverser<Map.Entry<Object, Object>> snapshotEntries() {
        List<Map.Entry<Object, Object>> entries = new ArrayList<>();
        entries.add(Map.entry(new BuildStateKey(), buildComplete));
        long index = 0;
        if (spec.buildOuter()) {
            for (Object[] row : buildRows) {
                entries.add(Map.entry(new BuildRowKey(index++), new BuildRow(row, matched.contains(row))));
            }
        } else {
            for (List<Object[]> rows : table.values()) {
                for (Object[] row : rows) {
                    entries.add(Map.entry(new BuildRowKey(index++), new BuildRow(row, false)));
                }
            }
        }
        return Traverser.traverseIterable(entries);
    }

    @Override
    public void restoreFromSnapshot(Inbox inbox) {
        for (Object item; (item = inbox.poll()) != null; ) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) item;
            if (entry.getKey() instanceof BuildStateKey) {
                buildComplete = (Boolean) entry.getValue();
            } else if (entry.getKey() instanceof BuildRowKey) {
                BuildRow saved = (BuildRow) entry.getValue();
                insert(saved.row());
                if (saved.matched()) {
                    matched.add(saved.row());
                }
            } else {
                throw new IllegalStateException("Hash join cannot restore snapshot entry " + entry);
            }
        }
    }

    /** Snapshot key of whether the build side was complete; sent to every processor on restore. */
    record BuildStateKey() implements BroadcastKey, Serializable {
    }

    /** Snapshot key of the {@code index}-th saved build row; sent to every processor on restore. */
    record BuildRowKey(long index) implements BroadcastKey, Serializable {
    }

    /** A saved build row and whether it found a partner (for {@code buildOuter}). */
    record BuildRow(Object[] row, boolean matched) implements Serializable {
    }
}
