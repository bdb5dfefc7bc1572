package io.contrail.sql;

import static java.util.Objects.requireNonNull;

/**
 * What went wrong with an SQL statement, carried by every {@link SqlException}
 * ({@link SqlException#getErrorCode()}). Each code has a number that never changes, in a range
 * per {@link Category}: clients may match on it. New codes take the next free number of their
 * range; a number, once given, is never reused.
 */
public enum SqlErrorCode {

    // PARSING: 1000-1999
    /** The text is no statement of the grammar. */
    SYNTAX_ERROR(1000, Category.PARSING),

    // VALIDATION: 2000-2999
    /** The statement breaks a rule of its own, found while reading it (e.g. a column twice). */
    INVALID_STATEMENT(2000, Category.VALIDATION),
    /** CREATE MAPPING names a connector type that does not exist. */
    UNKNOWN_CONNECTOR(2001, Category.VALIDATION),
    /** A column of CREATE MAPPING has a type that mappings do not support. */
    UNSUPPORTED_COLUMN_TYPE(2002, Category.VALIDATION),
    /** A column name appears twice in CREATE MAPPING. */
    DUPLICATE_COLUMN(2003, Category.VALIDATION),
    /** An option the connector does not know. */
    UNKNOWN_OPTION(2004, Category.VALIDATION),
    /** An option the connector needs is missing. */
    MISSING_OPTION(2005, Category.VALIDATION),
    /** An option has a value the connector does not accept. */
    INVALID_OPTION_VALUE(2006, Category.VALIDATION),
    /** The number of parameters given does not match the statement. */
    PARAMETER_MISMATCH(2007, Category.VALIDATION),
    /** A name (of a mapping, a column) is not of the expected form. */
    INVALID_NAME(2008, Category.VALIDATION),
    /** CREATE MAPPING declares no columns. */
    NO_COLUMNS(2009, Category.VALIDATION),
    /** A query names a table, column or function that does not exist, or uses one wrongly. */
    INVALID_QUERY(2010, Category.VALIDATION),
    /** A query that cannot run on a stream, such as an aggregation without a window. */
    INVALID_STREAMING_QUERY(2011, Category.VALIDATION),
    /** A CREATE JOB option is unknown or has a bad value. */
    INVALID_JOB_OPTION(2012, Category.VALIDATION),
    /** A job id given as a string or parameter, or returned by the query of PAUSE/RESUME/CANCEL JOBS, is no 64-bit number. */
    INVALID_JOB_ID(2013, Category.VALIDATION),

    // CATALOG: 3000-3999
    /** CREATE MAPPING without OR REPLACE or IF NOT EXISTS, for a mapping that exists. */
    MAPPING_ALREADY_EXISTS(3000, Category.CATALOG),
    /** DROP MAPPING without IF EXISTS, for a mapping that does not exist. */
    MAPPING_NOT_FOUND(3001, Category.CATALOG),
    /** CREATE JOB without IF NOT EXISTS names a job that is active. */
    JOB_ALREADY_EXISTS(3002, Category.CATALOG),
    /** No job has that id (or it ended longer than the retention time ago), or no active job has that name. */
    JOB_NOT_FOUND(3003, Category.CATALOG),
    /** DROP SNAPSHOT without IF EXISTS, for an exported snapshot that does not exist. */
    SNAPSHOT_NOT_FOUND(3004, Category.CATALOG),
    /** CREATE USER without IF NOT EXISTS, for a user that exists. (Users number from 3100.) */
    USER_ALREADY_EXISTS(3100, Category.CATALOG),
    /** A user statement names a user that does not exist (without IF EXISTS). */
    USER_NOT_FOUND(3101, Category.CATALOG),

    // EXECUTION: 4000-4999
    /** The statement was valid but failed while running; the cause says why. */
    EXECUTION_FAILED(4000, Category.EXECUTION),
    /** A value cannot be converted to the type it must have (a parameter, a field of a source). */
    DATA_CONVERSION_ERROR(4001, Category.EXECUTION),
    /** The query was cancelled: its result was closed, or its job cancelled. */
    CANCELLED(4002, Category.EXECUTION),
    /** The job is not in a state the statement can act on, e.g. RESUME of a job that is not paused. */
    INVALID_JOB_STATE(4003, Category.EXECUTION),
    /** A resumed job failed because a source can no longer serve the position it had reached. */
    SOURCE_POSITION_UNAVAILABLE(4004, Category.EXECUTION),
    /** The member that coordinates the job has left the cluster, so nothing can control the job. */
    JOB_COORDINATOR_LEFT(4005, Category.EXECUTION),

    // UNSUPPORTED: 5000-5999
    /** A statement the grammar reads but the engine cannot run yet. */
    UNSUPPORTED_STATEMENT(5000, Category.UNSUPPORTED),

    // ACCESS: 6000-6999
    /** The user may not do what the statement asks (a non-admin managing users, ...). */
    PERMISSION_DENIED(6000, Category.ACCESS),
    /**/;

    /** The kind of error; each has a range of 1000 numbers. */
    public enum Category {
        /** The text could not be read: 1000-1999. */
        PARSING,
        /** The statement was read but is not valid: 2000-2999. */
        VALIDATION,
        /** The statement conflicts with the catalog (what exists): 3000-3999. */
        CATALOG,
        /** The statement failed while running: 4000-4999. */
        EXECUTION,
        /** The statement is valid but not supported yet: 5000-5999. */
        UNSUPPORTED,
        /** The user may not run the statement: 6000-6999. */
        ACCESS
    }

    private final int code;
    private final Category category;

    SqlErrorCode(int code, Category category) {
        this.code = code;
        this.category = requireNonNull(category, "category is null");
    }

    /** The stable number of this error. */
    public int getCode() {
        return code;
    }

    public Category getCategory() {
        return category;
    }
}
