package io.contrail.jet.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.function.FunctionEx;

import static java.util.Objects.requireNonNull;

/**
 * Emits {@code mapFn(item)} for each item of any input ordinal, to every output ordinal, and
 * drops items that {@code mapFn} maps to {@code null}. Cooperative; {@code mapFn} must not block.
 *
 * <p>Back-pressure: the result of a refused item is kept and offered again, so {@code mapFn} runs
 * once per item. Watermarks are forwarded unchanged. Stateless: saves nothing to snapshots.
 *
 * @param <T> the input type
 * @param <R> the output type
 */
public final class MapP<T, R> extends AbstractProcessor {

    private final FunctionEx<? super T, ? extends R> mapFn;
    /** The result for the item being processed, while the outbox refuses it. */
    private R pendingResult;

    public MapP(FunctionEx<? super T, ? extends R> mapFn) {
        this.mapFn = requireNonNull(mapFn, "mapFn is null");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected boolean tryProcess(int ordinal, Object item) {
        if (pendingResult == null) {
            pendingResult = mapFn.apply((T) item);
            if (pendingResult == null) {
                return true;
            }
        }
        if (!tryEmit(pendingResult)) {
            return false;
        }
        pendingResult = null;
        return true;
    }
}
