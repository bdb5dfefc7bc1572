package io.contrail.sql.impl.connector.file;

import java.io.Serializable;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The options of a File mapping ({@link io.contrail.sql.impl.catalog.Connector#FILE}), already
 * checked by the catalog, with their defaults filled in.
 *
 * @param path               the directory that holds the files
 * @param format             how rows are stored in a file
 * @param glob               which file names of the directory belong to the mapping, a
 *                           {@link java.nio.file.FileSystem#getPathMatcher glob}; {@code *} by default
 * @param sharedFileSystem   whether all members see the same files (each is read once in the
 *                           cluster) or each member its own (each member reads its files)
 * @param ignoreFileNotFound whether a missing directory reads as no rows instead of failing
 */
record FileOptions(String path, FileFormat format, String glob, boolean sharedFileSystem,
                   boolean ignoreFileNotFound) implements Serializable {

    private static final long serialVersionUID = 1L;

    FileOptions {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        requireNonNull(glob, "glob is null");
    }

    /** The options of a mapping's option map, which the catalog validated. */
    static FileOptions of(Map<String, String> options) {
        return new FileOptions(
                requireNonNull(options.get("path"), "path"),
                FileFormat.of(requireNonNull(options.get("format"), "format")),
                options.getOrDefault("glob", "*"),
                Boolean.parseBoolean(options.get("sharedFileSystem")),
                Boolean.parseBoolean(options.get("ignoreFileNotFound")));
    }
}
