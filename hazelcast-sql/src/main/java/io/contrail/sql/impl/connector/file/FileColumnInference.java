package io.contrail.sql.impl.connector.file;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.MappingColumn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Infers the columns of a File mapping declared without any from the first of its files (by
 * name, as {@link FileLister} lists them), as Hazelcast does:
 * <ul>
 *     <li>CSV: one VARCHAR column per header name (values are not sampled: a column whose
 *     first values look numeric may hold text further down; declare the columns for other
 *     types);</li>
 *     <li>JSON lines: one column per field of the first object, typed by
 *     {@link io.contrail.sql.impl.connector.JsonFields#inferType} (whole number BIGINT, other
 *     number DOUBLE, boolean BOOLEAN, object or array JSON, text or null VARCHAR).</li>
 * </ul>
 * Columns are named as the fields; their external names are the field names. Called by CREATE
 * MAPPING on the member that runs it; blocks on the file system.
 */
final class FileColumnInference {

    private FileColumnInference() {
    }

    /** @throws SqlException {@code NO_COLUMNS} naming why nothing could be inferred */
    static List<MappingColumn> infer(String mappingName, FileOptions options) {
        List<Path> files;
        try {
            files = FileLister.list(options).orElseThrow(() -> new SqlException(SqlErrorCode.NO_COLUMNS,
                    "Cannot infer the columns of mapping '" + mappingName + "': " + FileLister.missingDirectory(options,
                    mappingName) + "; or list the columns after the mapping's name"));
            if (files.isEmpty()) {
                throw new SqlException(SqlErrorCode.NO_COLUMNS, "Cannot infer the columns of mapping '" + mappingName
                        + "': no file in '" + options.path() + "' matches the glob '" + options.glob() + "'; add a file"
                        + " to sample, or list the columns after the mapping's name");
            }
            return options.format().inferColumns(files.get(0), mappingName);
        } catch (IOException e) {
            throw new SqlException(SqlErrorCode.NO_COLUMNS, "Cannot infer the columns of mapping '" + mappingName
                    + "': reading '" + options.path() + "' failed: " + e + "; list the columns after the mapping's name", e);
        }
    }
}
