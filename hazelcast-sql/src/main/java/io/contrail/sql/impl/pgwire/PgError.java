package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;

import static java.util.Objects.requireNonNull;

/**
 * An error as the client sees it in an ErrorResponse: severity, SQLSTATE, message and, when the
 * engine knows it, the position in the statement (1-based characters, PostgreSQL's {@code P}
 * field). {@link #of(Throwable, String)} maps each {@link SqlErrorCode} to the SQLSTATE
 * PostgreSQL uses for the same situation, so that clients can match on it:
 *
 * <pre>
 * SYNTAX_ERROR, INVALID_STATEMENT            42601 syntax_error
 * UNKNOWN_CONNECTOR                          42704 undefined_object
 * UNSUPPORTED_COLUMN_TYPE                    0A000 feature_not_supported
 * DUPLICATE_COLUMN                           42701 duplicate_column
 * UNKNOWN_OPTION, MISSING_OPTION,
 *   INVALID_OPTION_VALUE                     22023 invalid_parameter_value
 * PARAMETER_MISMATCH                         42P02 undefined_parameter
 * INVALID_NAME                               42602 invalid_name
 * NO_COLUMNS                                 42P16 invalid_table_definition
 * MAPPING_ALREADY_EXISTS                     42710 duplicate_object
 * MAPPING_NOT_FOUND                          42P01 undefined_table
 * EXECUTION_FAILED                           XX000 internal_error
 * UNSUPPORTED_STATEMENT                      0A000 feature_not_supported
 * </pre>
 *
 * A code added later goes by its name, then its category: {@code CANCELLED} 57014
 * (query_canceled); {@code ..._CONVERSION_ERROR} 22P02 (invalid_text_representation);
 * {@code INVALID_..._OPTION} 22023; {@code ..._NOT_FOUND} 42704; {@code ..._ALREADY_EXISTS}
 * 42710; else PARSING 42601, VALIDATION and CATALOG 42000, EXECUTION XX000, UNSUPPORTED 0A000.
 * Any other exception is XX000.
 *
 * @param severity  ERROR, or FATAL when the connection closes after it
 * @param sqlState  the five-character SQLSTATE
 * @param message   the text for the user
 * @param position  the 1-based character of the statement the error points at, 0 if none
 */
record PgError(String severity, String sqlState, String message, int position) {

    static final String QUERY_CANCELED = "57014";
    static final String PROTOCOL_VIOLATION = "08P01";
    static final String INVALID_CATALOG_NAME = "3D000";
    static final String INVALID_PASSWORD = "28P01";
    static final String INVALID_AUTHORIZATION = "28000";
    static final String ADMIN_SHUTDOWN = "57P01";
    static final String TOO_MANY_CONNECTIONS = "53300";
    static final String FEATURE_NOT_SUPPORTED = "0A000";
    static final String INVALID_STATEMENT_NAME = "26000";
    static final String INVALID_CURSOR_NAME = "34000";
    static final String DUPLICATE_PREPARED_STATEMENT = "42P05";
    static final String DUPLICATE_CURSOR = "42P03";

    PgError {
        requireNonNull(severity, "severity is null");
        requireNonNull(sqlState, "sqlState is null");
        requireNonNull(message, "message is null");
    }

    static PgError error(String sqlState, String message) {
        return new PgError("ERROR", sqlState, message, 0);
    }

    static PgError fatal(String sqlState, String message) {
        return new PgError("FATAL", sqlState, message, 0);
    }

    /**
     * The error for an exception thrown while running {@code statement}.
     *
     * @param statement the statement's text, to turn a line and column into a position; may be null
     */
    static PgError of(Throwable error, String statement) {
        if (error instanceof SqlException sql) {
            return new PgError("ERROR", sqlState(sql.getErrorCode()), messageOf(sql),
                    position(statement, sql.getLine(), sql.getColumn()));
        }
        return new PgError("ERROR", "XX000", messageOf(error), 0);
    }

    private static String messageOf(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getName();
    }

    static String sqlState(SqlErrorCode code) {
        return switch (code) {
            case SYNTAX_ERROR, INVALID_STATEMENT -> "42601";
            case UNKNOWN_CONNECTOR -> "42704";
            case UNSUPPORTED_COLUMN_TYPE, UNSUPPORTED_STATEMENT -> FEATURE_NOT_SUPPORTED;
            case DUPLICATE_COLUMN -> "42701";
            case UNKNOWN_OPTION, MISSING_OPTION, INVALID_OPTION_VALUE -> "22023";
            case PARAMETER_MISMATCH -> "42P02";
            case INVALID_NAME -> "42602";
            case NO_COLUMNS -> "42P16";
            case MAPPING_ALREADY_EXISTS -> "42710";
            case MAPPING_NOT_FOUND -> "42P01";
            case EXECUTION_FAILED -> "XX000";
            case INVALID_QUERY -> "42000";
            case INVALID_STREAMING_QUERY -> FEATURE_NOT_SUPPORTED;
            case INVALID_JOB_OPTION -> "22023";
            case JOB_ALREADY_EXISTS, USER_ALREADY_EXISTS -> "42710";
            case USER_NOT_FOUND -> "42704";
            case DATA_CONVERSION_ERROR -> "22P02";
            case CANCELLED -> QUERY_CANCELED;
            case PERMISSION_DENIED -> "42501";
            default -> byCategory(code);
        };
    }

    private static String byCategory(SqlErrorCode code) {
        String name = code.name();
        if (name.equals("CANCELLED")) {
            return QUERY_CANCELED;
        }
        if (name.endsWith("_CONVERSION_ERROR")) {
            return "22P02";
        }
        if (name.startsWith("INVALID_") && name.endsWith("_OPTION")) {
            return "22023";
        }
        if (name.endsWith("_NOT_FOUND")) {
            return "42704";
        }
        if (name.endsWith("_ALREADY_EXISTS")) {
            return "42710";
        }
        return switch (code.getCategory()) {
            case PARSING -> "42601";
            case VALIDATION, CATALOG -> "42000";
            case EXECUTION -> "XX000";
            case UNSUPPORTED -> FEATURE_NOT_SUPPORTED;
            case ACCESS -> "42501";
        };
    }

    /** The 1-based character offset of a line and column (both from 1) in the text; 0 if unknown. */
    static int position(String text, int line, int column) {
        if (text == null || line < 1 || column < 1) {
            return 0;
        }
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                return 0;
            }
            offset = newline + 1;
        }
        int position = offset + column;
        return position <= text.length() + 1 ? position : 0;
    }
}
