package io.contrail.jet.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.function.PredicateEx;

import static java.util.Objects.requireNonNull;

/**
 * Emits the items of any input ordinal that pass {@code filterFn}, to every output ordinal.
 * Cooperative; {@code filterFn} must not block.
 *
 * <p>Back-pressure: the decision for a refused item is kept, so {@code filterFn} runs once per
 * item. Watermarks are forwarded unchanged. Stateless: saves nothing to snapshots.
 *
 * @param <T> the item type
 */
public final class FilterP<T> extends AbstractProcessor {

    private final PredicateEx<? super T> filterFn;
    /** Whether the item being processed passed and was refused by the outbox. */
    private boolean pendingPass;

    public FilterP(PredicateEx<? super T> filterFn) {
        this.filterFn = requireNonNull(filterFn, "filterFn is null");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected boolean tryProcess(int ordinal, Object item) {
        if (!pendingPass && !filterFn.test((T) item)) {
            return true;
        }
        pendingPass = !tryEmit(item);
        return !pendingPass;
    }
}
