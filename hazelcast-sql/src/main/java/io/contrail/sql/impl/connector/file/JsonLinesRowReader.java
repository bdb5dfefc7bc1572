package io.contrail.sql.impl.connector.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.MappingColumn;
import io.contrail.sql.impl.connector.JsonFields;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON-lines file: one JSON object per line, blank lines skipped. A column takes the
 * top-level field named by its external name (NULL if missing), converted by
 * {@link JsonFields#toInternal}.
 */
final class JsonLinesRowReader implements RowReader {


    private final Path file;
    private final List<MappingColumn> columns;
    private final String mappingName;
    private final BufferedReader in;
    /** The number of the last line read, from 1. */
    private int line;

    JsonLinesRowReader(Path file, List<MappingColumn> columns, String mappingName) throws IOException {
        this.file = file;
        this.columns = columns;
        this.mappingName = mappingName;
        this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    @Override
    public Object[] next() throws IOException {
        JsonNode object = nextObject();
        if (object == null) {
            return null;
        }
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            MappingColumn column = columns.get(i);
            row[i] = JsonFields.toInternal(object.get(column.externalName()), column.type(), "column '"
                    + column.name() + "' of file '" + file + "', line " + line + " (mapping '" + mappingName + "')");
        }
        return row;
    }

    /** The object of the next non-blank line, or {@code null} at the end. */
    private JsonNode nextObject() throws IOException {
        for (String text; (text = in.readLine()) != null; ) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JsonFields.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw notAnObject(e.getOriginalMessage());
            }
            if (!node.isObject()) {
                throw notAnObject("a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return node;
        }
        return null;
    }

    private SqlException notAnObject(String detail) {
        return new SqlException(SqlErrorCode.DATA_CONVERSION_ERROR, "Line " + line + " of file '" + file
                + "' of mapping '" + mappingName + "' is not a JSON object (" + detail + "); a JSON-lines file"
                + " holds one object per line");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The fields of the first object, typed by {@link JsonFields#inferType}; see {@link FileColumnInference}. */
    static List<MappingColumn> inferColumns(Path file, String mappingName) throws IOException {
        JsonNode first;
        try (JsonLinesRowReader reader = new JsonLinesRowReader(file, List.of(), mappingName)) {
            first = reader.nextObject();
        }
        if (first == null || first.isEmpty()) {
            throw new SqlException(SqlErrorCode.NO_COLUMNS, "Cannot infer the columns of mapping '" + mappingName
                    + "': '" + file + "' has " + (first == null ? "no line" : "an empty object on its first line")
                    + "; list the columns after the mapping's name");
        }
        List<MappingColumn> columns = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : first.properties()) {
            columns.add(new MappingColumn(field.getKey(), JsonFields.inferType(field.getValue()), field.getKey()));
        }
        return columns;
    }
}
