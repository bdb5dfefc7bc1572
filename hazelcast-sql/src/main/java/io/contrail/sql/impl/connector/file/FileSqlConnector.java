package io.contrail.sql.impl.connector.file;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingColumn;
import io.contrail.sql.impl.connector.SqlConnector;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * File mappings: CSV or JSON-lines files in a directory. Reads the files matching {@code glob}
 * as a batch ({@link ReadFilesP}: one non-cooperative reader per cooperative thread, each
 * reading its share of the files) and writes rows into new files ({@link WriteFilesP}: one
 * writer per cooperative thread, each publishing whole files). Columns map to CSV header names or
 * JSON fields by external name; {@link FileColumnInference} finds them when CREATE MAPPING lists
 * none.
 */
public final class FileSqlConnector implements SqlConnector {

    public static final FileSqlConnector INSTANCE = new FileSqlConnector();

    private FileSqlConnector() {
    }

    /**
     * Checks that every external name is a simple field name (no dots: files have no nested
     * fields here) and names one field only, so that written files have unique header names.
     */
    @Override
    public void validate(Mapping mapping) {
        Set<String> fields = new HashSet<>();
        for (MappingColumn column : mapping.columns()) {
            String external = column.externalName();
            if (external.contains(".") || external.isBlank()) {
                throw new SqlException(SqlErrorCode.INVALID_NAME, "Column '" + column.name() + "' of File mapping '"
                        + mapping.name() + "' has external name '" + external + "', but file fields are top-level"
                        + " fields (a CSV header name or a JSON field) without dots; give a simple EXTERNAL NAME");
            }
            if (!fields.add(external)) {
                throw new SqlException(SqlErrorCode.INVALID_NAME, "Field '" + external + "' of File mapping '"
                        + mapping.name() + "' is the external name of two columns; give each column a field of its own");
            }
        }
    }

    @Override
    public List<MappingColumn> inferColumns(String mappingName, Map<String, String> options, HazelcastInstance hz) {
        return FileColumnInference.infer(mappingName, FileOptions.of(options));
    }

    @Override
    public ProcessorSupplier reader(Mapping mapping) {
        FileTable table = FileTable.of(mapping);
        return () -> new ReadFilesP(table);
    }

    @Override
    public ProcessorSupplier writer(Mapping mapping) {
        FileTable table = FileTable.of(mapping);
        return () -> new WriteFilesP(table);
    }
}
