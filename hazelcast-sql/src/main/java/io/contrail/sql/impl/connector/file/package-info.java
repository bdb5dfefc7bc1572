/**
 * The File connector: CSV and JSON-lines files in a directory, read as a batch
 * ({@link io.contrail.sql.impl.connector.file.ReadFilesP}) and written as new, whole files
 * ({@link io.contrail.sql.impl.connector.file.WriteFilesP}), behind
 * {@link io.contrail.sql.impl.connector.file.FileSqlConnector}. Not API.
 */
package io.contrail.sql.impl.connector.file;
