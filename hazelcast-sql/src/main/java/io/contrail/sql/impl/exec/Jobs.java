package io.contrail.sql.impl.exec;

import io.contrail.jet.job.Job;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;

import java.util.concurrent.CancellationException;

/** What SQL execution does with the engine's jobs: cancel without a race, report failures as SQL errors. */
final class Jobs {

    private Jobs() {
    }

    /** Cancels the job unless it has ended already. */
    static void cancelQuietly(Job job) {
        if (job.getFuture().isDone()) {
            return;
        }
        try {
            job.cancel();
        } catch (IllegalStateException e) {
            // ended between the check and the cancel: nothing to stop
        }
    }

    /**
     * Throws the job's failure as an {@link SqlException}: the SQL error a processor threw (a
     * conversion error, an overflow) keeps its code; anything else is
     * {@link SqlErrorCode#EXECUTION_FAILED}; a cancellation is {@link SqlErrorCode#CANCELLED}.
     */
    static void throwIfFailed(Job job) {
        Throwable cause = job.getFailureCause().orElse(null);
        if (cause == null) {
            return;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SqlException sql) {
                throw new SqlException(sql.getErrorCode(), sql.getMessage(), cause);
            }
            if (t instanceof CancellationException) {
                throw new SqlException(SqlErrorCode.CANCELLED, "The query was cancelled", cause);
            }
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof NumberFormatException) {
            // Calcite's generated CAST of text to a number
            throw new SqlException(SqlErrorCode.DATA_CONVERSION_ERROR, "A value cannot be converted to a number: "
                    + root.getMessage(), cause);
        }
        if (root instanceof ArithmeticException) {
            throw new SqlException(SqlErrorCode.EXECUTION_FAILED, "Arithmetic error: " + root.getMessage(), cause);
        }
        throw new SqlException(SqlErrorCode.EXECUTION_FAILED, "The query failed: " + root, cause);
    }
}
