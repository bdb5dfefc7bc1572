package io.contrail.jet.function;

import java.io.Serializable;
import java.util.function.BiConsumer;

/** A {@link BiConsumer} that can travel with a DAG to other members. */
@FunctionalInterface
public interface BiConsumerEx<T, U> extends BiConsumer<T, U>, Serializable {
}
