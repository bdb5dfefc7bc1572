package io.contrail.sql.impl.system;

import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.impl.processor.RowsP;
import io.contrail.sql.impl.type.SqlTypes;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A table of the {@value SystemTables#SCHEMA} schema: fixed columns, all nullable, and rows read
 * from the member when a query starts. The planner finds it through {@code unwrap} and reads it
 * with {@link #reader()}.
 *
 * <p>Threading: thread-safe; {@link #rows()} reads the cluster's state anew on every call.
 */
public abstract class SystemTable extends AbstractTable {

    private final String name;
    private final List<SqlColumnMetadata> columns;

    protected SystemTable(String name, List<SqlColumnMetadata> columns) {
        this.name = requireNonNull(name, "name is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    /** The table's name within the {@value SystemTables#SCHEMA} schema. */
    public final String name() {
        return name;
    }

    /** The columns, in order. */
    public final List<SqlColumnMetadata> columns() {
        return columns;
    }

    /**
     * The rows as they are now: one internal value ({@link SqlTypes}) per column, in column
     * order, in the order the table lists them.
     */
    public abstract List<Object[]> rows();

    /**
     * A batch source of {@link #rows()}, taken now (when the query's DAG is built); run it with
     * local parallelism 1 so that the rows keep their order.
     */
    public final ProcessorSupplier reader() {
        return RowsP.supplier(rows());
    }

    @Override
    public final RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (SqlColumnMetadata column : columns) {
            builder.add(column.name(), SqlTypes.toRelType(column.type(), typeFactory));
        }
        return builder.build();
    }
}
