package io.contrail.jet.aggregate;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * A mutable {@code long} holder: the accumulator of counting and summing. Arithmetic wraps
 * around on overflow like Java's {@code long}, which keeps {@link #subtract} the exact inverse of
 * {@link #add} (what sliding windows rely on). Not thread-safe; see the threading note of
 * {@link AggregateOperation}.
 */
public final class LongAccumulator implements Externalizable {

    private long value;

    /** An accumulator holding 0. */
    public LongAccumulator() {
    }

    /** An accumulator holding {@code value}. */
    public LongAccumulator(long value) {
        this.value = value;
    }

    public long get() {
        return value;
    }

    public LongAccumulator set(long value) {
        this.value = value;
        return this;
    }

    public LongAccumulator add(long amount) {
        value += amount;
        return this;
    }

    public LongAccumulator subtract(long amount) {
        value -= amount;
        return this;
    }

    /** Adds the other accumulator's value; a combine function. */
    public LongAccumulator addAccumulator(LongAccumulator that) {
        value += that.value;
        return this;
    }

    /** Subtracts the other accumulator's value; a deduct function. */
    public LongAccumulator subtractAccumulator(LongAccumulator that) {
        value -= that.value;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongAccumulator that && that.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return "LongAccumulator(" + value + ')';
    }

    /** Writes the state compactly into a snapshot (the snapshot codec calls it, not Java serialization). */
    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeLong(value);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        value = in.readLong();
    }
}
