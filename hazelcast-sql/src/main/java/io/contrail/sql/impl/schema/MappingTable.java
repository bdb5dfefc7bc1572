package io.contrail.sql.impl.schema;

import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingColumn;
import io.contrail.sql.impl.type.SqlTypes;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

import static java.util.Objects.requireNonNull;

/**
 * A {@link Mapping} as a Calcite table: its columns, all nullable, in the order declared. The
 * planner finds the mapping again through {@link #mapping()} to build the connector's vertices.
 */
public final class MappingTable extends AbstractTable {

    private final Mapping mapping;

    public MappingTable(Mapping mapping) {
        this.mapping = requireNonNull(mapping, "mapping is null");
    }

    public Mapping mapping() {
        return mapping;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (MappingColumn column : mapping.columns()) {
            builder.add(column.name(), SqlTypes.toRelType(column.type(), typeFactory));
        }
        return builder.build();
    }
}
