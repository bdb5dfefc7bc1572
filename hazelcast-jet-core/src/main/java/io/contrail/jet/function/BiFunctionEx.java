package io.contrail.jet.function;

import java.io.Serializable;
import java.util.function.BiFunction;

/** A {@link BiFunction} that can travel with a DAG to other members. */
@FunctionalInterface
public interface BiFunctionEx<T, U, R> extends BiFunction<T, U, R>, Serializable {
}
