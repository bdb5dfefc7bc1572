package io.contrail.sql.impl.jobs;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Job ids as statements give them: a number (checked by the parser), a string of a number, or a
 * {@code ?} parameter holding either; and the values a PAUSE/RESUME/CANCEL JOBS query returns.
 */
final class JobIdValues {

    private JobIdValues() {
    }

    /**
     * The id a statement about one job names.
     *
     * @param parameters the statement's parameters: exactly one when the id is {@code ?} (else
     *                   the caller has checked that there are none)
     * @throws SqlException {@link SqlErrorCode#PARAMETER_MISMATCH} for the wrong number of
     *                      parameters, {@link SqlErrorCode#INVALID_JOB_ID} for a value that is no id
     */
    static long of(SqlNode jobId, String statement, Object[] parameters) {
        if (jobId instanceof SqlDynamicParam) {
            if (parameters.length != 1) {
                throw new SqlException(SqlErrorCode.PARAMETER_MISMATCH, statement + " has 1 parameter (?), but "
                        + parameters.length + (parameters.length == 1 ? " was" : " were") + " given");
            }
            return toId(parameters[0], "The parameter of " + statement);
        }
        SqlLiteral literal = (SqlLiteral) jobId;
        Object value = literal instanceof SqlCharStringLiteral
                ? literal.getValueAs(String.class) : literal.getValueAs(BigDecimal.class);
        return toId(value, "The job id of " + statement);
    }

    /**
     * A value as a job id: a whole number in the range of a {@code long}, or the text of one.
     *
     * @param what what the value is, for the message ("The parameter of PAUSE JOB")
     * @throws SqlException {@link SqlErrorCode#INVALID_JOB_ID} otherwise
     */
    static long toId(Object value, String what) {
        try {
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.longValueExact();
            }
            if (value instanceof BigInteger integer) {
                return integer.longValueExact();
            }
            if (value instanceof String text) {
                return Long.parseLong(text.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // not a whole 64-bit number: the error below
        }
        throw new SqlException(SqlErrorCode.INVALID_JOB_ID, what + " is " + (value == null ? "NULL" : "'" + value + "'")
                + ", which is no job id; a job id is a whole 64-bit number, as the job_id column of SHOW JOBS shows it");
    }
}
