package io.contrail.snapshot.impl;

import org.junit.jupiter.api.Test;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Externalizable values (format version 2): their own compact state, not Java serialization. */
class ValueCodecExternalizableTest {

    /** The shape of the engine's accumulators: mutable, a public no-arg constructor. */
    public static final class Accumulator implements Externalizable {
        private long count;
        private double sum;
        private String label;
        private Object extra;
        private short small;
        private boolean flag;

        public Accumulator() {
        }

        Accumulator(long count, double sum, String label, Object extra, short small, boolean flag) {
            this.count = count;
            this.sum = sum;
            this.label = label;
            this.extra = extra;
            this.small = small;
            this.flag = flag;
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeLong(count);
            out.writeDouble(sum);
            out.writeUTF(label);
            out.writeObject(extra);
            out.writeShort(small);
            out.writeBoolean(flag);
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
            count = in.readLong();
            sum = in.readDouble();
            label = in.readUTF();
            extra = in.readObject();
            small = in.readShort();
            flag = in.readBoolean();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Accumulator a && a.count == count && a.sum == sum && a.label.equals(label)
                    && Objects.equals(a.extra, extra) && a.small == small && a.flag == flag;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(count);
        }
    }

    /** Externalizable without a public no-arg constructor: Java serialization cannot read it either. */
    public static final class NoConstructor implements Externalizable {
        private long value;

        NoConstructor(long value) {
            this.value = value;
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeLong(value);
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException {
            value = in.readLong();
        }
    }

    @Test
    void externalizable_roundTripsCompactly() {
        Accumulator nested = new Accumulator(1, 0.5, "inner", null, (short) -2, false);
        Accumulator value = new Accumulator(Long.MIN_VALUE, -3.25, "total", List.of(nested, "x", 7L), (short) 300, true);

        assertThat(roundTrip(value)).isEqualTo(value);
        byte[] encoded = encode(value);
        assertThat(encoded[0]).isEqualTo((byte) ValueCodec.EXTERNAL);
    }

    @Test
    void classNameIsWrittenOncePerChunk() {
        ValueCodec.Encoder encoder = new ValueCodec.Encoder();
        ByteSink sink = new ByteSink(64);
        encoder.write(sink, new Accumulator(1, 1, "a", null, (short) 0, false));
        int first = sink.position();
        encoder.write(sink, new Accumulator(2, 2, "b", null, (short) 0, false));
        assertThat(sink.position() - first).as("the second value refers to the class by index").isLessThan(first / 2);
    }

    @Test
    void withoutPublicNoArgConstructor_fallsBackToJavaSerialization_whichCannotReadItBack() {
        byte[] encoded = encode(new NoConstructor(1));
        assertThat(encoded[0]).isEqualTo((byte) ValueCodec.JAVA);
        assertThatThrownBy(() -> new ValueCodec.Decoder(ValueCodec.FORMAT_VERSION).read(new ByteSource(encoded)))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("does not deserialize");
    }

    private static byte[] encode(Object value) {
        ByteSink sink = new ByteSink(64);
        new ValueCodec.Encoder().write(sink, value);
        return sink.toByteArray();
    }

    private static Object roundTrip(Object value) {
        byte[] bytes = encode(value);
        ByteSource source = new ByteSource(bytes);
        Object read = new ValueCodec.Decoder(ValueCodec.FORMAT_VERSION).read(source);
        assertThat(source.hasRemaining()).isFalse();
        return read;
    }
}
