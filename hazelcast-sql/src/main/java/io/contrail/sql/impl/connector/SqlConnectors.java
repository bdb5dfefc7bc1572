package io.contrail.sql.impl.connector;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.Connector;
import io.contrail.sql.impl.catalog.Mapping;

/** Finds the {@link SqlConnector} of a mapping's connector type. */
public final class SqlConnectors {

    private SqlConnectors() {
    }

    /**
     * The connector of the mapping.
     *
     * @throws SqlException if the type is unknown to this member or cannot be used from SQL yet
     */
    public static SqlConnector of(Mapping mapping) {
        Connector connector = Connector.byName(mapping.type()).orElseThrow(() -> new SqlException(
                SqlErrorCode.UNKNOWN_CONNECTOR, "Mapping '" + mapping.name() + "' has connector type '"
                + mapping.type() + "', which this member does not know"));
        return switch (connector) {
            case IMAP -> IMapSqlConnector.INSTANCE;
            case FILE -> throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT,
                    "Reading and writing File mappings is not supported yet");
        };
    }
}
