package io.contrail.sql.impl.connector.file;

import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.MappingColumn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How a File mapping stores rows in a file: the values of the {@code format} option.
 * Columns find their value by external name: a CSV header name or a JSON field name.
 */
enum FileFormat {

    /** RFC 4180 CSV, UTF-8; the first record is the header. */
    CSV("csv", "csv"),

    /** JSON lines, UTF-8: one JSON object per line; blank lines are skipped. */
    JSON("json", "jsonl");

    private static final Map<String, FileFormat> BY_OPTION = Map.of(CSV.option, CSV, JSON.option, JSON);

    private final String option;
    private final String extension;

    FileFormat(String option, String extension) {
        this.option = option;
        this.extension = extension;
    }

    /** The format of a {@code format} option's value, which the catalog checked. */
    static FileFormat of(String option) {
        return requireNonNull(BY_OPTION.get(option), () -> "unknown format " + option);
    }

    /** The extension of the files the sink writes, without the dot. */
    String extension() {
        return extension;
    }

    /** Opens a file for reading its rows of the given columns. */
    RowReader openReader(Path file, List<MappingColumn> columns, String mappingName) throws IOException {
        return this == CSV ? new CsvRowReader(file, columns, mappingName) : new JsonLinesRowReader(file, columns, mappingName);
    }

    /** Creates (or truncates) a file and opens it for writing rows of the given columns. */
    RowWriter openWriter(Path file, List<MappingColumn> columns) throws IOException {
        return this == CSV ? new CsvRowWriter(file, columns) : new JsonLinesRowWriter(file, columns);
    }

    /**
     * The columns a sample file suggests; see {@link FileColumnInference}.
     *
     * @throws SqlException with {@code NO_COLUMNS} if the file has nothing to infer from
     */
    List<MappingColumn> inferColumns(Path file, String mappingName) throws IOException {
        return this == CSV ? CsvRowReader.inferColumns(file, mappingName) : JsonLinesRowReader.inferColumns(file, mappingName);
    }
}
