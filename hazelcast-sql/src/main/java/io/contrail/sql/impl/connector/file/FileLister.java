package io.contrail.sql.impl.connector.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the files of a File mapping: the regular files directly in {@code path} whose names
 * match {@code glob}, sorted by name. Names starting with a dot are left out: the sink's files
 * in progress are hidden that way (see {@link WriteFilesP}). Stateless; blocks on the file
 * system.
 */
final class FileLister {

    private FileLister() {
    }

    /**
     * The mapping's files, or empty if the directory does not exist.
     *
     * @throws IOException if the directory cannot be read
     */
    static Optional<List<Path>> list(FileOptions options) throws IOException {
        Path dir = Path.of(options.path());
        PathMatcher matcher = dir.getFileSystem().getPathMatcher("glob:" + options.glob());
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path file : entries) {
                Path name = file.getFileName();
                if (!name.toString().startsWith(".") && matcher.matches(name) && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        }
        files.sort(null);
        return Optional.of(files);
    }

    /** What to tell the user about a missing directory. */
    static String missingDirectory(FileOptions options, String mappingName) {
        return "The directory '" + options.path() + "' of File mapping '" + mappingName + "' does not exist (or is"
                + " not a directory) on this member; create it, correct the mapping's 'path', or set"
                + " 'ignoreFileNotFound' = 'true' to read no rows then";
    }
}
