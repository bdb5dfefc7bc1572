/**
 * PostgreSQL's catalog ({@code pg_catalog}, {@code information_schema}) describing Contrail's
 * tables, for the queries clients send to browse a database: the JDBC driver's
 * {@code DatabaseMetaData}, {@code psql}'s {@code \d} commands, GUI tools.
 * {@link io.contrail.sql.impl.pgwire.catalog.PgCatalogQueries} runs them: {@code PgCatalogSchema}
 * holds the tables, {@code PgDialectRewriter} turns PostgreSQL's syntax into Calcite's,
 * {@code PgCatalogFunctions} and {@code PgCatalogTypes} hold the functions and types.
 */
package io.contrail.sql.impl.pgwire.catalog;
