/**
 * The standalone member: {@link io.contrail.sql.server.ContrailServer} starts a Contrail member
 * with its SQL endpoint from a YAML {@link io.contrail.sql.server.ContrailServerConfig}; it is
 * what {@code bin/contrail start} runs.
 */
package io.contrail.sql.server;
