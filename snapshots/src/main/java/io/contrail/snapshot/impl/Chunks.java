package io.contrail.snapshot.impl;

import java.util.zip.CRC32C;

/**
 * The chunk layout and the checksums built on it.
 *
 * <pre>
 * offset  size  field
 * 0       4     entry count, int32 big-endian
 * 4       4     CRC32C of the payload (bytes 8..end), int32 big-endian
 * 8       n     payload: key, value, key, value, ... each encoded by {@link ValueCodec}
 * </pre>
 *
 * A writer's checksum is the CRC32C over all its chunks' bytes (headers included) in chunk order.
 * A snapshot's combined checksum is the CRC32C over, for every writer sorted by vertex name (by
 * {@link String#compareTo}) and processor index: the vertex name as varint length plus UTF-8
 * bytes, then processor index (int32), entry count (int64), byte count (int64), chunk count
 * (int32) and checksum (int32), all big-endian.
 *
 * <h2>Threading</h2>
 * Stateless; safe from any thread.
 */
public final class Chunks {

    public static final int HEADER_SIZE = 8;

    private Chunks() {
    }

    /** Fills in the header of a chunk whose payload occupies {@code buf[HEADER_SIZE, length)}. */
    public static void seal(byte[] buf, int length, int entryCount) {
        CRC32C crc = new CRC32C();
        crc.update(buf, HEADER_SIZE, length - HEADER_SIZE);
        ByteSink.putInt(buf, 0, entryCount);
        ByteSink.putInt(buf, 4, (int) crc.getValue());
    }

    /** The entry count from a chunk's header; the caller checked that the chunk has a header. */
    public static int entryCount(byte[] chunk) {
        return ByteSource.getInt(chunk, 0);
    }

    /** The payload CRC32C recorded in a chunk's header, unsigned. */
    public static long storedChecksum(byte[] chunk) {
        return ByteSource.getInt(chunk, 4) & 0xFFFF_FFFFL;
    }

    /** The CRC32C of a chunk's payload as it is now, unsigned. */
    public static long computedChecksum(byte[] chunk) {
        CRC32C crc = new CRC32C();
        crc.update(chunk, HEADER_SIZE, chunk.length - HEADER_SIZE);
        return crc.getValue();
    }

    /** The storage key of a chunk. The vertex name goes last so it may contain any character. */
    public static String chunkKey(long snapshotId, String vertex, int processorIndex, int chunkNo) {
        return "c:" + snapshotId + ':' + processorIndex + ':' + chunkNo + ':' + vertex;
    }

    /** The storage key of a snapshot's verification record. */
    public static String verificationKey(long snapshotId) {
        return "v:" + snapshotId;
    }
}
