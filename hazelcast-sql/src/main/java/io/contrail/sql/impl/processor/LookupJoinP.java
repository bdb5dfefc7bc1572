package io.contrail.sql.impl.processor;

import com.hazelcast.map.IMap;
import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Watermark;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.connector.IMapRowCodec;
import io.contrail.sql.impl.expression.CompiledExpressions;
import io.contrail.sql.impl.expression.RowContext;
import io.contrail.sql.impl.expression.StatementParameters;

import java.io.Serializable;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static java.util.Objects.requireNonNull;

/**
 * A SQL join of any input (bounded or not) to an IMap by the map's key: for each left row,
 * evaluates the key expression, looks the key up with {@code IMap.getAsync} and joins the entry,
 * if there is one, as a row of the IMap mapping. Nothing of the map is scanned or held.
 *
 * <h2>Per row</h2>
 * The entry becomes a mapping row ({@link IMapRowCodec}); the right side's own filter and
 * projection (a {@code Calc} over the map's scan in the plan) apply to it; then the join's
 * remaining condition to the joined row (left columns first). An INNER join emits the joined row
 * when all pass; a LEFT join emits the left row padded with NULLs otherwise. A NULL key looks
 * nothing up and matches nothing.
 *
 * <h2>Threading and back-pressure</h2>
 * Cooperative: lookups run asynchronously, at most {@code maxInFlight} at a time per processor;
 * with that many in flight the processor takes no more input ({@code tryProcess} returns
 * {@code false}). Hazelcast threads put completed lookups on a lock-free queue; only the
 * processor's thread takes from it and emits, so rows leave in completion order, not input
 * order. A watermark, {@code complete()} and a snapshot wait until every lookup started before
 * them has been emitted, so no watermark overtakes a row and a snapshot holds no in-flight state
 * (there is nothing to save). Per row it allocates the key, the lookup's future and record, the
 * mapping row and the joined row.
 */
public final class LookupJoinP extends AbstractProcessor {

    /** In-flight lookups per processor, unless the planner asks otherwise. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;

    private final Spec spec;
    private final RowContext context;
    /** Completed lookups, written by Hazelcast's threads, read by the processor's thread. */
    private final Queue<Lookup> completed = new ConcurrentLinkedQueue<>();
    /** Lookups started and not yet taken from {@link #completed}; processor thread only. */
    private int inFlight;
    /** A joined row the outbox refused. */
    private Object[] pending;
    private IMap<Object, Object> map;

    private LookupJoinP(Spec spec, StatementParameters parameters) {
        this.spec = spec;
        this.context = new RowContext(parameters);
    }

    /**
     * How to join.
     *
     * @param mapName         the IMap (and its mapping's name)
     * @param codec           the mapping's codec; it has a whole-key column
     * @param leftKey         one expression over a left row, of the key column's type
     * @param rightCondition  a filter over the mapping row, or {@code null}
     * @param rightProjection the right side's columns from the mapping row, or {@code null} for the mapping row
     * @param condition       the remaining condition over the joined row, or {@code null}
     * @param leftWidth       the number of left columns
     * @param rightWidth      the number of right columns (after {@code rightProjection})
     * @param outer           LEFT join: emit unmatched left rows padded with NULLs
     * @param maxInFlight     the most lookups in flight per processor
     */
    public record Spec(String mapName, IMapRowCodec codec, CompiledExpressions leftKey,
                       CompiledExpressions rightCondition, CompiledExpressions rightProjection,
                       CompiledExpressions condition, int leftWidth, int rightWidth, boolean outer, int maxInFlight)
            implements Serializable {

        public Spec {
            requireNonNull(mapName, "mapName is null");
            requireNonNull(codec, "codec is null");
            requireNonNull(leftKey, "leftKey is null");
            if (codec.wholeKeyColumn() < 0) {
                throw new IllegalArgumentException(codec + " has no whole-key column to look up");
            }
            if (maxInFlight <= 0) {
                throw new IllegalArgumentException("maxInFlight must be positive, got " + maxInFlight);
            }
        }
    }

    public static ProcessorSupplier supplier(Spec spec, StatementParameters parameters) {
        requireNonNull(spec, "spec is null");
        requireNonNull(parameters, "parameters is null");
        return () -> new LookupJoinP(spec, parameters);
    }

    @Override
    protected void init(Context context) {
        map = context.hazelcastInstance().getMap(spec.mapName());
    }

    @Override
    protected boolean tryProcess(int ordinal, Object item) {
        if (!emitCompleted() || inFlight >= spec.maxInFlight()) {
            return false;
        }
        Object[] left = (Object[]) item;
        context.setRow(left);
        Object keyValue = spec.leftKey().evaluate(context)[0];
        if (keyValue == null) {
            completed.add(new Lookup(left, null, null, null));
            return true;
        }
        Object key = spec.codec().keyOf(keyValue);
        inFlight++;
        map.getAsync(key).whenComplete((value, error) -> completed.add(new Lookup(left, key, value, error)));
        return true;
    }

    @Override
    public boolean tryProcess() {
        return emitCompleted();
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        return allEmitted() && tryEmit(watermark);
    }

    @Override
    public boolean complete() {
        return allEmitted();
    }

    @Override
    public boolean saveToSnapshot() {
        return allEmitted();
    }

    private boolean allEmitted() {
        return emitCompleted() && inFlight == 0 && completed.isEmpty();
    }

    /** Emits the joined rows of completed lookups; {@code false} when the outbox refused one. */
    private boolean emitCompleted() {
        if (pending != null) {
            if (!tryEmit(pending)) {
                return false;
            }
            pending = null;
        }
        for (Lookup lookup; (lookup = completed.poll()) != null; ) {
            if (lookup.key() != null) {
                inFlight--;
            }
            if (lookup.error() != null) {
                throw new SqlException(SqlErrorCode.EXECUTION_FAILED, "Looking up key " + lookup.key() + " in IMap '"
                        + spec.mapName() + "' for a join failed: " + lookup.error(), lookup.error());
            }
            Object[] row = joinedRow(lookup);
            if (row != null && !tryEmit(row)) {
                pending = row;
                return false;
            }
        }
        return true;
    }

    /** The row to emit for a completed lookup, or {@code null} for none. */
    private Object[] joinedRow(Lookup lookup) {
        Object[] right = lookup.value() == null ? null : rightRow(lookup.key(), lookup.value());
        if (right != null) {
            Object[] joined = JoinRows.join(lookup.left(), spec.leftWidth(), right, spec.rightWidth());
            if (spec.condition() == null) {
                return joined;
            }
            context.setRow(joined);
            if (Boolean.TRUE.equals(spec.condition().evaluate(context)[0])) {
                return joined;
            }
        }
        return spec.outer() ? JoinRows.join(lookup.left(), spec.leftWidth(), null, spec.rightWidth()) : null;
    }

    /** The right side's row of an entry, or {@code null} when the right side's filter drops it. */
    private Object[] rightRow(Object key, Object value) {
        Object[] mapRow = spec.codec().toRow(key, value);
        context.setRow(mapRow);
        if (spec.rightCondition() != null && !Boolean.TRUE.equals(spec.rightCondition().evaluate(context)[0])) {
            return null;
        }
        return spec.rightProjection() == null ? mapRow : spec.rightProjection().evaluate(context);
    }

    /** A lookup's outcome; {@code key} is {@code null} when the left key was NULL and nothing was looked up. */
    private record Lookup(Object[] left, Object key, Object value, Throwable error) {
    }
}
