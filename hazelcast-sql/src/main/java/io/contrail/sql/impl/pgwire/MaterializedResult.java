package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A result held in memory, for the answers of {@link CatalogInterceptor}. Immutable.
 *
 * @param rowMetadata the columns, {@code null} for an update count
 * @param rowList     the rows, empty for an update count
 * @param updateCount as {@link StatementResult#updateCount()}
 */
record MaterializedResult(SqlRowMetadata rowMetadata, List<SqlRow> rowList, long updateCount) implements StatementResult {

    MaterializedResult {
        rowList = List.copyOf(rowList);
    }

    static MaterializedResult updateCount(long count) {
        return new MaterializedResult(null, List.of(), count);
    }

    /** One VARCHAR column of that name, one row per value. */
    static MaterializedResult varcharColumn(String column, String... values) {
        SqlRowMetadata metadata = new SqlRowMetadata(List.of(new SqlColumnMetadata(column, SqlColumnType.VARCHAR)));
        return new MaterializedResult(metadata,
                Arrays.stream(values).map(value -> new SqlRow(metadata, List.of(value))).toList(), -1);
    }

    @Override
    public Iterator<SqlRow> rows() {
        return rowList.iterator();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
