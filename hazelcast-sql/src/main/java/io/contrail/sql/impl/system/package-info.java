/**
 * System tables: what the cluster knows of its jobs, exported snapshots and mappings, as tables
 * that SQL queries read like any other ({@code SELECT job_id FROM system.jobs WHERE status =
 * 'RUNNING'}). They live in the schema {@value io.contrail.sql.impl.system.SystemTables#SCHEMA}
 * and are also found by their bare name when no mapping has that name. Each is a batch source
 * of the rows as they are when the query starts.
 */
package io.contrail.sql.impl.system;
