package io.contrail.snapshot.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.Map;

/**
 * Encoding of snapshot keys and values, format version {@value #FORMAT_VERSION}. Each value is a
 * one-byte type tag followed by its payload:
 *
 * <pre>
 * tag   type                              payload
 * 0x00  null                              -
 * 0x01  Boolean.FALSE                     -
 * 0x02  Boolean.TRUE                      -
 * 0x03  Integer                           zig-zag varint
 * 0x04  Long                              zig-zag varint
 * 0x05  Double                            8 bytes, IEEE 754 bits, big-endian
 * 0x06  Float                             4 bytes, IEEE 754 bits, big-endian
 * 0x07  String                            varint byte length, UTF-8 bytes
 * 0x08  byte[]                            varint length, bytes
 * 0x09  long[]                            varint length, zig-zag varint per element
 * 0x0A  int[]                             varint length, zig-zag varint per element
 * 0x0B  AbstractMap.SimpleImmutableEntry  key value (each a tagged value); also Map.entry(k, v)
 * 0x0C  AbstractMap.SimpleEntry           key value (each a tagged value)
 * 0x7F  any other Serializable            int32 big-endian length, Java serialization stream
 * </pre>
 *
 * Varints are unsigned LEB128 (7 bits per byte, least significant group first). Only the exact
 * classes above get a compact encoding, so a user's subclass or own {@code Map.Entry} keeps its
 * class through Java serialization. Adding a tag is a format change: it bumps
 * {@link #FORMAT_VERSION} and comes with a restore test of the old version.
 *
 * <h2>Threading</h2>
 * Stateless; safe from any thread.
 */
public final class ValueCodec {

    /** Version of this encoding and of the chunk layout, recorded in every snapshot. */
    public static final int FORMAT_VERSION = 1;

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
    static final int JAVA = 0x7F;

    /** The class of {@code Map.entry(k, v)}, a JDK-internal class that is not Serializable. */
    private static final Class<?> KEY_VALUE_HOLDER = Map.entry("", "").getClass();

    private ValueCodec() {
    }

    /**
     * Appends {@code value} to {@code out}. On failure {@code out} may hold a partial value; the
     * caller truncates it.
     *
     * @throws UnsupportedValueException if the value (or something it references) cannot be
     *         serialized
     */
    public static void write(ByteSink out, Object value) {
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
        } else if (type == AbstractMap.SimpleImmutableEntry.class || type == KEY_VALUE_HOLDER) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) value;
            out.writeByte(IMMUTABLE_ENTRY);
            write(out, entry.getKey());
            write(out, entry.getValue());
        } else if (type == AbstractMap.SimpleEntry.class) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) value;
            out.writeByte(MUTABLE_ENTRY);
            write(out, entry.getKey());
            write(out, entry.getValue());
        } else {
            writeJava(out, value);
        }
    }

    private static void writeJava(ByteSink out, Object value) {
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
     * Reads one value.
     *
     * @throws MalformedDataException if the bytes are not a value of this encoding, or a
     *         Java-serialized value cannot be deserialized (its class missing, for one)
     */
    public static Object read(ByteSource in) {
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
                throw new MalformedDataException("unknown type tag 0x" + Integer.toHexString(tag)
                        + " at offset " + (in.position() - 1));
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
