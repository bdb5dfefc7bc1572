package io.contrail.sql.impl.connector.file;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.MappingColumn;
import io.contrail.sql.impl.type.SqlTypes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV file with Jackson's CSV parser (RFC 4180: fields in double quotes may hold commas,
 * line breaks and doubled quotes). The first record is the header; a column takes the field
 * whose header name is its external name, NULL if the header has none or the record is shorter.
 * Empty lines are skipped. Each field is converted with {@link SqlTypes#fromText} (an empty field
 * is NULL except for VARCHAR and JSON, where it is the empty string).
 */
final class CsvRowReader implements RowReader {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private final Path file;
    private final List<MappingColumn> columns;
    private final String mappingName;
    private final CsvParser parser;
    /** The header's names; empty for an empty file. */
    private final List<String> header;
    /** Per column: the index of its field in a record, -1 if the header has none. */
    private final int[] fieldIndex;
    /** The fields of the current record (reused). */
    private final List<String> fields = new ArrayList<>();
    /** The line, from 1, where the current record starts. */
    private int recordLine;

    CsvRowReader(Path file, List<MappingColumn> columns, String mappingName) throws IOException {
        this.file = file;
        this.columns = columns;
        this.mappingName = mappingName;
        this.parser = open(file);
        try {
            List<String> first = readRecord();
            header = first == null ? List.of() : List.copyOf(first);
            Map<String, Integer> indexByName = new HashMap<>();
            for (int i = header.size() - 1; i >= 0; i--) {
                indexByName.put(header.get(i), i);
            }
            fieldIndex = new int[columns.size()];
            for (int i = 0; i < fieldIndex.length; i++) {
                fieldIndex[i] = indexByName.getOrDefault(columns.get(i).externalName(), -1);
            }
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    @Override
    public Object[] next() throws IOException {
        List<String> record = readRecord();
        if (record == null) {
            return null;
        }
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            int index = fieldIndex[i];
            if (index < 0 || index >= record.size()) {
                continue;
            }
            MappingColumn column = columns.get(i);
            String what = "column '" + column.name() + "' of file '" + file + "', line " + recordLine
                    + " (mapping '" + mappingName + "')";
            row[i] = SqlTypes.toInternal(SqlTypes.fromText(record.get(index), column.type(), what), column.type(), what);
        }
        return row;
    }

    /** The record after the current one, or {@code null} at the end; sets {@link #recordLine}. */
    private List<String> readRecord() throws IOException {
        JsonToken token;
        try {
            token = parser.nextToken();
            if (token == null) {
                return null;
            }
            fields.clear();
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                if (fields.isEmpty()) {
                    // the record's start: START_ARRAY's location is still on the line before
                    recordLine = parser.currentTokenLocation().getLineNr();
                }
                fields.add(parser.getText());
            }
        } catch (IOException e) {
            throw new SqlException(SqlErrorCode.DATA_CONVERSION_ERROR, "File '" + file + "' of mapping '" + mappingName
                    + "' is not valid CSV near line " + parser.currentLocation().getLineNr() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (token != JsonToken.END_ARRAY) {
            throw new IllegalStateException("unexpected CSV token " + token + " in " + file);
        }
        return fields;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** All header names as VARCHAR columns; see {@link FileColumnInference}. */
    static List<MappingColumn> inferColumns(Path file, String mappingName) throws IOException {
        List<String> header;
        try (CsvRowReader reader = new CsvRowReader(file, List.of(), mappingName)) {
            header = reader.header;
        }
        if (header.isEmpty()) {
            throw new SqlException(SqlErrorCode.NO_COLUMNS, "Cannot infer the columns of mapping '" + mappingName
                    + "': '" + file + "' has no header; list the columns after the mapping's name");
        }
        List<MappingColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String name : header) {
            if (name.isEmpty() || !names.add(name)) {
                throw new SqlException(SqlErrorCode.NO_COLUMNS, "Cannot infer the columns of mapping '"
                        + mappingName + "': the header of '" + file + "' has " + (name.isEmpty()
                        ? "an empty name" : "the name '" + name + "' twice") + "; list the columns after the"
                        + " mapping's name, with EXTERNAL NAME for the header names");
            }
            columns.add(new MappingColumn(name, SqlColumnType.VARCHAR, name));
        }
        return columns;
    }

    private static CsvParser open(Path file) throws IOException {
        return (CsvParser) CSV.getFactory().createParser(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }
}
