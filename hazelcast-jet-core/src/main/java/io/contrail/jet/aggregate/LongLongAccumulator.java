package io.contrail.jet.aggregate;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * Two mutable {@code long}s: the accumulator of {@link AggregateOperations#averagingLong} (a sum
 * and a count). Arithmetic wraps around on overflow. Not thread-safe; see the threading note of
 * {@link AggregateOperation}.
 */
public final class LongLongAccumulator implements Externalizable {

    private long value1;
    private long value2;

    public LongLongAccumulator() {
    }

    public LongLongAccumulator(long value1, long value2) {
        this.value1 = value1;
        this.value2 = value2;
    }

    public long get1() {
        return value1;
    }

    public long get2() {
        return value2;
    }

    public LongLongAccumulator set1(long value) {
        this.value1 = value;
        return this;
    }

    public LongLongAccumulator set2(long value) {
        this.value2 = value;
        return this;
    }

    /** Adds to both values. */
    public LongLongAccumulator add(long amount1, long amount2) {
        value1 += amount1;
        value2 += amount2;
        return this;
    }

    public LongLongAccumulator addAccumulator(LongLongAccumulator that) {
        return add(that.value1, that.value2);
    }

    public LongLongAccumulator subtractAccumulator(LongLongAccumulator that) {
        return add(-that.value1, -that.value2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongLongAccumulator that && that.value1 == value1 && that.value2 == value2;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(value1) + Long.hashCode(value2);
    }

    @Override
    public String toString() {
        return "LongLongAccumulator(" + value1 + ", " + value2 + ')';
    }

    /** Writes the state compactly into a snapshot (the snapshot codec calls it, not Java serialization). */
    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeLong(value1);
        out.writeLong(value2);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        value1 = in.readLong();
        value2 = in.readLong();
    }
}
