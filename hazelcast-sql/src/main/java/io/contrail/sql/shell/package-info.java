/**
 * {@code bin/contrail sql}: {@link io.contrail.sql.shell.ContrailShell}, an interactive SQL shell
 * (JLine) and script runner on the PostgreSQL JDBC driver, connecting to a member's SQL endpoint.
 */
package io.contrail.sql.shell;
