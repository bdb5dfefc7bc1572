package io.contrail.jet.job;

/** How a job was created; shown by {@code SHOW JOBS} as the job's type. */
public enum JobKind {
    /** Submitted through the Java API ({@code ContrailInstance.newJob}). */
    API,
    /** Created by a SQL statement, whose text is {@link JobConfig#getStatement()}. */
    SQL
}
