package io.contrail.jet.core;

import java.util.Iterator;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A sequence of non-null items pulled one at a time; {@code null} means "no more items now".
 * Lets a processor emit a variable number of items across calls without keeping an index:
 * {@link AbstractProcessor#emitFromTraverser} resumes where back-pressure stopped it.
 */
@FunctionalInterface
public interface Traverser<T> {

    /** The next item, or {@code null} when there is none (now or ever). */
    T next();

    /** A traverser over the given items. */
    @SafeVarargs
    static <T> Traverser<T> of(T... items) {
        return new Traverser<>() {
            private int index;

            @Override
            public T next() {
                return index < items.length ? items[index++] : null;
            }
        };
    }

    /** A traverser over the iterable's items; the iterable must not hold {@code null}. */
    static <T> Traverser<T> traverseIterable(Iterable<? extends T> iterable) {
        Iterator<? extends T> iterator = iterable.iterator();
        return () -> iterator.hasNext() ? Objects.requireNonNull(iterator.next(), "iterable holds null") : null;
    }

    /** A traverser that returns nothing. */
    static <T> Traverser<T> empty() {
        return () -> null;
    }

    /** A traverser over {@code mapFn} of each item, skipping items it maps to {@code null}. */
    default <R> Traverser<R> map(Function<? super T, ? extends R> mapFn) {
        return () -> {
            for (T item; (item = next()) != null; ) {
                R mapped = mapFn.apply(item);
                if (mapped != null) {
                    return mapped;
                }
            }
            return null;
        };
    }

    /** A traverser over the items that pass {@code filterFn}. */
    default Traverser<T> filter(Predicate<? super T> filterFn) {
        return () -> {
            for (T item; (item = next()) != null; ) {
                if (filterFn.test(item)) {
                    return item;
                }
            }
            return null;
        };
    }
}
