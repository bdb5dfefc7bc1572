package io.contrail.snapshot.impl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with big-endian fixed-width and LEB128 varint writers: the output side
 * of every format in this module.
 *
 * <h2>Threading</h2>
 * Not thread-safe; owned by one writer.
 */
public final class ByteSink {

    private byte[] buf;
    private int pos;

    public ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public int position() {
        return pos;
    }

    /** Moves the write position back (to drop a partly written entry) or to 0 to reuse the buffer. */
    public void truncate(int position) {
        if (position < 0 || position > pos) {
            throw new IllegalArgumentException("position " + position + " outside [0, " + pos + "]");
        }
        pos = position;
    }

    /** The backing array; valid up to {@link #position()}, until the next write. */
    public byte[] array() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            long wanted = Math.max((long) buf.length << 1, (long) pos + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("buffer would exceed 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    public void writeByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    public void writeInt(int v) {
        ensure(4);
        putInt(buf, pos, v);
        pos += 4;
    }

    public void writeLong(long v) {
        ensure(8);
        byte[] b = buf;
        int p = pos;
        b[p] = (byte) (v >>> 56);
        b[p + 1] = (byte) (v >>> 48);
        b[p + 2] = (byte) (v >>> 40);
        b[p + 3] = (byte) (v >>> 32);
        b[p + 4] = (byte) (v >>> 24);
        b[p + 5] = (byte) (v >>> 16);
        b[p + 6] = (byte) (v >>> 8);
        b[p + 7] = (byte) v;
        pos = p + 8;
    }

    /** Unsigned LEB128: 7 bits per byte, low bits first, high bit set on all but the last byte. */
    public void writeVarLong(long v) {
        ensure(10);
        byte[] b = buf;
        int p = pos;
        while ((v & ~0x7FL) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        pos = p;
    }

    public void writeVarInt(int v) {
        writeVarLong(v & 0xFFFF_FFFFL);
    }

    /** Zig-zag then varint, so that small negative numbers are short too. */
    public void writeZigZagLong(long v) {
        writeVarLong((v << 1) ^ (v >> 63));
    }

    public void writeZigZagInt(int v) {
        writeVarInt((v << 1) ^ (v >> 31));
    }

    public void writeBytes(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, buf, pos, length);
        pos += length;
    }

    /** Varint byte length, then UTF-8 bytes. ASCII strings are copied without an extra array. */
    public void writeString(String s) {
        int length = s.length();
        if (length < 128) {
            // fast path: ASCII only, the length fits one varint byte
            ensure(1 + length);
            int p = pos + 1;
            int i = 0;
            for (; i < length; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                buf[p + i] = (byte) c;
            }
            if (i == length) {
                buf[pos] = (byte) length;
                pos = p + length;
                return;
            }
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarInt(utf8.length);
        writeBytes(utf8, 0, utf8.length);
    }

    public static void putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }
}
