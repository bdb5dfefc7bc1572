package io.contrail.sql.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.sql.impl.expression.CompiledExpressions;
import io.contrail.sql.impl.expression.RowContext;
import io.contrail.sql.impl.expression.StatementParameters;

import static java.util.Objects.requireNonNull;

/**
 * Filter and projection in one step (Calcite's {@code Calc}): for each row, evaluates the
 * condition, and when it is {@code TRUE} (not FALSE, not NULL) emits the projected row. The
 * projection runs only for rows that pass, so an expression that would fail on a filtered row
 * (a division by a zero the filter excludes) never runs on it. Stateless, cooperative.
 */
public final class CalcP extends AbstractProcessor {

    private final CompiledExpressions condition;
    private final CompiledExpressions projection;
    private final RowContext context;
    private Object[] pending;

    private CalcP(CompiledExpressions condition, CompiledExpressions projection, StatementParameters parameters) {
        this.condition = condition;
        this.projection = projection;
        this.context = new RowContext(parameters);
    }

    /**
     * @param condition  one boolean expression, or {@code null} for none
     * @param projection the output columns, or {@code null} to pass rows unchanged
     */
    public static ProcessorSupplier supplier(CompiledExpressions condition, CompiledExpressions projection,
                                             StatementParameters parameters) {
        requireNonNull(parameters, "parameters is null");
        return () -> new CalcP(condition, projection, parameters);
    }

    @Override
    protected boolean tryProcess(int ordinal, Object item) {
        if (pending == null) {
            Object[] row = (Object[]) item;
            context.setRow(row);
            if (condition != null && !Boolean.TRUE.equals(condition.evaluate(context)[0])) {
                return true;
            }
            pending = projection == null ? row : projection.evaluate(context);
        }
        if (!tryEmit(pending)) {
            return false;
        }
        pending = null;
        return true;
    }
}
