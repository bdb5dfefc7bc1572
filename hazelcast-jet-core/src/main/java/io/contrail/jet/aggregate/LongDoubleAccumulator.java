package io.contrail.jet.aggregate;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * A mutable {@code long} and {@code double}: the accumulator of
 * {@link AggregateOperations#averagingDouble} (a count and a sum). Not thread-safe; see the
 * threading note of {@link AggregateOperation}.
 */
public final class LongDoubleAccumulator implements Externalizable {

    private long longValue;
    private double doubleValue;

    public LongDoubleAccumulator() {
    }

    public LongDoubleAccumulator(long longValue, double doubleValue) {
        this.longValue = longValue;
        this.doubleValue = doubleValue;
    }

    public long getLong() {
        return longValue;
    }

    public double getDouble() {
        return doubleValue;
    }

    /** Adds to both values. */
    public LongDoubleAccumulator add(long longAmount, double doubleAmount) {
        longValue += longAmount;
        doubleValue += doubleAmount;
        return this;
    }

    public LongDoubleAccumulator addAccumulator(LongDoubleAccumulator that) {
        return add(that.longValue, that.doubleValue);
    }

    public LongDoubleAccumulator subtractAccumulator(LongDoubleAccumulator that) {
        return add(-that.longValue, -that.doubleValue);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongDoubleAccumulator that && that.longValue == longValue
                && Double.compare(that.doubleValue, doubleValue) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(longValue) + Double.hashCode(doubleValue);
    }

    @Override
    public String toString() {
        return "LongDoubleAccumulator(" + longValue + ", " + doubleValue + ')';
    }

    /** Writes the state compactly into a snapshot (the snapshot codec calls it, not Java serialization). */
    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeLong(longValue);
        out.writeDouble(doubleValue);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        longValue = in.readLong();
        doubleValue = in.readDouble();
    }
}
