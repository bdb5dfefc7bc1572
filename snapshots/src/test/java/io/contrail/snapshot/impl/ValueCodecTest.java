package io.contrail.snapshot.impl;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueCodecTest {

    record Point(int x, int y) implements Serializable {
    }

    record Holder(Object inner) implements Serializable {
    }

    static final class Opaque {
    }

    /** A Serializable class that is neither a record nor an enum. */
    static final class Legacy implements Serializable {
        final int x;

        Legacy(int x) {
            this.x = x;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Legacy l && l.x == x;
        }

        @Override
        public int hashCode() {
            return x;
        }
    }

    private static Object roundTrip(Object value) {
        ByteSink sink = new ByteSink(16);
        ValueCodec.write(sink, value);
        ByteSource source = new ByteSource(sink.toByteArray());
        Object result = ValueCodec.read(source);
        assertThat(source.hasRemaining()).as("bytes left after " + value).isFalse();
        return result;
    }

    @Test
    void compactTypesRoundTrip() {
        List<Object> values = new ArrayList<>(Arrays.asList(
                null, true, false,
                0, 1, -1, 63, -64, 64, Integer.MAX_VALUE, Integer.MIN_VALUE,
                0L, -1L, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE,
                0.0, -0.0, 1.5, Double.NaN, Double.MAX_VALUE, Double.NEGATIVE_INFINITY,
                0f, -2.25f, Float.MIN_VALUE,
                "", "a", "ascii only", "x".repeat(127), "y".repeat(128), "z".repeat(70_000),
                "grüße", "日本語", "emoji \uD83D\uDE00", "mixed " + "é".repeat(200)));
        for (Object value : values) {
            Object back = roundTrip(value);
            assertThat(back).as(String.valueOf(value)).isEqualTo(value);
            if (value != null) {
                assertThat(back).hasSameClassAs(value);
            }
        }
    }

    @Test
    void arraysRoundTrip() {
        assertThat((byte[]) roundTrip(new byte[0])).isEmpty();
        assertThat((byte[]) roundTrip(new byte[]{1, -1, 127, -128})).containsExactly(1, -1, 127, -128);
        assertThat((long[]) roundTrip(new long[]{0, -1, Long.MIN_VALUE, Long.MAX_VALUE}))
                .containsExactly(0, -1, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat((int[]) roundTrip(new int[]{0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}))
                .containsExactly(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Test
    void entriesRoundTripKeepingTheirKind() {
        Object immutable = roundTrip(new AbstractMap.SimpleImmutableEntry<>("k", 42L));
        assertThat(immutable).isInstanceOf(AbstractMap.SimpleImmutableEntry.class).isEqualTo(Map.entry("k", 42L));

        Object mutable = roundTrip(new AbstractMap.SimpleEntry<>(7, null));
        assertThat(mutable).isInstanceOf(AbstractMap.SimpleEntry.class)
                .isEqualTo(new AbstractMap.SimpleEntry<>(7, null));

        // Map.entry(...) is not Serializable but gets the compact encoding; it comes back immutable
        assertThat(roundTrip(Map.entry(new long[]{1}.length, Map.entry("nested", true))))
                .isEqualTo(Map.entry(1, Map.entry("nested", true)));
    }

    @Test
    void otherSerializableValuesUseJavaSerialization() {
        Legacy legacy = new Legacy(3);
        ByteSink sink = new ByteSink(16);
        ValueCodec.write(sink, legacy);
        assertThat(sink.array()[0]).isEqualTo((byte) ValueCodec.JAVA);
        assertThat(ValueCodec.read(new ByteSource(sink.toByteArray()))).isEqualTo(legacy);
        // Serializable records have had their own encoding since format version 2 (ValueCodecRecordTest)
        assertThat(roundTrip(new Point(3, -4))).isEqualTo(new Point(3, -4));

        assertThat(roundTrip(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(roundTrip(new ArrayList<>(List.of(1, "two")))).isEqualTo(List.of(1, "two"));
        assertThat(roundTrip(new Holder(new Point(1, 2)))).isEqualTo(new Holder(new Point(1, 2)));
        assertThat(roundTrip(new Holder(new Legacy(5)))).isEqualTo(new Holder(new Legacy(5)));
    }

    @Test
    void nonSerializableValuesAreRefusedWithTheirClass() {
        ByteSink sink = new ByteSink(16);
        assertThatThrownBy(() -> ValueCodec.write(sink, new Opaque()))
                .isInstanceOf(UnsupportedValueException.class)
                .satisfies(e -> {
                    UnsupportedValueException u = (UnsupportedValueException) e;
                    assertThat(u.className()).isEqualTo(Opaque.class.getName());
                    assertThat(u.detail()).isNull();
                });
        assertThatThrownBy(() -> ValueCodec.write(sink, new Holder(new Opaque())))
                .isInstanceOf(UnsupportedValueException.class)
                .satisfies(e -> {
                    UnsupportedValueException u = (UnsupportedValueException) e;
                    assertThat(u.className()).isEqualTo(Holder.class.getName());
                    assertThat(u.detail()).contains(Opaque.class.getName()).contains("not java.io.Serializable");
                });
    }

    @Test
    void malformedBytesAreReported() {
        assertThatThrownBy(() -> ValueCodec.read(new ByteSource(new byte[]{0x55})))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("unknown type tag 0x55");
        assertThatThrownBy(() -> ValueCodec.read(new ByteSource(new byte[]{ValueCodec.DOUBLE, 1, 2})))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("needs 8 more bytes");
        assertThatThrownBy(() -> ValueCodec.read(new ByteSource(new byte[]{ValueCodec.STRING, 100, 'a'})))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("length 100 exceeds");
        assertThatThrownBy(() -> ValueCodec.read(new ByteSource(new byte[]{ValueCodec.LONG, (byte) 0x80})))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("varint");
        assertThatThrownBy(() -> ValueCodec.read(new ByteSource(new byte[]{ValueCodec.JAVA, 0, 0, 0, 2, 1, 2})))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("does not deserialize");
    }

    @Test
    void encodingIsCompact() {
        ByteSink sink = new ByteSink(16);
        ValueCodec.write(sink, 5L);
        ValueCodec.write(sink, -3);
        ValueCodec.write(sink, "abc");
        ValueCodec.write(sink, null);
        assertThat(sink.toByteArray()).containsExactly(
                ValueCodec.LONG, 10, ValueCodec.INT, 5, ValueCodec.STRING, 3, 'a', 'b', 'c', ValueCodec.NULL);
    }
}
