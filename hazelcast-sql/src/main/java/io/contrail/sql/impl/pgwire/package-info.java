/**
 * The PostgreSQL wire protocol (v3) endpoint of a member: {@link io.contrail.sql.impl.pgwire.PgWireServer}
 * on Netty, the per-connection protocol in {@code PgSession}, type mapping in {@code PgType},
 * SQLSTATEs in {@code PgError}, and the statements clients send by themselves answered in
 * {@code CatalogInterceptor}, catalog queries by the {@code catalog} package. Statements run through a
 * {@link io.contrail.sql.impl.pgwire.StatementRunner}, in production a member's
 * {@link io.contrail.sql.SqlService}.
 */
package io.contrail.sql.impl.pgwire;
