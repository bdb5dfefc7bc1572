package io.contrail.sql.impl.plan;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;

import static java.util.Objects.requireNonNull;

/**
 * A validated, optimized query.
 *
 * @param rel            the optimized relational plan; a {@link TableModify} at the root for
 *                       INSERT INTO and SINK INTO
 * @param parameterTypes one field per {@code ?} parameter, in order, with the type the
 *                       validator inferred for it
 * @param rexBuilder     the builder the plan's expressions were made with
 * @param explain        the plan as text, one operator per line
 */
public record PlannedQuery(RelNode rel, RelDataType parameterTypes, RexBuilder rexBuilder, String explain) {

    public PlannedQuery {
        requireNonNull(rel, "rel is null");
        requireNonNull(parameterTypes, "parameterTypes is null");
        requireNonNull(rexBuilder, "rexBuilder is null");
        requireNonNull(explain, "explain is null");
    }

    /** Whether the query writes to a mapping (INSERT INTO, SINK INTO) rather than returning rows. */
    public boolean isWrite() {
        return rel instanceof TableModify;
    }
}
