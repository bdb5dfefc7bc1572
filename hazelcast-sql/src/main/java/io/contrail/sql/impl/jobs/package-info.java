/**
 * The job-management statements: ALTER JOB, DROP JOB, PAUSE/RESUME/CANCEL JOB(S), SHOW JOBS,
 * SHOW JOB, the WHEN COMPLETE forms, CREATE/DROP SNAPSHOT and SHOW SNAPSHOTS. Statements that
 * change jobs or snapshots return a {@link io.contrail.sql.impl.jobs.JobReport} row per job;
 * the SHOW statements read the system tables of {@link io.contrail.sql.impl.system}.
 */
package io.contrail.sql.impl.jobs;
