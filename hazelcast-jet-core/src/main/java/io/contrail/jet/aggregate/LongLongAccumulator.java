package io.contrail.jet.aggregate;

import java.io.Serializable;

/**
 * Two mutable {@code long}s: the accumulator of {@link AggregateOperations#averagingLong} (a sum
 * and a count). Arithmetic wraps around on overflow. Not thread-safe; see the threading note of
 * {@link AggregateOperation}.
 */
public final class LongLongAccumulator implements Serializable {

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
}
