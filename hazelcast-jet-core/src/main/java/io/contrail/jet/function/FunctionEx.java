package io.contrail.jet.function;

import java.io.Serializable;
import java.util.function.Function;

/** A {@link Function} that can travel with a DAG to other members. */
@FunctionalInterface
public interface FunctionEx<T, R> extends Function<T, R>, Serializable {

    /** The identity function. */
    static <T> FunctionEx<T, T> identity() {
        return t -> t;
    }
}
