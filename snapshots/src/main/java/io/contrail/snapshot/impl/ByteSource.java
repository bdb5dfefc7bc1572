package io.contrail.snapshot.impl;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteSink} wrote from a byte array range. Every read checks the range and
 * throws {@link MalformedDataException} instead of running past it.
 *
 * <h2>Threading</h2>
 * Not thread-safe; create one per reading thread (it is a cursor over a shared, unchanged array).
 */
public final class ByteSource {

    private final byte[] buf;
    private final int limit;
    private int pos;

    public ByteSource(byte[] buf, int offset, int limit) {
        if (offset < 0 || limit > buf.length || offset > limit) {
            throw new IllegalArgumentException("range [" + offset + ", " + limit + ") outside array of "
                    + buf.length);
        }
        this.buf = buf;
        this.pos = offset;
        this.limit = limit;
    }

    public ByteSource(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return limit - pos;
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    private void need(int n) {
        if (n < 0 || limit - pos < n) {
            throw new MalformedDataException("needs " + n + " more bytes at offset " + pos + " but only "
                    + (limit - pos) + " remain");
        }
    }

    public int readByte() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public int readInt() {
        need(4);
        int v = getInt(buf, pos);
        pos += 4;
        return v;
    }

    public long readLong() {
        need(8);
        byte[] b = buf;
        int p = pos;
        long v = ((long) b[p] << 56)
                | ((long) (b[p + 1] & 0xFF) << 48)
                | ((long) (b[p + 2] & 0xFF) << 40)
                | ((long) (b[p + 3] & 0xFF) << 32)
                | ((long) (b[p + 4] & 0xFF) << 24)
                | ((b[p + 5] & 0xFF) << 16)
                | ((b[p + 6] & 0xFF) << 8)
                | (b[p + 7] & 0xFF);
        pos = p + 8;
        return v;
    }

    public long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                throw new MalformedDataException("varint runs past the end at offset " + pos);
            }
            byte b = buf[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new MalformedDataException("varint longer than 10 bytes before offset " + pos);
    }

    public int readVarInt() {
        long v = readVarLong();
        if ((v & ~0xFFFF_FFFFL) != 0) {
            throw new MalformedDataException("varint " + v + " does not fit 32 bits, before offset " + pos);
        }
        return (int) v;
    }

    /** A varint that is a length or count: non-negative and at most the bytes remaining times {@code minBytesEach}. */
    public int readLength(int minBytesEach) {
        int v = readVarInt();
        if (v < 0 || (long) v * minBytesEach > remaining()) {
            throw new MalformedDataException("length " + v + " exceeds the " + remaining()
                    + " bytes remaining at offset " + pos);
        }
        return v;
    }

    public long readZigZagLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    public int readZigZagInt() {
        int v = readVarInt();
        return (v >>> 1) ^ -(v & 1);
    }

    public byte[] readBytes(int length) {
        need(length);
        byte[] out = new byte[length];
        System.arraycopy(buf, pos, out, 0, length);
        pos += length;
        return out;
    }

    /** A stream over the next {@code length} bytes (no copy); the cursor moves past them. */
    public java.io.InputStream readStream(int length) {
        need(length);
        java.io.InputStream in = new java.io.ByteArrayInputStream(buf, pos, length);
        pos += length;
        return in;
    }

    public String readString() {
        int length = readLength(1);
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    public static int getInt(byte[] b, int p) {
        return (b[p] << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
