/**
 * The SQL engine behind {@link io.contrail.sql.SqlService}:
 * {@link io.contrail.sql.impl.ContrailSqlService} parses a statement and runs it. Not API.
 */
package io.contrail.sql.impl;
