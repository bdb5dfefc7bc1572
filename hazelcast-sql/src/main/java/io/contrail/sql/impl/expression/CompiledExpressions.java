package io.contrail.sql.impl.expression;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutable;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexNode;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * A list of expressions over an input row, compiled to Java bytecode by Calcite's code
 * generator (the one its own Enumerable engine runs), so every standard scalar function and
 * operator behaves as Calcite defines it. Evaluating gives one value per expression, in the
 * internal representation ({@link io.contrail.sql.impl.type.SqlTypes}).
 *
 * <p>The object keeps the generated Java source, so it is small and serializable; the compiled
 * class is made on first use and shared, per source text, by every processor of the member.
 *
 * <p>Threading: {@link #evaluate} is safe from any number of threads, each with its own
 * {@link RowContext}.
 */
public final class CompiledExpressions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Compiled code by source text; the same query shape compiles once per member. */
    private static final ConcurrentHashMap<String, Function1<DataContext, Object[]>> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 1_000;

    private final String source;
    private final int size;
    private transient Function1<DataContext, Object[]> function;

    private CompiledExpressions(String source, int size) {
        this.source = source;
        this.size = size;
    }

    /**
     * Generates the code of {@code expressions} over rows of {@code inputType}.
     *
     * @throws SqlException if Calcite cannot generate code for one of them
     */
    public static CompiledExpressions of(RexBuilder rexBuilder, List<RexNode> expressions, RelDataType inputType) {
        requireNonNull(expressions, "expressions is null");
        try {
            RexExecutable executable = RexExecutorImpl.getExecutable(rexBuilder, expressions, inputType);
            CompiledExpressions compiled = new CompiledExpressions(executable.getSource(), expressions.size());
            compiled.function = executable.getFunction();
            COMPILED.putIfAbsent(compiled.source, compiled.function);
            return compiled;
        } catch (RuntimeException e) {
            throw new SqlException(SqlErrorCode.INVALID_QUERY, "Cannot evaluate " + expressions + ": " + e.getMessage(), e);
        }
    }

    /** The number of values {@link #evaluate} returns. */
    public int size() {
        return size;
    }

    /**
     * Evaluates the expressions over the context's current row.
     *
     * @return a new array of {@link #size()} values
     */
    public Object[] evaluate(RowContext context) {
        Function1<DataContext, Object[]> fn = function;
        if (fn == null) {
            fn = function = compiled(source);
        }
        return fn.apply(context);
    }

    private static Function1<DataContext, Object[]> compiled(String source) {
        Function1<DataContext, Object[]> fn = COMPILED.get(source);
        if (fn == null) {
            if (COMPILED.size() >= MAX_CACHED) {
                COMPILED.clear();
            }
            fn = COMPILED.computeIfAbsent(source, s -> new RexExecutable(s, "Contrail expression").getFunction());
        }
        return fn;
    }

    @Override
    public String toString() {
        return "CompiledExpressions[" + size + "]";
    }
}
