package io.contrail.sql.impl.connector.file;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.contrail.sql.impl.catalog.MappingColumn;
import io.contrail.sql.impl.type.SqlTypes;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a CSV file that {@link CsvRowReader} reads back: a header of the columns' external
 * names, then one record per row, quoted where RFC 4180 needs it. Values are written as text in
 * the syntax {@link SqlTypes#fromText} reads (ISO-8601 dates and times, plain decimals); NULL is
 * an empty field, so a NULL VARCHAR reads back as the empty string.
 */
final class CsvRowWriter implements RowWriter {

    private static final CsvMapper CSV = new CsvMapper();

    private final List<MappingColumn> columns;
    private final SequenceWriter out;
    /** The fields of one record (reused). */
    private final String[] fields;

    CsvRowWriter(Path file, List<MappingColumn> columns) throws IOException {
        this.columns = columns;
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (MappingColumn column : columns) {
            schema.addColumn(column.externalName());
        }
        this.out = CSV.writer(schema.build()).writeValues(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        this.fields = new String[columns.size()];
    }

    @Override
    public void write(Object[] row) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            Object value = SqlTypes.toStored(row[i], columns.get(i).type());
            fields[i] = value == null ? null : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        }
        out.write(fields);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
