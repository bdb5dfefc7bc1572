package io.contrail.jet.function;

import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.function.ToLongFunctionEx;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A {@link Comparator} that can travel with a DAG to other members. (It belongs with the other
 * serializable functional interfaces; it lives here until {@code io.contrail.jet.function} has one.)
 *
 * @param <T> the type of compared values
 */
@FunctionalInterface
public interface ComparatorEx<T> extends Comparator<T>, Serializable {

    /** Natural order. */
    static <T extends Comparable<? super T>> ComparatorEx<T> naturalOrder() {
        return Comparable::compareTo;
    }

    /** Orders by a {@code long} key. */
    static <T> ComparatorEx<T> comparingLong(ToLongFunctionEx<? super T> keyFn) {
        return (a, b) -> Long.compare(keyFn.applyAsLong(a), keyFn.applyAsLong(b));
    }

    /** Orders by a comparable key. */
    static <T, U extends Comparable<? super U>> ComparatorEx<T> comparing(FunctionEx<? super T, ? extends U> keyFn) {
        return (a, b) -> keyFn.apply(a).compareTo(keyFn.apply(b));
    }

    /** The reverse order, still serializable. */
    @Override
    default ComparatorEx<T> reversed() {
        ComparatorEx<T> self = this;
        return (a, b) -> self.compare(b, a);
    }
}
