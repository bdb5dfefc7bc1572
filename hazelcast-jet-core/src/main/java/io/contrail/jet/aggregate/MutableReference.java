package io.contrail.jet.aggregate;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Objects;

/**
 * A mutable reference: the accumulator of {@link AggregateOperations#minBy} and
 * {@link AggregateOperations#maxBy}. Not thread-safe; see the threading note of
 * {@link AggregateOperation}.
 *
 * @param <T> the type of the referenced value
 */
public final class MutableReference<T> implements Externalizable {

    private T value;

    public MutableReference() {
    }

    public MutableReference(T value) {
        this.value = value;
    }

    /** The value, or {@code null}. */
    public T get() {
        return value;
    }

    public MutableReference<T> set(T value) {
        this.value = value;
        return this;
    }

    public boolean isNull() {
        return value == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MutableReference<?> that && Objects.equals(that.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return "MutableReference(" + value + ')';
    }

    /** Writes the state compactly into a snapshot (the snapshot codec calls it, not Java serialization). */
    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeObject(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
        value = (T) in.readObject();
    }
}
