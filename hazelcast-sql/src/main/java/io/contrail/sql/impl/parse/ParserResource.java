package io.contrail.sql.impl.parse;

import org.apache.calcite.runtime.Resources;
import org.apache.calcite.runtime.Resources.BaseMessage;
import org.apache.calcite.runtime.Resources.ExInst;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * The texts of the errors our statements report once read (see {@link ValidatableStatement}),
 * in Calcite's {@link Resources} style: each method gives a {@link java.text.MessageFormat}
 * pattern (so a quote is written twice), and {@code ParserResource.properties} beside this
 * class holds the same texts under the capitalized method name. Throw one with
 * {@link org.apache.calcite.sql.SqlUtil#newContextException}, which adds the position.
 */
public interface ParserResource {

    /** The one instance. */
    ParserResource RESOURCE = Resources.create(ParserResource.class);

    @BaseMessage("OR REPLACE and IF NOT EXISTS cannot be used together")
    ExInst<SqlValidatorException> orReplaceWithIfNotExists();

    @BaseMessage("CREATE OR REPLACE {0} is not supported")
    ExInst<SqlValidatorException> orReplaceNotSupported(String objectType);

    @BaseMessage("A job must write its results somewhere: CREATE JOB ... AS takes INSERT INTO or "
            + "SINK INTO, not a query such as SELECT. To see the results of a query, run the query directly")
    ExInst<SqlValidatorException> jobQueryIsSelect();

    @BaseMessage("CREATE JOB ... AS takes INSERT INTO or SINK INTO, not {0}")
    ExInst<SqlValidatorException> jobStatementNotSupported(String kind);

    @BaseMessage("Unknown job option ''{0}''; valid options: {1}")
    ExInst<SqlValidatorException> unknownJobOption(String name, String validOptions);

    @BaseMessage("Option ''{0}'' is given more than once")
    ExInst<SqlValidatorException> duplicateOption(String name);

    @BaseMessage("Invalid value ''{1}'' for job option ''{0}''; valid values: {2}")
    ExInst<SqlValidatorException> invalidJobOptionValue(String name, String value, String validValues);

    @BaseMessage("Job option ''{0}'' cannot be changed by ALTER JOB: it is fixed when the job is created")
    ExInst<SqlValidatorException> jobOptionNotAlterable(String name);

    @BaseMessage("Column ''{0}'' is declared more than once")
    ExInst<SqlValidatorException> duplicateColumn(String name);

    @BaseMessage("SHOW {0} cannot stand where a query is expected; of the SHOW statements only SHOW JOBS can")
    ExInst<SqlValidatorException> showIsNotQuery(String what);

    @BaseMessage("Invalid job id {0}: a job id is a whole number in the range of a 64-bit integer, "
            + "a string or ?")
    ExInst<SqlValidatorException> invalidJobId(String id);

    @BaseMessage("ALTER USER needs an option to change: PASSWORD ''...'', PASSWORD NULL, CONTROLJOB or NOCONTROLJOB")
    ExInst<SqlValidatorException> alterUserWithoutOption();

    @BaseMessage("User option {0} is given twice or contradicts another option; give each of PASSWORD and "
            + "CONTROLJOB/NOCONTROLJOB at most once")
    ExInst<SqlValidatorException> conflictingUserOption(String option);
}
