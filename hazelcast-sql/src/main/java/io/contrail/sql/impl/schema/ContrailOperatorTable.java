package io.contrail.sql.impl.schema;

import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.util.SqlOperatorTables;

import java.util.List;

/**
 * The functions and operators SQL can call: Calcite's standard ones, a few from PostgreSQL's
 * library (such as {@code ||} on more types and {@code CONCAT_WS}), and Contrail's table
 * functions. Names of our functions are matched case-sensitively, like identifiers.
 */
public final class ContrailOperatorTable {

    /** {@code generate_series(start, stop[, step])}. */
    public static final GenerateSeriesFunction GENERATE_SERIES = new GenerateSeriesFunction();
    /** {@code generate_stream(rate)}. */
    public static final GenerateStreamFunction GENERATE_STREAM = new GenerateStreamFunction();

    private static final SqlOperatorTable INSTANCE = SqlOperatorTables.chain(
            SqlOperatorTables.of(List.of(GENERATE_SERIES, GENERATE_STREAM)),
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL));

    private ContrailOperatorTable() {
    }

    /** The operator table; immutable and shared. */
    public static SqlOperatorTable instance() {
        return INSTANCE;
    }
}
