package io.contrail.sql.impl.connector.file;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contrail.sql.impl.catalog.MappingColumn;
import io.contrail.sql.impl.connector.JsonFields;
import io.contrail.sql.impl.type.SqlTypes;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a JSON-lines file: one object per row, a field per column named by its external name,
 * valued by {@link JsonFields#toJson} (NULL as JSON {@code null}).
 */
final class JsonLinesRowWriter implements RowWriter {

    private final List<MappingColumn> columns;
    private final BufferedWriter out;

    JsonLinesRowWriter(Path file, List<MappingColumn> columns) throws IOException {
        this.columns = columns;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public void write(Object[] row) throws IOException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < row.length; i++) {
            MappingColumn column = columns.get(i);
            object.set(column.externalName(), JsonFields.toJson(SqlTypes.toStored(row[i], column.type())));
        }
        out.write(object.toString());
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
