/**
 * Users of the SQL endpoint: {@link io.contrail.sql.impl.users.UserStore} keeps them in an IMap
 * with SCRAM-SHA-256 verifiers ({@link io.contrail.sql.impl.users.ScramCredentials}), never
 * passwords; the pgwire endpoint authenticates against it.
 */
package io.contrail.sql.impl.users;
