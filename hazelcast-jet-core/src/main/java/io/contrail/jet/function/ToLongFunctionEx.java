package io.contrail.jet.function;

import java.io.Serializable;
import java.util.function.ToLongFunction;

/** A {@link ToLongFunction} that can travel with a DAG to other members. */
@FunctionalInterface
public interface ToLongFunctionEx<T> extends ToLongFunction<T>, Serializable {
}
