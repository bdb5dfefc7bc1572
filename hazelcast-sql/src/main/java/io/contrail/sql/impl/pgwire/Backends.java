package io.contrail.sql.impl.pgwire;

import io.contrail.sql.impl.pgwire.catalog.PgCatalogQueries;

import java.util.List;

/**
 * The client connections of a member's pgwire endpoint, as statements about connections see
 * them: {@code pg_stat_activity}, {@code pg_cancel_backend}, {@code pg_terminate_backend}.
 *
 * <p>Threading: called by the session threads of all connections at once.
 */
interface Backends {

    /** What each logged-in connection does now, by process ID. */
    List<PgCatalogQueries.Activity> activity();

    /**
     * Cancels the statement the connection runs, or ends the connection.
     *
     * @return whether a connection had that process ID
     */
    boolean signal(int processId, boolean terminate);
}
