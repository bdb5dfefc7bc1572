package io.contrail.jet.function;

import java.io.Serializable;
import java.util.function.ToDoubleFunction;

/**
 * A {@link ToDoubleFunction} that can travel with a DAG to other members. (It belongs in
 * {@code io.contrail.jet.function}; it lives here until that package has one.)
 *
 * @param <T> the argument type
 */
@FunctionalInterface
public interface ToDoubleFunctionEx<T> extends ToDoubleFunction<T>, Serializable {
}
