package io.contrail.sql.impl.schema;

import org.apache.calcite.runtime.Resources;
import org.apache.calcite.runtime.Resources.BaseMessage;
import org.apache.calcite.runtime.Resources.ExInst;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * The texts of the errors Contrail's own functions report while a query is validated, in
 * Calcite's {@link Resources} style ({@link java.text.MessageFormat} patterns, a quote written
 * twice). Throw one with {@link org.apache.calcite.sql.SqlUtil#newContextException}, which adds
 * the position.
 */
public interface FunctionResource {

    /** The one instance. */
    FunctionResource RESOURCE = Resources.create(FunctionResource.class);

    @BaseMessage("The second argument of {0} must be DESCRIPTOR(column), naming the one column that holds the event time")
    ExInst<SqlValidatorException> descriptorExpected(String function);

    @BaseMessage("Column ''{0}'' not found in the input of {1}; its columns are {2}")
    ExInst<SqlValidatorException> eventTimeColumnNotFound(String column, String function, String columns);

    @BaseMessage("The event time column ''{0}'' is {1}; {2} needs a TIMESTAMP or TIMESTAMP WITH TIME ZONE "
            + "(convert epoch milliseconds with TO_TIMESTAMP_TZ)")
    ExInst<SqlValidatorException> eventTimeColumnType(String column, String type, String function);

    @BaseMessage("The lag of {0} must be a day-time INTERVAL, such as INTERVAL ''0.5'' SECOND")
    ExInst<SqlValidatorException> lagNotInterval(String function);
}
