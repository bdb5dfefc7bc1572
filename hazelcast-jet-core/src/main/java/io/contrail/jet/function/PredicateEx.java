package io.contrail.jet.function;

import java.io.Serializable;
import java.util.function.Predicate;

/** A {@link Predicate} that can travel with a DAG to other members. */
@FunctionalInterface
public interface PredicateEx<T> extends Predicate<T>, Serializable {
}
