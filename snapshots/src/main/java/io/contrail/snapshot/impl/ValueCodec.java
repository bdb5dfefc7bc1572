package io.contrail.snapshot.impl;

import java.io.Externalizable;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInput;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Encoding of snapshot keys and values, format version {@value #FORMAT_VERSION} (it also reads
 * version 1). Each value is a one-byte type tag followed by its payload:
 *
 * <pre>
 * tag   type                              payload                                          since
 * 0x00  null                              -                                                1
 * 0x01  Boolean.FALSE                     -                                                1
 * 0x02  Boolean.TRUE                      -                                                1
 * 0x03  Integer                           zig-zag varint                                   1
 * 0x04  Long                              zig-zag varint                                   1
 * 0x05  Double                            8 bytes, IEEE 754 bits, big-endian               1
 * 0x06  Float                             4 bytes, IEEE 754 bits, big-endian               1
 * 0x07  String                            varint byte length, UTF-8 bytes                  1
 * 0x08  byte[]                            varint length, bytes                             1
 * 0x09  long[]                            varint length, zig-zag varint per element        1
 * 0x0A  int[]                             varint length, zig-zag varint per element        1
 * 0x0B  AbstractMap.SimpleImmutableEntry  key value (each a tagged value); also Map.entry  1
 * 0x0C  AbstractMap.SimpleEntry           key value (each a tagged value)                  1
 * 0x0D  Serializable record               class ref, then each component (tagged value)    2
 * 0x0E  enum constant                     class ref, then the constant's name as string    2
 * 0x0F  Externalizable (public no-arg      class ref, then what writeExternal writes:       2
 *       constructor)                      primitives big-endian, UTF as string, objects as
 *                                         tagged values
 * 0x7F  any other Serializable            int32 big-endian length, Java serialization      1
 * </pre>
 *
 * Varints are unsigned LEB128 (7 bits per byte, least significant group first); a string is a
 * varint byte length and UTF-8 bytes.
 *
 * <h2>Class references (version 2)</h2>
 * A <em>class ref</em> is a varint {@code r}. {@code r = 0} defines a class: its name (string)
 * follows and, for a record, the component count (varint) and each component's name (string), in
 * declaration order. The definition gets the next index of the <em>class dictionary</em>, counting
 * from 1, before the record's components are written. {@code r > 0} refers to the class defined
 * {@code r}-th. The dictionary is local to one {@link Encoder} / {@link Decoder} session, which
 * the writer and reader start anew for every chunk, so a chunk decodes on its own and a class
 * costs its name once per chunk. The stand-alone {@link #write} and {@link #read} use a session
 * of one value.
 *
 * <p>A record gets the compact encoding when it is {@link Serializable} and declares neither
 * {@code writeReplace} nor {@code readResolve} (those keep Java serialization, which honours
 * them). Like Java serialization of records, the encoding reads the record's fields and decodes
 * through the canonical constructor. Identity is not kept: two components referring to the same
 * object come back as two equal objects. A record that is not Serializable is refused as
 * before. Reading checks the class against the definition: a missing class, a class that is no
 * longer a Serializable record, other component names (or order, or count), or a component
 * value that its type does not accept fail with a {@link MalformedDataException} naming the class
 * and the difference. Records and map entries nested more than {@value #MAX_COMPACT_DEPTH} deep
 * fall back to Java serialization (so a cycle through a mutable entry cannot overflow the stack).
 * Enum constants are stored by name (like Java serialization), classes with constant-specific
 * bodies under their enum's name.
 *
 * <p>Only the exact classes above get a compact encoding, so a user's subclass or own
 * {@code Map.Entry} keeps its class through Java serialization. Classes are loaded with the
 * thread's context class loader first, then this codec's. Adding a tag is a format change: it
 * bumps {@link #FORMAT_VERSION} and comes with a restore test of the old version. Encodings of
 * version 1 values are unchanged in version 2; a version 1 reader refuses the new tags.
 *
 * <h2>Threading</h2>
 * The static methods are safe from any thread. An {@link Encoder} or {@link Decoder} holds a
 * chunk's class dictionary and belongs to one thread at a time.
 */
public final class ValueCodec {

    /** Version of this encoding and of the chunk layout, recorded in every snapshot written now. */
    public static final int FORMAT_VERSION = 2;

    /** The oldest format version this code still reads. */
    public static final int OLDEST_READABLE_VERSION = 1;

    static final int NULL = 0x00;
    static final int FALSE = 0x01;
    static final int TRUE = 0x02;
    static final int INT = 0x03;
    static final int LONG = 0x04;
    static final int DOUBLE = 0x05;
    static final int FLOAT = 0x06;
    static final int STRING = 0x07;
    static final int BYTES = 0x08;
    static final int LONGS = 0x09;
    static final int INTS = 0x0A;
    static final int IMMUTABLE_ENTRY = 0x0B;
    static final int MUTABLE_ENTRY = 0x0C;
    static final int RECORD = 0x0D;
    static final int ENUM = 0x0E;
    static final int EXTERNAL = 0x0F;
    static final int JAVA = 0x7F;

    /** Records and map entries nested deeper than this are Java-serialized. */
    static final int MAX_COMPACT_DEPTH = 64;

    /** The class of {@code Map.entry(k, v)}, a JDK-internal class that is not Serializable. */
    private static final Class<?> KEY_VALUE_HOLDER = Map.entry("", "").getClass();

    /** How each class that is not a fixed compact type is encoded; computed once per class. */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private ValueCodec() {
    }

    /** Whether this code reads data of {@code formatVersion}. */
    public static boolean reads(int formatVersion) {
        return formatVersion >= OLDEST_READABLE_VERSION && formatVersion <= FORMAT_VERSION;
    }

    /**
     * Appends {@code value} to {@code out}, on its own: classes it uses are defined in place. On
     * failure {@code out} may hold a partial value; the caller truncates it.
     *
     * @throws UnsupportedValueException if the value (or something it references) cannot be
     *         serialized
     */
    public static void write(ByteSink out, Object value) {
        new Encoder().write(out, value);
    }

    /**
     * Reads one value of the current format version written by {@link #write}.
     *
     * @throws MalformedDataException if the bytes are not a value of this encoding, or a
     *         Java-serialized value cannot be deserialized (its class missing, for one)
     */
    public static Object read(ByteSource in) {
        return new Decoder(FORMAT_VERSION).read(in);
    }

    /**
     * Writes values that share a class dictionary: one per writer, {@link #reset} at the start of
     * every chunk.
     */
    public static final class Encoder {

        /** Class to its 0-based index in the dictionary; created on the first record or enum. */
        private Map<Class<?>, Integer> indexes;
        private final List<Class<?>> defined = new ArrayList<>();

        /** Starts a new chunk: forgets every class defined so far. */
        public void reset() {
            if (!defined.isEmpty()) {
                indexes.clear();
                defined.clear();
            }
        }

        /** The dictionary's state now, for {@link #rollback} after a failed write. */
        public int mark() {
            return defined.size();
        }

        /** Forgets the classes defined since {@code mark}, whose definitions the caller truncated. */
        public void rollback(int mark) {
            while (defined.size() > mark) {
                indexes.remove(defined.remove(defined.size() - 1));
            }
        }

        /**
         * Appends {@code value}. On failure {@code out} may hold a partial value and the dictionary
         * classes defined in it; the caller truncates {@code out} and calls {@link #rollback}.
         *
         * @throws UnsupportedValueException if the value (or something it references) cannot be
         *         serialized
         */
        public void write(ByteSink out, Object value) {
            write(out, value, 0);
        }

        private void write(ByteSink out, Object value, int depth) {
            if (value == null) {
                out.writeByte(NULL);
                return;
            }
            Class<?> type = value.getClass();
            if (type == Long.class) {
                out.writeByte(LONG);
                out.writeZigZagLong((Long) value);
            } else if (type == String.class) {
                out.writeByte(STRING);
                out.writeString((String) value);
            } else if (type == Integer.class) {
                out.writeByte(INT);
                out.writeZigZagInt((Integer) value);
            } else if (type == Boolean.class) {
                out.writeByte((Boolean) value ? TRUE : FALSE);
            } else if (type == Double.class) {
                out.writeByte(DOUBLE);
                out.writeLong(Double.doubleToRawLongBits((Double) value));
            } else if (type == Float.class) {
                out.writeByte(FLOAT);
                out.writeInt(Float.floatToRawIntBits((Float) value));
            } else if (type == byte[].class) {
                byte[] bytes = (byte[]) value;
                out.writeByte(BYTES);
                out.writeVarInt(bytes.length);
                out.writeBytes(bytes, 0, bytes.length);
            } else if (type == long[].class) {
                long[] longs = (long[]) value;
                out.writeByte(LONGS);
                out.writeVarInt(longs.length);
                for (long l : longs) {
                    out.writeZigZagLong(l);
                }
            } else if (type == int[].class) {
                int[] ints = (int[]) value;
                out.writeByte(INTS);
                out.writeVarInt(ints.length);
                for (int i : ints) {
                    out.writeZigZagInt(i);
                }
            } else if ((type == AbstractMap.SimpleImmutableEntry.class || type == KEY_VALUE_HOLDER)
                    && depth < MAX_COMPACT_DEPTH) {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) value;
                out.writeByte(IMMUTABLE_ENTRY);
                write(out, entry.getKey(), depth + 1);
                write(out, entry.getValue(), depth + 1);
            } else if (type == AbstractMap.SimpleEntry.class && depth < MAX_COMPACT_DEPTH) {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) value;
                out.writeByte(MUTABLE_ENTRY);
                write(out, entry.getKey(), depth + 1);
                write(out, entry.getValue(), depth + 1);
            } else {
                Shape shape = SHAPES.get(type);
                if (shape instanceof RecordShape record && depth < MAX_COMPACT_DEPTH) {
                    writeRecord(out, value, record, depth);
                } else if (shape instanceof ExternalShape external && depth < MAX_COMPACT_DEPTH) {
                    out.writeByte(EXTERNAL);
                    writeClass(out, external);
                    try {
                        ((Externalizable) value).writeExternal(new SinkObjectOutput(this, out, depth + 1));
                    } catch (IOException | RuntimeException e) {
                        throw new UnsupportedValueException(type.getName(), "its writeExternal() failed: " + e);
                    }
                } else if (shape instanceof EnumShape enumShape) {
                    out.writeByte(ENUM);
                    writeClass(out, enumShape);
                    out.writeString(((Enum<?>) value).name());
                } else {
                    writeJava(out, value);
                }
            }
        }

        private void writeRecord(ByteSink out, Object value, RecordShape shape, int depth) {
            out.writeByte(RECORD);
            writeClass(out, shape);
            for (int i = 0; i < shape.names.length; i++) {
                try {
                    write(out, shape.get(value, i), depth + 1);
                } catch (UnsupportedValueException e) {
                    // the same contract as Java serialization of the whole record
                    throw new UnsupportedValueException(shape.type.getName(), e.detail() != null ? e.detail()
                            : "it references an object of class " + e.className()
                            + ", which is not java.io.Serializable");
                }
            }
        }

        private void writeClass(ByteSink out, Shape shape) {
            Class<?> type = shape.type();
            if (indexes == null) {
                indexes = new HashMap<>();
            }
            Integer index = indexes.get(type);
            if (index != null) {
                out.writeVarInt(index + 1);
                return;
            }
            indexes.put(type, defined.size());
            defined.add(type);
            out.writeVarInt(0);
            out.writeString(type.getName());
            if (shape instanceof RecordShape record) {
                out.writeVarInt(record.names.length);
                for (String name : record.names) {
                    out.writeString(name);
                }
            }
        }
    }

    /** Java serialization of one value, tag {@link #JAVA}; the only encoding of format version 1 for records. */
    static void writeJava(ByteSink out, Object value) {
        if (!(value instanceof Serializable)) {
            throw new UnsupportedValueException(value.getClass().getName(), null);
        }
        out.writeByte(JAVA);
        int lengthAt = out.position();
        out.writeInt(0);
        try (ObjectOutputStream oos = new ObjectOutputStream(new SinkOutputStream(out))) {
            oos.writeObject(value);
        } catch (NotSerializableException e) {
            // the message of NotSerializableException is the class name of the offending object
            throw new UnsupportedValueException(value.getClass().getName(), "it references an object of class "
                    + e.getMessage() + ", which is not java.io.Serializable");
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedValueException(value.getClass().getName(), "Java serialization failed: " + e);
        }
        ByteSink.putInt(out.array(), lengthAt, out.position() - lengthAt - 4);
    }

    /**
     * Reads values of one format version that share a class dictionary: one per reading thread,
     * {@link #reset} at the start of every chunk.
     */
    public static final class Decoder {

        private final int formatVersion;
        /** The chunk's class dictionary, in definition order. */
        private final List<Shape> defined = new ArrayList<>();
        /** Classes already loaded by name, kept across chunks. */
        private final Map<String, Class<?>> loaded = new HashMap<>();

        /** @throws IllegalArgumentException if this code does not read {@code formatVersion} */
        public Decoder(int formatVersion) {
            if (!reads(formatVersion)) {
                throw new IllegalArgumentException("format version " + formatVersion + " is not readable; this code"
                        + " reads versions " + OLDEST_READABLE_VERSION + " to " + FORMAT_VERSION);
            }
            this.formatVersion = formatVersion;
        }

        /** Starts a new chunk: forgets every class defined so far. */
        public void reset() {
            defined.clear();
        }

        /**
         * Reads one value.
         *
         * @throws MalformedDataException if the bytes are not a value of this encoding, or a value
         *         cannot be rebuilt (its class missing or changed, for one)
         */
        public Object read(ByteSource in) {
            int tag = in.readByte();
            switch (tag) {
                case NULL:
                    return null;
                case FALSE:
                    return Boolean.FALSE;
                case TRUE:
                    return Boolean.TRUE;
                case INT:
                    return in.readZigZagInt();
                case LONG:
                    return in.readZigZagLong();
                case DOUBLE:
                    return Double.longBitsToDouble(in.readLong());
                case FLOAT:
                    return Float.intBitsToFloat(in.readInt());
                case STRING:
                    return in.readString();
                case BYTES:
                    return in.readBytes(in.readLength(1));
                case LONGS: {
                    long[] longs = new long[in.readLength(1)];
                    for (int i = 0; i < longs.length; i++) {
                        longs[i] = in.readZigZagLong();
                    }
                    return longs;
                }
                case INTS: {
                    int[] ints = new int[in.readLength(1)];
                    for (int i = 0; i < ints.length; i++) {
                        ints[i] = in.readZigZagInt();
                    }
                    return ints;
                }
                case IMMUTABLE_ENTRY: {
                    Object key = read(in);
                    return new AbstractMap.SimpleImmutableEntry<>(key, read(in));
                }
                case MUTABLE_ENTRY: {
                    Object key = read(in);
                    return new AbstractMap.SimpleEntry<>(key, read(in));
                }
                case JAVA:
                    return readJava(in);
                default:
                    if (formatVersion >= 2 && tag == RECORD) {
                        return readRecord(in);
                    }
                    if (formatVersion >= 2 && tag == ENUM) {
                        return readEnum(in);
                    }
                    if (formatVersion >= 2 && tag == EXTERNAL) {
                        return readExternal(in);
                    }
                    throw new MalformedDataException("unknown type tag 0x" + Integer.toHexString(tag)
                            + " at offset " + (in.position() - 1) + " in data of format version " + formatVersion);
            }
        }

        private Object readExternal(ByteSource in) {
            ExternalShape shape = (ExternalShape) readClass(in, ExternalShape.class);
            Externalizable value = shape.newInstance();
            try {
                value.readExternal(new SourceObjectInput(this, in));
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                throw new MalformedDataException("class " + shape.type.getName() + " cannot read the state it wrote"
                        + " (its readExternal() failed, so it has probably changed since the snapshot was written): " + e, e);
            }
            return value;
        }

        private Object readRecord(ByteSource in) {
            RecordShape shape = (RecordShape) readClass(in, RecordShape.class);
            Object[] components = new Object[shape.names.length];
            for (int i = 0; i < components.length; i++) {
                Object component = read(in);
                shape.check(i, component);
                components[i] = component;
            }
            return shape.construct(components);
        }

        private Object readEnum(ByteSource in) {
            EnumShape shape = (EnumShape) readClass(in, EnumShape.class);
            String name = in.readString();
            Object constant = shape.constants.get(name);
            if (constant == null) {
                throw new MalformedDataException("enum class " + shape.type.getName() + " has changed since the"
                        + " snapshot was written: it has no constant " + name + " any more; its constants are "
                        + shape.constants.keySet());
            }
            return constant;
        }

        private Shape readClass(ByteSource in, Class<? extends Shape> expected) {
            boolean record = expected == RecordShape.class;
            String kind = record ? "record" : expected == EnumShape.class ? "enum" : "Externalizable";
            int at = in.position();
            int ref = in.readVarInt();
            if (ref != 0) {
                if (ref < 0 || ref > defined.size()) {
                    throw new MalformedDataException("class reference " + Integer.toUnsignedString(ref) + " at offset "
                            + at + ", but only " + defined.size() + " classes are defined before it in this chunk");
                }
                Shape shape = defined.get(ref - 1);
                if (!expected.isInstance(shape)) {
                    throw new MalformedDataException("class reference " + ref + " at offset " + at + " is to "
                            + shape.type().getName() + " where a " + kind + " class is due");
                }
                return shape;
            }
            String name = in.readString();
            String[] names = null;
            if (record) {
                names = new String[in.readLength(1)];
                for (int i = 0; i < names.length; i++) {
                    names[i] = in.readString();
                }
            }
            Shape shape = SHAPES.get(load(name, kind));
            if (record) {
                if (!(shape instanceof RecordShape recordShape)) {
                    throw new MalformedDataException("the snapshot holds a record of class " + name
                            + ", but that class " + (shape instanceof OpaqueShape opaque ? opaque.why() : "is an enum"));
                }
                recordShape.checkNames(names);
            } else if (!expected.isInstance(shape)) {
                throw new MalformedDataException("the snapshot holds " + (expected == EnumShape.class
                        ? "an enum constant" : "an Externalizable value") + " of class " + name + ", but that class "
                        + (expected == EnumShape.class ? "is not an enum"
                        : shape instanceof OpaqueShape opaque ? opaque.why() : "is not Externalizable"));
            }
            defined.add(shape);
            return shape;
        }

        private Class<?> load(String name, String kind) {
            Class<?> type = loaded.get(name);
            if (type == null) {
                type = loadClass(name);
                if (type == null) {
                    throw new MalformedDataException("the snapshot holds " + switch (kind) {
                        case "enum" -> "an enum constant";
                        case "record" -> "a record";
                        default -> "an Externalizable value";
                    } + " of class " + name + ", which is not on the class path (neither the thread's"
                            + " context class loader nor Contrail's loads it)");
                }
                loaded.put(name, type);
            }
            return type;
        }
    }

    /** The class {@code name} from the thread's context class loader, else from this codec's; null if neither has it. */
    private static Class<?> loadClass(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(name, false, context);
            } catch (ClassNotFoundException | LinkageError e) {
                // try our own loader
            }
        }
        try {
            return Class.forName(name, false, ValueCodec.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static Object readJava(ByteSource in) {
        int length = in.readInt();
        try (ObjectInputStream ois = new ContextObjectInputStream(in.readStream(length))) {
            return ois.readObject();
        } catch (ClassNotFoundException e) {
            throw new MalformedDataException("a Java-serialized value needs class " + e.getMessage()
                    + ", which is not on the class path", e);
        } catch (IOException | RuntimeException e) {
            throw new MalformedDataException("a Java-serialized value does not deserialize: " + e, e);
        }
    }

    /** How values of a class are encoded beyond the fixed compact types. */
    private sealed interface Shape permits RecordShape, EnumShape, ExternalShape, OpaqueShape {

        /** The class named in the dictionary. */
        Class<?> type();

        static Shape of(Class<?> type) {
            if (type.isEnum()) {
                return new EnumShape(type);
            }
            Class<?> parent = type.getSuperclass();
            if (parent != null && parent.isEnum()) {
                return SHAPES.get(parent); // a constant with its own body
            }
            if (Externalizable.class.isAssignableFrom(type) && !type.isRecord()) {
                try {
                    return new ExternalShape(type);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    return new OpaqueShape(type, "is Externalizable without a public no-arg constructor (" + e + ")");
                }
            }
            if (!type.isRecord()) {
                return new OpaqueShape(type, "is not a record");
            }
            if (!Serializable.class.isAssignableFrom(type)) {
                return new OpaqueShape(type, "is a record but not java.io.Serializable");
            }
            for (String method : List.of("writeReplace", "readResolve")) {
                try {
                    type.getDeclaredMethod(method);
                    return new OpaqueShape(type, "declares " + method + "(), so it is Java-serialized");
                } catch (NoSuchMethodException e) {
                    // fine
                }
            }
            try {
                return new RecordShape(type);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return new OpaqueShape(type, "cannot be read reflectively (" + e + "), so it is Java-serialized");
            }
        }
    }

    /** An Externalizable class and its public no-arg constructor. */
    private static final class ExternalShape implements Shape {

        final Class<?> type;
        /** {@code () Object}. */
        final MethodHandle constructor;

        ExternalShape(Class<?> type) throws ReflectiveOperationException {
            this.type = type;
            this.constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        }

        @Override
        public Class<?> type() {
            return type;
        }

        Externalizable newInstance() {
            try {
                return (Externalizable) (Object) constructor.invokeExact();
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw new MalformedDataException("the public no-arg constructor of " + type.getName() + " failed: " + e, e);
            }
        }
    }

    /** What an Externalizable's writeExternal writes: primitives into the sink, objects as tagged values. */
    private static final class SinkObjectOutput implements ObjectOutput {

        private final Encoder encoder;
        private final ByteSink out;
        private final int depth;

        SinkObjectOutput(Encoder encoder, ByteSink out, int depth) {
            this.encoder = encoder;
            this.out = out;
            this.depth = depth;
        }

        @Override
        public void writeObject(Object obj) {
            encoder.write(out, obj, depth);
        }

        @Override
        public void write(int b) {
            out.writeByte(b);
        }

        @Override
        public void write(byte[] b) {
            out.writeBytes(b, 0, b.length);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.writeBytes(b, off, len);
        }

        @Override
        public void writeBoolean(boolean v) {
            out.writeByte(v ? 1 : 0);
        }

        @Override
        public void writeByte(int v) {
            out.writeByte(v);
        }

        @Override
        public void writeShort(int v) {
            out.writeByte(v >>> 8);
            out.writeByte(v);
        }

        @Override
        public void writeChar(int v) {
            writeShort(v);
        }

        @Override
        public void writeInt(int v) {
            out.writeInt(v);
        }

        @Override
        public void writeLong(long v) {
            out.writeLong(v);
        }

        @Override
        public void writeFloat(float v) {
            out.writeInt(Float.floatToRawIntBits(v));
        }

        @Override
        public void writeDouble(double v) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }

        @Override
        public void writeBytes(String s) {
            for (int i = 0; i < s.length(); i++) {
                out.writeByte(s.charAt(i));
            }
        }

        @Override
        public void writeChars(String s) {
            for (int i = 0; i < s.length(); i++) {
                writeChar(s.charAt(i));
            }
        }

        @Override
        public void writeUTF(String s) {
            out.writeString(s);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** What an Externalizable's readExternal reads, the mirror of {@link SinkObjectOutput}. */
    private static final class SourceObjectInput implements ObjectInput {

        private final Decoder decoder;
        private final ByteSource in;

        SourceObjectInput(Decoder decoder, ByteSource in) {
            this.decoder = decoder;
            this.in = in;
        }

        @Override
        public Object readObject() {
            return decoder.read(in);
        }

        @Override
        public int read() {
            return in.hasRemaining() ? in.readByte() & 0xFF : -1;
        }

        @Override
        public int read(byte[] b) {
            return read(b, 0, b.length);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, in.remaining());
            if (n == 0 && len > 0) {
                return -1;
            }
            System.arraycopy(in.readBytes(n), 0, b, off, n);
            return n;
        }

        @Override
        public long skip(long n) {
            int skipped = (int) Math.min(n, in.remaining());
            in.readBytes(skipped);
            return skipped;
        }

        @Override
        public int available() {
            return in.remaining();
        }

        @Override
        public void close() {
        }

        @Override
        public void readFully(byte[] b) {
            readFully(b, 0, b.length);
        }

        @Override
        public void readFully(byte[] b, int off, int len) {
            System.arraycopy(in.readBytes(len), 0, b, off, len);
        }

        @Override
        public int skipBytes(int n) {
            return (int) skip(n);
        }

        @Override
        public boolean readBoolean() {
            return in.readByte() != 0;
        }

        @Override
        public byte readByte() {
            return (byte) in.readByte();
        }

        @Override
        public int readUnsignedByte() {
            return in.readByte() & 0xFF;
        }

        @Override
        public short readShort() {
            return (short) readUnsignedShort();
        }

        @Override
        public int readUnsignedShort() {
            return (readUnsignedByte() << 8) | readUnsignedByte();
        }

        @Override
        public char readChar() {
            return (char) readUnsignedShort();
        }

        @Override
        public int readInt() {
            return in.readInt();
        }

        @Override
        public long readLong() {
            return in.readLong();
        }

        @Override
        public float readFloat() {
            return Float.intBitsToFloat(in.readInt());
        }

        @Override
        public double readDouble() {
            return Double.longBitsToDouble(in.readLong());
        }

        @Override
        public String readLine() {
            StringBuilder line = new StringBuilder();
            while (in.hasRemaining()) {
                int c = in.readByte() & 0xFF;
                if (c == '\n') {
                    break;
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public String readUTF() {
            return in.readString();
        }
    }

    /** A class without a compact encoding, and why, for messages. */
    private record OpaqueShape(Class<?> type, String why) implements Shape {
    }

    /** An enum class and its constants by name. */
    private static final class EnumShape implements Shape {

        final Class<?> type;
        /** In declaration order, for messages. */
        final Map<String, Object> constants = new LinkedHashMap<>();

        EnumShape(Class<?> type) {
            this.type = type;
            for (Object constant : type.getEnumConstants()) {
                constants.put(((Enum<?>) constant).name(), constant);
            }
        }

        @Override
        public Class<?> type() {
            return type;
        }
    }

    /** A Serializable record: its components' names and types, field getters and canonical constructor. */
    private static final class RecordShape implements Shape {

        final Class<?> type;
        final String[] names;
        final Class<?>[] types;
        /** The types a decoded component must be an instance of: wrappers for primitives. */
        final Class<?>[] boxed;
        /** {@code (Object) Object} per component. */
        final MethodHandle[] getters;
        /** {@code (Object[]) Object}: the canonical constructor. */
        final MethodHandle constructor;

        RecordShape(Class<?> type) throws ReflectiveOperationException {
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            int n = components.length;
            names = new String[n];
            types = new Class<?>[n];
            boxed = new Class<?>[n];
            getters = new MethodHandle[n];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < n; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getType();
                boxed[i] = types[i].isPrimitive() ? MethodType.methodType(types[i]).wrap().returnType() : types[i];
                // the field, as Java serialization reads it; an accessor may copy or compute
                Field field = type.getDeclaredField(names[i]);
                field.setAccessible(true);
                getters[i] = lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            constructor = lookup.unreflectConstructor(canonical)
                    .asType(MethodType.genericMethodType(n))
                    .asSpreader(Object[].class, n);
        }

        @Override
        public Class<?> type() {
            return type;
        }

        Object get(Object record, int i) {
            try {
                return (Object) getters[i].invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new UndeclaredThrowableException(e);
            }
        }

        void checkNames(String[] written) {
            if (!Arrays.equals(written, names)) {
                StringJoiner ours = new StringJoiner(", ", "(", ")");
                for (int i = 0; i < names.length; i++) {
                    ours.add(types[i].getTypeName() + " " + names[i]);
                }
                throw changed("the snapshot has components (" + String.join(", ", written) + "), the class has "
                        + ours);
            }
        }

        void check(int i, Object component) {
            if (component == null ? types[i].isPrimitive() : !boxed[i].isInstance(component)) {
                throw changed("component '" + names[i] + "' is of type " + types[i].getTypeName()
                        + ", but the snapshot holds " + (component == null ? "null"
                        : "a value of class " + component.getClass().getName()) + " for it");
            }
        }

        Object construct(Object[] components) {
            try {
                return (Object) constructor.invokeExact(components);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw new MalformedDataException("the canonical constructor of record class " + type.getName()
                        + " refuses the component values of the snapshot: " + e, e);
            }
        }

        private MalformedDataException changed(String what) {
            return new MalformedDataException("record class " + type.getName()
                    + " has changed since the snapshot was written: " + what);
        }
    }

    /** Resolves classes with the thread's context class loader first, as job classes live there. */
    private static final class ContextObjectInputStream extends ObjectInputStream {

        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                try {
                    return Class.forName(desc.getName(), false, context);
                } catch (ClassNotFoundException e) {
                    // fall through to the default lookup
                }
            }
            return super.resolveClass(desc);
        }
    }

    /** Lets ObjectOutputStream append straight into a ByteSink. */
    private static final class SinkOutputStream extends OutputStream {

        private final ByteSink sink;

        SinkOutputStream(ByteSink sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) {
            sink.writeByte(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sink.writeBytes(b, off, len);
        }
    }
}
