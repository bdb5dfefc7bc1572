package io.contrail.jet.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.Traverser;
import io.contrail.jet.function.FunctionEx;

import static java.util.Objects.requireNonNull;

/**
 * Emits every item of the {@link Traverser} that {@code flatMapFn} returns for each item of any
 * input ordinal, to every output ordinal. Cooperative; {@code flatMapFn} and the traverser must
 * not block.
 *
 * <p>Back-pressure: the traverser of a partly emitted item is kept and resumed, so
 * {@code flatMapFn} runs once per item. Watermarks are forwarded unchanged. Stateless: saves
 * nothing to snapshots (the engine snapshots only between items).
 *
 * @param <T> the input type
 * @param <R> the output type
 */
public final class FlatMapP<T, R> extends AbstractProcessor {

    private final FunctionEx<? super T, ? extends Traverser<? extends R>> flatMapFn;
    /** The traverser of the item being processed, while the outbox refuses its items. */
    private Traverser<? extends R> pendingTraverser;

    public FlatMapP(FunctionEx<? super T, ? extends Traverser<? extends R>> flatMapFn) {
        this.flatMapFn = requireNonNull(flatMapFn, "flatMapFn is null");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected boolean tryProcess(int ordinal, Object item) {
        if (pendingTraverser == null) {
            pendingTraverser = flatMapFn.apply((T) item);
            if (pendingTraverser == null) {
                throw new NullPointerException("flatMapFn returned null for " + item + "; return Traverser.empty() instead");
            }
        }
        if (!emitFromTraverser(pendingTraverser)) {
            return false;
        }
        pendingTraverser = null;
        return true;
    }
}
