package io.contrail.sql.impl.parse;

import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;

import java.math.BigDecimal;

import static io.contrail.sql.impl.parse.ParserResource.RESOURCE;

/** The rule for a job id written in a statement: a whole 64-bit number, a string or {@code ?}. */
final class JobIds {

    private JobIds() {
    }

    /** Rejects a numeric id that is not a whole number in the range of a {@code long}. */
    static void validate(SqlNode jobId) {
        if (!(jobId instanceof SqlNumericLiteral number)) {
            return; // a string or a dynamic parameter: checked when the statement runs
        }
        BigDecimal value = number.getValueAs(BigDecimal.class);
        boolean valid = number.isExact();
        if (valid) {
            try {
                value.longValueExact();
            } catch (ArithmeticException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw SqlUtil.newContextException(jobId.getParserPosition(), RESOURCE.invalidJobId(number.toString()));
        }
    }
}
