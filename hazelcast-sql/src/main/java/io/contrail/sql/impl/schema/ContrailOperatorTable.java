package io.contrail.sql.impl.schema;

import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

import java.util.List;

/**
 * The functions and operators SQL can call: Calcite's standard ones (including the window
 * table functions {@code TUMBLE} and {@code HOP}), a few from PostgreSQL's library (such as
 * {@code CONCAT_WS}), and Contrail's own. Function names are matched case-insensitively, as in
 * PostgreSQL and Hazelcast, although table and column names are case-sensitive.
 */
public final class ContrailOperatorTable implements SqlOperatorTable {

    /** {@code generate_series(start, stop[, step])}. */
    public static final GenerateSeriesFunction GENERATE_SERIES = new GenerateSeriesFunction();
    /** {@code generate_stream(rate)}. */
    public static final GenerateStreamFunction GENERATE_STREAM = new GenerateStreamFunction();
    /** {@code IMPOSE_ORDER(table, DESCRIPTOR(ts), lag)}. */
    public static final ImposeOrderFunction IMPOSE_ORDER = new ImposeOrderFunction();

    private static final SqlNameMatcher CASE_INSENSITIVE = SqlNameMatchers.withCaseSensitive(false);
    private static final ContrailOperatorTable INSTANCE = new ContrailOperatorTable(SqlOperatorTables.chain(
            SqlOperatorTables.of(List.of(GENERATE_SERIES, GENERATE_STREAM, IMPOSE_ORDER,
                    ScalarFunctions.TO_TIMESTAMP_TZ, ScalarFunctions.TO_EPOCH_MILLIS)),
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL)));

    private final SqlOperatorTable delegate;

    private ContrailOperatorTable(SqlOperatorTable delegate) {
        this.delegate = delegate;
    }

    /** The operator table; immutable and shared. */
    public static SqlOperatorTable instance() {
        return INSTANCE;
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operators, SqlNameMatcher nameMatcher) {
        delegate.lookupOperatorOverloads(name, category, syntax, operators, CASE_INSENSITIVE);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return delegate.getOperatorList();
    }
}
