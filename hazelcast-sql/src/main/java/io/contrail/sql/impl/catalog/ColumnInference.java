package io.contrail.sql.impl.catalog;

import io.contrail.sql.SqlException;

import java.util.List;
import java.util.Map;

/**
 * Finds the columns of a mapping that CREATE MAPPING declares without a column list, from a
 * sample of its data. {@link MappingValidator} calls it after the options were checked; the
 * connectors implement it (the catalog does not know them).
 */
@FunctionalInterface
public interface ColumnInference {

    /**
     * @param options the mapping's options, valid for {@code connector}
     * @return the columns, never empty
     * @throws SqlException with {@code NO_COLUMNS} when there is nothing to infer from
     */
    List<MappingColumn> infer(String mappingName, Connector connector, Map<String, String> options);
}
