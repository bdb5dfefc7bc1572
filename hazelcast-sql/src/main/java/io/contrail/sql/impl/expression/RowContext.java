package io.contrail.sql.impl.expression;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What generated expression code reads besides constants: the current input row, the
 * statement's parameters and the time the statement started (CURRENT_TIMESTAMP and friends give
 * the same value for every row, as in PostgreSQL). Time zone UTC.
 *
 * <p>Threading: one instance per processor; mutable (the row changes per item), never shared.
 */
public final class RowContext implements DataContext {

    private static final String INPUT_RECORD = "inputRecord";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    /** Calcite's variables by the name generated code asks for; looked up per row, so no scan. */
    private static final Map<String, Variable> VARIABLES = Arrays.stream(Variable.values())
            .collect(Collectors.toUnmodifiableMap(v -> v.camelName, v -> v));

    private final StatementParameters parameters;
    private final AtomicBoolean cancelFlag = new AtomicBoolean();
    private Object[] row;

    public RowContext(StatementParameters parameters) {
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    /** Sets the row that the next evaluation reads. */
    public void setRow(Object[] row) {
        this.row = row;
    }

    @Override
    public Object get(String name) {
        if (INPUT_RECORD.equals(name)) {
            return row;
        }
        if (name.startsWith("?")) {
            return parameters.value(Integer.parseInt(name.substring(1)));
        }
        Variable variable = VARIABLES.get(name);
        if (variable == null) {
            return null;
        }
        return switch (variable) {
            case UTC_TIMESTAMP, CURRENT_TIMESTAMP, LOCAL_TIMESTAMP -> parameters.statementStartMillis();
            case TIME_ZONE -> UTC;
            case LOCALE -> Locale.ROOT;
            case CANCEL_FLAG -> cancelFlag;
            default -> null;
        };
    }

    @Override
    public SchemaPlus getRootSchema() {
        return null;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        throw new UnsupportedOperationException("expressions of a running query have no type factory");
    }

    @Override
    public QueryProvider getQueryProvider() {
        throw new UnsupportedOperationException("expressions of a running query run no queries");
    }
}
