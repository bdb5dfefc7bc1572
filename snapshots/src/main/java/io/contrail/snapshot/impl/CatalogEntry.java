package io.contrail.snapshot.impl;

import static java.util.Objects.requireNonNull;

/**
 * Value of the export catalog map: the IMap holding the export's data and the export's manifest.
 * Encoded as the map name (varint length, UTF-8), the manifest's length (varint) and the
 * manifest ({@link ManifestCodec}).
 *
 * @param dataMap  name of the IMap with the chunks and verification record
 * @param manifest the export's manifest (with its name and time)
 */
record CatalogEntry(String dataMap, Manifest manifest) {

    CatalogEntry {
        requireNonNull(dataMap, "dataMap is null");
        requireNonNull(manifest, "manifest is null");
        if (manifest.export().isEmpty()) {
            throw new IllegalArgumentException("a catalog entry needs an export's manifest");
        }
    }

    byte[] encode() {
        byte[] manifestBytes = ManifestCodec.encode(manifest);
        ByteSink out = new ByteSink(dataMap.length() + manifestBytes.length + 16);
        out.writeString(dataMap);
        out.writeVarInt(manifestBytes.length);
        out.writeBytes(manifestBytes, 0, manifestBytes.length);
        return out.toByteArray();
    }

    /** @throws MalformedDataException if the bytes are not a catalog entry */
    static CatalogEntry decode(byte[] bytes) {
        ByteSource in = new ByteSource(bytes);
        String dataMap = in.readString();
        byte[] manifest = in.readBytes(in.readLength(1));
        return new CatalogEntry(dataMap, ManifestCodec.decode(manifest));
    }
}
