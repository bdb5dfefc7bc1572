package io.contrail.sql.impl.connector;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.Connector;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.connector.file.FileSqlConnector;

/** Finds the {@link SqlConnector} of a mapping's connector type. */
public final class SqlConnectors {

    private SqlConnectors() {
    }

    /**
     * The connector of the mapping.
     *
     * @throws SqlException if the type is unknown to this member
     */
    public static SqlConnector of(Mapping mapping) {
        Connector connector = Connector.byName(mapping.type()).orElseThrow(() -> new SqlException(
                SqlErrorCode.UNKNOWN_CONNECTOR, "Mapping '" + mapping.name() + "' has connector type '"
                + mapping.type() + "', which this member does not know"));
        return of(connector);
    }

    /** The SQL side of a connector type. */
    public static SqlConnector of(Connector connector) {
        return switch (connector) {
            case IMAP -> IMapSqlConnector.INSTANCE;
            case FILE -> FileSqlConnector.INSTANCE;
        };
    }
}
