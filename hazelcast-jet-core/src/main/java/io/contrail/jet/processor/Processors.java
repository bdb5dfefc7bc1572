package io.contrail.jet.processor;

import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.function.BiFunctionEx;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.function.PredicateEx;
import io.contrail.jet.impl.processor.FilterP;
import io.contrail.jet.impl.processor.FlatMapP;
import io.contrail.jet.impl.processor.HashJoinP;
import io.contrail.jet.impl.processor.MapP;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Factories of stateless transforms and of the hash join. Each returns a
 * {@link ProcessorSupplier} for {@link io.contrail.jet.core.DAG#newVertex}. The transforms are
 * cooperative, take items of any input ordinal, emit to every output ordinal, forward
 * watermarks unchanged and call their function once per item even under back-pressure.
 */
public final class Processors {

    private Processors() {
    }

    /** Emits {@code mapFn(item)} for each item; items mapped to {@code null} are dropped. */
    public static <T, R> ProcessorSupplier map(FunctionEx<? super T, ? extends R> mapFn) {
        requireNonNull(mapFn, "mapFn is null");
        return () -> new MapP<>(mapFn);
    }

    /** Emits the items that pass {@code filterFn}. */
    public static <T> ProcessorSupplier filter(PredicateEx<? super T> filterFn) {
        requireNonNull(filterFn, "filterFn is null");
        return () -> new FilterP<>(filterFn);
    }

    /**
     * Emits all items of the traverser that {@code flatMapFn} returns for each item; it must not
     * return {@code null} (return {@link Traverser#empty()} for no items).
     */
    public static <T, R> ProcessorSupplier flatMap(FunctionEx<? super T, ? extends Traverser<? extends R>> flatMapFn) {
        requireNonNull(flatMapFn, "flatMapFn is null");
        return () -> new FlatMapP<>(flatMapFn);
    }

    /**
     * Joins the bounded build side on input ordinal 0 with probe items on ordinals 1 and up: for
     * each probe item emits {@code joinFn(probe, matches)}, where {@code matches} lists the build
     * items whose {@code buildKeyFn} equals the probe's {@code probeKeyFn}, in arrival order
     * ({@link JoinType#INNER} skips probe items without matches, {@link JoinType#LEFT_OUTER} passes
     * an empty list). {@code null} keys never match; {@code null} results are dropped.
     *
     * <p>The build edge needs a lower {@link io.contrail.jet.core.Edge#priority priority} value
     * than the probe edges, and usually broadcast and distributed routing, so that every processor
     * holds the whole table before the first probe item:
     * <pre>{@code
     * dag.edge(Edge.from(build).to(join, 0).broadcast().distributed().priority(-1));
     * dag.edge(Edge.from(probe).to(join, 1));
     * }</pre>
     * Watermarks are held until the build side completes. Cooperative. Snapshots the build table.
     */
    public static <B, P, R> ProcessorSupplier hashJoin(FunctionEx<? super B, ?> buildKeyFn, FunctionEx<? super P, ?> probeKeyFn,
                                                       BiFunctionEx<? super P, ? super List<B>, ? extends R> joinFn,
                                                       JoinType joinType) {
        requireNonNull(buildKeyFn, "buildKeyFn is null");
        requireNonNull(probeKeyFn, "probeKeyFn is null");
        requireNonNull(joinFn, "joinFn is null");
        requireNonNull(joinType, "joinType is null");
        return () -> new HashJoinP<>(buildKeyFn, probeKeyFn, joinFn, joinType);
    }
}
