package io.contrail.snapshot.impl;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compact records and enums (format version 2): round trips, the class dictionary, and changed classes. */
class ValueCodecRecordTest {

    record LongKeyFramesState(long watermark, long[] frameEnds, long[] values, long[] dirtyWindowEnds)
            implements Serializable {
    }

    record ProcessorIndexKey(int processorIndex) implements Serializable {
    }

    record PendingWrite(Object key) implements Serializable {
    }

    record KeyedFrame<K, A>(K key, long frameEnd, A accumulator) implements Serializable {
    }

    record Boxes(Integer count, String label, Double ratio, Boolean flag) implements Serializable {
    }

    record AllPrimitives(boolean z, int i, long l, float f, double d) implements Serializable {
    }

    record Empty() implements Serializable {
    }

    record WithJava(LocalDate date, ArrayList<String> list, Object other) implements Serializable {
    }

    record Node(Object next) implements Serializable {
    }

    record NotSerializable(long x) {
    }

    record Positive(int value) implements Serializable {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive: " + value);
            }
        }
    }

    /** The accessor hides the field; like Java serialization, the codec stores the field. */
    record Masked(String secret) implements Serializable {
        @Override
        public String secret() {
            return "***";
        }
    }

    /** writeReplace is honoured by Java serialization, so such a record keeps it. */
    record Replaced(int x) implements Serializable {
        private Object writeReplace() {
            return new Replaced(x + 1);
        }
    }

    private record Hidden(String s) implements Serializable {
    }

    enum Phase {
        OPEN,
        CLOSED {
            @Override
            boolean done() {
                return true;
            }
        };

        boolean done() {
            return false;
        }
    }

    private static Object roundTrip(Object value) {
        ByteSink sink = new ByteSink(16);
        ValueCodec.write(sink, value);
        ByteSource source = new ByteSource(sink.toByteArray());
        Object result = ValueCodec.read(source);
        assertThat(source.hasRemaining()).as("bytes left after " + value).isFalse();
        assertThat(Canonical.of(result)).as("round trip of " + value).isEqualTo(Canonical.of(value));
        return result;
    }

    private static byte[] bytes(Consumer<ByteSink> writer) {
        ByteSink sink = new ByteSink(64);
        writer.accept(sink);
        return sink.toByteArray();
    }

    @Test
    void recordsRoundTripCompactly() {
        LongKeyFramesState state = new LongKeyFramesState(1_000, new long[]{1_000, 2_000}, new long[]{5, -7},
                new long[0]);
        ByteSink sink = new ByteSink(16);
        ValueCodec.write(sink, state);
        assertThat(sink.array()[0]).isEqualTo((byte) ValueCodec.RECORD);
        roundTrip(state);

        roundTrip(new ProcessorIndexKey(3));
        roundTrip(new ProcessorIndexKey(Integer.MIN_VALUE));
        roundTrip(new AllPrimitives(true, -1, Long.MAX_VALUE, 1.5f, Double.NaN));
        roundTrip(new Empty());
        roundTrip(new Hidden("private records too"));
        assertThat(roundTrip(new Masked("s3cr3t"))).isInstanceOf(Masked.class)
                .satisfies(m -> assertThat(m).hasFieldOrPropertyWithValue("secret", "***"))
                .hasToString("Masked[secret=s3cr3t]");
    }

    @Test
    void nestedGenericAndNullComponentsRoundTrip() {
        roundTrip(new PendingWrite(null));
        roundTrip(new PendingWrite(new ProcessorIndexKey(1)));
        roundTrip(new PendingWrite(new PendingWrite(new PendingWrite("deep"))));
        roundTrip(new Boxes(null, null, null, null));
        roundTrip(new Boxes(1, "l", 0.5, false));
        roundTrip(new LongKeyFramesState(0, null, new long[]{1}, null));
        roundTrip(new KeyedFrame<>("user-1", 60_000, new long[]{3, 4}));
        roundTrip(new KeyedFrame<>(new ProcessorIndexKey(2), -1, new AbstractMap.SimpleImmutableEntry<>("sum", 7L)));
        roundTrip(new KeyedFrame<>(Phase.OPEN, 0, new AbstractMap.SimpleEntry<>(new Empty(), Phase.CLOSED)));
        // Map.entry comes back as SimpleImmutableEntry, as in format version 1
        assertThat(Canonical.of(ValueCodec.read(new ByteSource(bytes(s -> ValueCodec.write(s,
                Map.entry(new ProcessorIndexKey(0), new PendingWrite(List.of(1, 2)))))))))
                .isEqualTo(Canonical.of(new AbstractMap.SimpleImmutableEntry<>(new ProcessorIndexKey(0),
                        new PendingWrite(List.of(1, 2)))));
        // records as keys: equal and with the same hash code after the round trip
        assertThat(roundTrip(new KeyedFrame<>("k", 5, 6L))).isEqualTo(new KeyedFrame<>("k", 5, 6L))
                .hasSameHashCodeAs(new KeyedFrame<>("k", 5, 6L));
    }

    @Test
    void nonRecordSerializableComponentsUseJavaSerialization() {
        WithJava value = new WithJava(LocalDate.of(2024, 2, 29), new ArrayList<>(List.of("a", "b")),
                new ValueCodecTest.Legacy(9));
        assertThat(roundTrip(value)).isEqualTo(value);
        roundTrip(new PendingWrite(new ArrayList<>(List.of(new ProcessorIndexKey(4)))));
    }

    @Test
    void enumsRoundTripByName() {
        assertThat(roundTrip(Phase.OPEN)).isSameAs(Phase.OPEN);
        // a constant with a body has its own class; it is stored under the enum's name
        assertThat(Phase.CLOSED.getClass()).isNotEqualTo(Phase.class);
        assertThat(roundTrip(Phase.CLOSED)).isSameAs(Phase.CLOSED);
        byte[] encoded = bytes(s -> ValueCodec.write(s, Phase.CLOSED));
        assertThat(encoded[0]).isEqualTo((byte) ValueCodec.ENUM);
        assertThat(new String(encoded, java.nio.charset.StandardCharsets.UTF_8)).contains(Phase.class.getName())
                .doesNotContain(Phase.CLOSED.getClass().getName());
    }

    @Test
    void aRepeatedClassCostsItsNameOncePerDictionary() {
        ValueCodec.Encoder encoder = new ValueCodec.Encoder();
        ByteSink sink = new ByteSink(64);
        encoder.write(sink, new ProcessorIndexKey(1));
        int first = sink.position();
        encoder.write(sink, new ProcessorIndexKey(2));
        // tag, class ref 1, INT tag, zig-zag 2
        assertThat(sink.position() - first).isEqualTo(4);
        assertThat(Arrays.copyOfRange(sink.array(), first, sink.position()))
                .containsExactly(ValueCodec.RECORD, 1, ValueCodec.INT, 4);
        encoder.write(sink, Phase.OPEN);
        encoder.write(sink, Phase.CLOSED);
        encoder.write(sink, new PendingWrite(new ProcessorIndexKey(3)));

        ValueCodec.Decoder decoder = new ValueCodec.Decoder(ValueCodec.FORMAT_VERSION);
        ByteSource in = new ByteSource(sink.toByteArray());
        assertThat(decoder.read(in)).isEqualTo(new ProcessorIndexKey(1));
        assertThat(decoder.read(in)).isEqualTo(new ProcessorIndexKey(2));
        assertThat(decoder.read(in)).isSameAs(Phase.OPEN);
        assertThat(decoder.read(in)).isSameAs(Phase.CLOSED);
        assertThat(decoder.read(in)).isEqualTo(new PendingWrite(new ProcessorIndexKey(3)));
        assertThat(in.hasRemaining()).isFalse();

        // the next chunk starts a new dictionary on both sides
        encoder.reset();
        ByteSink next = new ByteSink(64);
        encoder.write(next, new ProcessorIndexKey(5));
        decoder.reset();
        assertThat(decoder.read(new ByteSource(next.toByteArray()))).isEqualTo(new ProcessorIndexKey(5));
        // a reference without its definition in the chunk
        assertThatThrownBy(() -> decoder.read(new ByteSource(new byte[]{ValueCodec.RECORD, 7, ValueCodec.INT, 0})))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("class reference 7 at offset 1, but only 1 classes are defined before it");
    }

    @Test
    void aFailedWriteRollsBackTheClassesItDefined() {
        ValueCodec.Encoder encoder = new ValueCodec.Encoder();
        ByteSink sink = new ByteSink(64);
        encoder.write(sink, new ProcessorIndexKey(1));
        int mark = sink.position();
        int classes = encoder.mark();
        // defines PendingWrite and KeyedFrame, then fails on the component
        assertThatThrownBy(() -> encoder.write(sink,
                new PendingWrite(new KeyedFrame<>("k", 1, new ValueCodecTest.Opaque()))))
                .isInstanceOf(UnsupportedValueException.class);
        sink.truncate(mark);
        encoder.rollback(classes);
        encoder.write(sink, new PendingWrite(new KeyedFrame<>("k", 1, 2L)));
        encoder.write(sink, new PendingWrite(new ProcessorIndexKey(3)));

        ValueCodec.Decoder decoder = new ValueCodec.Decoder(ValueCodec.FORMAT_VERSION);
        ByteSource in = new ByteSource(sink.toByteArray());
        assertThat(decoder.read(in)).isEqualTo(new ProcessorIndexKey(1));
        assertThat(decoder.read(in)).isEqualTo(new PendingWrite(new KeyedFrame<>("k", 1, 2L)));
        assertThat(decoder.read(in)).isEqualTo(new PendingWrite(new ProcessorIndexKey(3)));
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void recordsThatCannotBeStoredFailAsBefore() {
        ByteSink sink = new ByteSink(16);
        assertThatThrownBy(() -> ValueCodec.write(sink, new NotSerializable(1)))
                .isInstanceOf(UnsupportedValueException.class)
                .satisfies(e -> {
                    UnsupportedValueException u = (UnsupportedValueException) e;
                    assertThat(u.className()).isEqualTo(NotSerializable.class.getName());
                    assertThat(u.detail()).isNull();
                });
        // the outermost record is named, the offending class is in the detail, as with Java serialization
        assertThatThrownBy(() -> ValueCodec.write(sink, new PendingWrite(new PendingWrite(new NotSerializable(1)))))
                .isInstanceOf(UnsupportedValueException.class)
                .satisfies(e -> {
                    UnsupportedValueException u = (UnsupportedValueException) e;
                    assertThat(u.className()).isEqualTo(PendingWrite.class.getName());
                    assertThat(u.detail()).isEqualTo("it references an object of class "
                            + NotSerializable.class.getName() + ", which is not java.io.Serializable");
                });
        assertThatThrownBy(() -> ValueCodec.write(sink, new PendingWrite(new ArrayList<>(
                List.of(new ValueCodecTest.Opaque())))))
                .isInstanceOf(UnsupportedValueException.class)
                .satisfies(e -> {
                    UnsupportedValueException u = (UnsupportedValueException) e;
                    assertThat(u.className()).isEqualTo(PendingWrite.class.getName());
                    assertThat(u.detail()).contains(ValueCodecTest.Opaque.class.getName())
                            .contains("not java.io.Serializable");
                });
    }

    @Test
    void recordsWithWriteReplaceKeepJavaSerialization() {
        ByteSink sink = new ByteSink(16);
        ValueCodec.write(sink, new Replaced(1));
        assertThat(sink.array()[0]).isEqualTo((byte) ValueCodec.JAVA);
        assertThat(ValueCodec.read(new ByteSource(sink.toByteArray()))).isEqualTo(new Replaced(2));
    }

    @Test
    void deepNestingFallsBackToJavaSerializationInsteadOfOverflowing() {
        Object chain = "end";
        for (int i = 0; i < 1_000; i++) {
            chain = new Node(chain);
        }
        roundTrip(chain);
        // a cycle through a mutable entry: Java serialization takes over below the compact depth
        AbstractMap.SimpleEntry<String, Object> entry = new AbstractMap.SimpleEntry<>("next", null);
        Node cyclic = new Node(entry);
        entry.setValue(cyclic);
        Object at = ValueCodec.read(new ByteSource(bytes(s -> ValueCodec.write(s, cyclic))));
        int nodes = 0;
        while (at instanceof Node node) {
            nodes++;
            at = ((Map.Entry<?, ?>) node.next()).getValue();
        }
        // the compact levels, then Java serialization, which (as always) reads a record's
        // back-reference to itself as null: a record exists only once its components do
        assertThat(nodes).isGreaterThan(ValueCodec.MAX_COMPACT_DEPTH / 2);
        assertThat(at).isNull();
    }

    /** A record definition, written by hand: tag, class ref 0, name, component names. */
    private static ByteSink definition(String className, String... components) {
        ByteSink sink = new ByteSink(64);
        sink.writeByte(ValueCodec.RECORD);
        sink.writeVarInt(0);
        sink.writeString(className);
        sink.writeVarInt(components.length);
        for (String c : components) {
            sink.writeString(c);
        }
        return sink;
    }

    private static Object read(ByteSink sink) {
        return ValueCodec.read(new ByteSource(sink.toByteArray()));
    }

    @Test
    void aMissingRecordClassIsNamed() {
        ByteSink sink = definition("com.example.gone.FrameState", "watermark");
        sink.writeByte(ValueCodec.LONG);
        sink.writeZigZagLong(1);
        assertThatThrownBy(() -> read(sink))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("the snapshot holds a record of class com.example.gone.FrameState, which is not on the"
                        + " class path (neither the thread's context class loader nor Contrail's loads it)");

        ByteSink enumSink = new ByteSink(64);
        enumSink.writeByte(ValueCodec.ENUM);
        enumSink.writeVarInt(0);
        enumSink.writeString("com.example.gone.Phase");
        enumSink.writeString("OPEN");
        assertThatThrownBy(() -> read(enumSink))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("an enum constant of class com.example.gone.Phase, which is not on the class"
                        + " path");
    }

    @Test
    void aChangedRecordClassIsNamedWithWhatDiffers() {
        String name = ProcessorIndexKey.class.getName();
        ByteSink more = definition(name, "processorIndex", "member");
        assertThatThrownBy(() -> read(more))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("record class " + name + " has changed since the snapshot was written: the snapshot has"
                        + " components (processorIndex, member), the class has (int processorIndex)");

        ByteSink renamed = definition(LongKeyFramesState.class.getName(), "watermark", "frameEnds", "values",
                "dirtyWindows");
        assertThatThrownBy(() -> read(renamed))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("the snapshot has components (watermark, frameEnds, values, dirtyWindows), the"
                        + " class has (long watermark, long[] frameEnds, long[] values, long[] dirtyWindowEnds)");

        ByteSink retyped = definition(name, "processorIndex");
        retyped.writeByte(ValueCodec.LONG);
        retyped.writeZigZagLong(3);
        assertThatThrownBy(() -> read(retyped))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("record class " + name + " has changed since the snapshot was written: component"
                        + " 'processorIndex' is of type int, but the snapshot holds a value of class java.lang.Long"
                        + " for it");

        ByteSink nulled = definition(name, "processorIndex");
        nulled.writeByte(ValueCodec.NULL);
        assertThatThrownBy(() -> read(nulled))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("component 'processorIndex' is of type int, but the snapshot holds null");

        ByteSink notARecord = definition(String.class.getName());
        assertThatThrownBy(() -> read(notARecord))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("the snapshot holds a record of class java.lang.String, but that class is not a record");

        ByteSink notSerializable = definition(NotSerializable.class.getName(), "x");
        assertThatThrownBy(() -> read(notSerializable))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("that class is a record but not java.io.Serializable");

        ByteSink refused = definition(Positive.class.getName(), "value");
        refused.writeByte(ValueCodec.INT);
        refused.writeZigZagInt(-1);
        assertThatThrownBy(() -> read(refused))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("the canonical constructor of record class " + Positive.class.getName()
                        + " refuses the component values of the snapshot")
                .hasMessageContaining("value must be positive: -1");
    }

    @Test
    void aChangedEnumIsNamedWithWhatDiffers() {
        ByteSink missing = new ByteSink(64);
        missing.writeByte(ValueCodec.ENUM);
        missing.writeVarInt(0);
        missing.writeString(Phase.class.getName());
        missing.writeString("PAUSED");
        assertThatThrownBy(() -> read(missing))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("enum class " + Phase.class.getName() + " has changed since the snapshot was written: it"
                        + " has no constant PAUSED any more; its constants are [OPEN, CLOSED]");

        ByteSink notAnEnum = new ByteSink(64);
        notAnEnum.writeByte(ValueCodec.ENUM);
        notAnEnum.writeVarInt(0);
        notAnEnum.writeString(ProcessorIndexKey.class.getName());
        notAnEnum.writeString("OPEN");
        assertThatThrownBy(() -> read(notAnEnum))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("the snapshot holds an enum constant of class " + ProcessorIndexKey.class.getName()
                        + ", but that class is not an enum");
    }

    @Test
    void formatVersion1DataKnowsNoRecordTags() {
        byte[] record = bytes(s -> ValueCodec.write(s, new ProcessorIndexKey(1)));
        ValueCodec.Decoder v1 = new ValueCodec.Decoder(1);
        assertThatThrownBy(() -> v1.read(new ByteSource(record)))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("unknown type tag 0xd at offset 0 in data of format version 1");
        // version 1 data of version 1 types reads the same
        assertThat(v1.read(new ByteSource(bytes(s -> ValueCodec.write(s, Map.entry("k", 1L))))))
                .isEqualTo(Map.entry("k", 1L));
        assertThatThrownBy(() -> new ValueCodec.Decoder(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads versions 1 to 2");
    }

    @Test
    void classesResolveWithTheContextClassLoaderFirst() throws Exception {
        URL classes = ValueCodecRecordTest.class.getProtectionDomain().getCodeSource().getLocation();
        // a second copy of ProcessorIndexKey, visible only through this loader
        try (URLClassLoader isolated = new URLClassLoader(new URL[]{classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = isolated.loadClass(ProcessorIndexKey.class.getName());
            assertThat(copy).isNotEqualTo(ProcessorIndexKey.class);
            var constructor = copy.getDeclaredConstructor(int.class);
            constructor.setAccessible(true);
            Object value = constructor.newInstance(7);
            byte[] encoded = bytes(s -> ValueCodec.write(s, value));

            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            try {
                thread.setContextClassLoader(isolated);
                assertThat(ValueCodec.read(new ByteSource(encoded)).getClass()).isSameAs(copy);
                thread.setContextClassLoader(null);
                // without a context loader, the codec's own loader
                assertThat(ValueCodec.read(new ByteSource(encoded))).isEqualTo(new ProcessorIndexKey(7));
            } finally {
                thread.setContextClassLoader(before);
            }
        }
    }
}
