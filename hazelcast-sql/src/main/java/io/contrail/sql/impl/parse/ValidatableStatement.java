package io.contrail.sql.impl.parse;

import org.apache.calcite.runtime.CalciteContextException;

/**
 * A node with rules the grammar leaves unchecked: which options a statement takes, which
 * statements CREATE JOB accepts, clauses that exclude each other. The grammar only gathers
 * tokens; {@link SqlParsing} calls {@link #validate()} on every statement it returns, so a
 * statement that breaks a rule is reported like a syntax error, with its position.
 */
public interface ValidatableStatement {

    /**
     * Checks the rules of this statement that need no catalog.
     *
     * @throws CalciteContextException naming the broken rule (texts from {@link ParserResource})
     *                                 and the position of the offending part
     */
    void validate();
}
