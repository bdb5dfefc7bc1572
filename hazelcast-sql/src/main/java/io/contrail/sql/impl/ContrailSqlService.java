package io.contrail.sql.impl;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.ContrailInstance;
import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlResult;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;
import io.contrail.sql.SqlService;
import io.contrail.sql.SqlTableMetadata;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingCatalog;
import io.contrail.sql.impl.catalog.MappingValidator;
import io.contrail.sql.impl.connector.SqlConnectors;
import io.contrail.sql.impl.exec.QueryExecutor;
import io.contrail.sql.impl.exec.StatementContext;
import io.contrail.sql.impl.jobs.JobStatements;
import io.contrail.sql.impl.parse.SqlAlterUser;
import io.contrail.sql.impl.parse.SqlControlJob;
import io.contrail.sql.impl.parse.SqlControlJobs;
import io.contrail.sql.impl.parse.SqlCreateJob;
import io.contrail.sql.impl.parse.SqlCreateMapping;
import io.contrail.sql.impl.parse.SqlCreateUser;
import io.contrail.sql.impl.parse.SqlDropMapping;
import io.contrail.sql.impl.parse.SqlDropUser;
import io.contrail.sql.impl.parse.SqlGrantRole;
import io.contrail.sql.impl.parse.SqlParsing;
import io.contrail.sql.impl.parse.SqlShowMappings;
import io.contrail.sql.impl.parse.SqlShowUsers;
import io.contrail.sql.impl.system.SystemTable;
import io.contrail.sql.impl.system.SystemTables;
import io.contrail.sql.impl.users.JobAccess;
import io.contrail.sql.impl.users.UserStatements;
import io.contrail.sql.impl.users.UserStore;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The {@link SqlService} of a member: parses, then runs the statements that need only the
 * {@link MappingCatalog} (CREATE MAPPING, DROP MAPPING, SHOW MAPPINGS), hands queries, writes
 * and CREATE JOB to the {@link QueryExecutor} and the job-management statements to
 * {@link JobStatements}; every other statement fails with
 * {@link SqlErrorCode#UNSUPPORTED_STATEMENT}.
 *
 * <p>Threading: thread-safe; no state besides the member and the catalog (an IMap).
 */
public final class ContrailSqlService implements SqlService {

    static final SqlRowMetadata SHOW_MAPPINGS_METADATA =
            new SqlRowMetadata(List.of(new SqlColumnMetadata("name", SqlColumnType.VARCHAR)));

    private final ContrailInstance member;
    private final MappingCatalog catalog;
    private final QueryExecutor queries;
    private final JobStatements jobs;
    private final UserStatements users;
    private final String user;

    public ContrailSqlService(ContrailInstance member, String user) {
        this.member = requireNonNull(member, "member is null");
        this.user = requireNonNull(user, "user is null");
        this.catalog = new MappingCatalog(member.getHazelcastInstance());
        UserStore userStore = new UserStore(member.getHazelcastInstance());
        JobAccess access = new JobAccess(userStore, user);
        this.queries = new QueryExecutor(member, catalog, access::mayControl);
        this.jobs = new JobStatements(member, queries, access);
        this.users = new UserStatements(userStore);
    }

    @Override
    public SqlResult execute(String sql, Object... params) {
        requireNonNull(sql, "sql is null");
        Object[] parameters = params == null ? new Object[0] : params;
        SqlNode node = SqlParsing.parse(sql);
        if (node instanceof SqlCreateMapping create) {
            noParameters("CREATE MAPPING", parameters);
            HazelcastInstance hz = member.getHazelcastInstance();
            Mapping mapping = MappingValidator.toMapping(create, hz.getCluster().getLocalMember().getUuid().toString(),
                    Instant.now(), (name, connector, options) -> SqlConnectors.of(connector).inferColumns(name, options, hz));
            SqlConnectors.of(mapping).validate(mapping);
            catalog.create(mapping, create.getReplace(), create.isIfNotExists());
            return SqlResult.ofUpdateCount(0);
        }
        if (node instanceof SqlDropMapping drop) {
            noParameters("DROP MAPPING", parameters);
            catalog.drop(MappingValidator.simpleName(drop.getName(), "mapping name"), drop.isIfExists());
            return SqlResult.ofUpdateCount(0);
        }
        if (node instanceof SqlShowMappings) {
            noParameters("SHOW MAPPINGS", parameters);
            List<SqlRow> rows = catalog.names().stream()
                    .map(name -> new SqlRow(SHOW_MAPPINGS_METADATA, List.of(name)))
                    .toList();
            return SqlResult.ofRows(SHOW_MAPPINGS_METADATA, rows);
        }
        if (node instanceof SqlCreateUser create) {
            noParameters("CREATE USER", parameters);
            return users.create(create, user);
        }
        if (node instanceof SqlAlterUser alter) {
            noParameters("ALTER USER", parameters);
            return users.alter(alter, user);
        }
        if (node instanceof SqlDropUser drop) {
            noParameters("DROP USER", parameters);
            return users.drop(drop, user);
        }
        if (node instanceof SqlGrantRole grant) {
            noParameters(grant.isGrant() ? "GRANT" : "REVOKE", parameters);
            return users.grant(grant, user);
        }
        if (node instanceof SqlShowUsers) {
            noParameters("SHOW USERS", parameters);
            return users.show();
        }
        if (node instanceof SqlExplain explain) {
            return queries.explain(explain, parameters);
        }
        if (node instanceof SqlInsert) {
            return queries.write(node, new StatementContext(sql, user), parameters);
        }
        if (node instanceof SqlCreateJob create) {
            return queries.createJob(create, new StatementContext(sql, user), parameters);
        }
        if (node.getKind().belongsTo(SqlKind.QUERY)) {
            return queries.select(node, new StatementContext(sql, user), parameters);
        }
        if (JobStatements.handles(node)) {
            if (!JobStatements.takesParameters(node)) {
                noParameters(statementKind(node), parameters);
            }
            return jobs.execute(node, new StatementContext(sql, user), parameters);
        }
        throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, statementKind(node)
                + " is not supported yet; so far mappings, queries, INSERT/SINK INTO, EXPLAIN and job management run");
    }

    @Override
    public Optional<SqlRowMetadata> describe(String sql) {
        requireNonNull(sql, "sql is null");
        SqlNode node = SqlParsing.parse(sql);
        if (node instanceof SqlExplain) {
            return Optional.of(QueryExecutor.EXPLAIN_METADATA);
        }
        if (node.getKind().belongsTo(SqlKind.QUERY)) {
            return Optional.of(queries.describe(node));
        }
        return Optional.empty();
    }

    @Override
    public List<SqlTableMetadata> tables() {
        List<SqlTableMetadata> tables = new ArrayList<>();
        new TreeMap<>(catalog.all()).values().forEach(mapping -> tables.add(new SqlTableMetadata(
                SqlTableMetadata.MAPPING_SCHEMA, mapping.name(), SqlTableMetadata.Kind.MAPPING,
                mapping.columns().stream().map(column -> new SqlColumnMetadata(column.name(), column.type())).toList())));
        SystemTables.of(member, catalog, job -> false).stream()
                .sorted(Comparator.comparing(SystemTable::name))
                .forEach(table -> tables.add(new SqlTableMetadata(SystemTables.SCHEMA, table.name(),
                        SqlTableMetadata.Kind.SYSTEM_TABLE, table.columns())));
        return tables;
    }

    private static void noParameters(String statement, Object[] params) {
        if (params.length > 0) {
            throw new SqlException(SqlErrorCode.PARAMETER_MISMATCH, statement + " takes no parameters, but "
                    + params.length + (params.length == 1 ? " was" : " were") + " given; remove them");
        }
    }

    /** What the statement is called, for messages: "CREATE JOB", "PAUSE JOB", "SELECT", ... */
    static String statementKind(SqlNode node) {
        if (node instanceof SqlControlJob control) {
            return control.getAction() + " JOB";
        }
        if (node instanceof SqlControlJobs control) {
            return control.getAction() + " JOBS";
        }
        if (node.getKind().belongsTo(SqlKind.QUERY)) {
            return "SELECT";
        }
        if (node instanceof SqlCall call) {
            return call.getOperator().getName();
        }
        return node.getKind().sql;
    }
}
