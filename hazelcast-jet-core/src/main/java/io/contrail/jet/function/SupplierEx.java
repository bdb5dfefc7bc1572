package io.contrail.jet.function;

import java.io.Serializable;
import java.util.function.Supplier;

/** A {@link Supplier} that can travel with a DAG to other members. */
@FunctionalInterface
public interface SupplierEx<T> extends Supplier<T>, Serializable {
}
