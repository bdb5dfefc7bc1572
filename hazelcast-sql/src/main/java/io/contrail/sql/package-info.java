/**
 * Contrail SQL: the public face of the SQL engine.
 *
 * <ul>
 *   <li>{@link io.contrail.sql.SqlService#of} gives the SQL service of a member;
 *       {@link io.contrail.sql.SqlService#execute} runs one statement.</li>
 *   <li>{@link io.contrail.sql.SqlResult}: an update count or a row set of
 *       {@link io.contrail.sql.SqlRow}s described by {@link io.contrail.sql.SqlRowMetadata}
 *       (column names and {@link io.contrail.sql.SqlColumnType}s).</li>
 *   <li>{@link io.contrail.sql.SqlException}: every SQL error, with an
 *       {@link io.contrail.sql.SqlErrorCode} (stable numbers per category) and, for errors in the
 *       text, the line and column concerned.</li>
 * </ul>
 *
 * <p>So far CREATE MAPPING, DROP MAPPING and SHOW MAPPINGS run; every other statement is read
 * and then refused with {@link io.contrail.sql.SqlErrorCode#UNSUPPORTED_STATEMENT}.
 */
package io.contrail.sql;
