/**
 * Contrail SQL: the public face of the SQL engine. So far {@link io.contrail.sql.SqlException},
 * which every SQL error is reported as, with the line and column it concerns.
 */
package io.contrail.sql;
