package io.contrail.jet.aggregate;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * A mutable {@code double} holder: the accumulator of {@link AggregateOperations#summingDouble}.
 * Deducting is exact only as far as floating-point addition is. Not thread-safe; see the
 * threading note of {@link AggregateOperation}.
 */
public final class DoubleAccumulator implements Externalizable {

    private double value;

    public DoubleAccumulator() {
    }

    public DoubleAccumulator(double value) {
        this.value = value;
    }

    public double get() {
        return value;
    }

    public DoubleAccumulator set(double value) {
        this.value = value;
        return this;
    }

    public DoubleAccumulator add(double amount) {
        value += amount;
        return this;
    }

    public DoubleAccumulator addAccumulator(DoubleAccumulator that) {
        value += that.value;
        return this;
    }

    public DoubleAccumulator subtractAccumulator(DoubleAccumulator that) {
        value -= that.value;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoubleAccumulator that && Double.compare(that.value, value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return "DoubleAccumulator(" + value + ')';
    }

    /** Writes the state compactly into a snapshot (the snapshot codec calls it, not Java serialization). */
    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeDouble(value);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        value = in.readDouble();
    }
}
