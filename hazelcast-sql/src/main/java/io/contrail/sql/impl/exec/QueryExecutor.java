package io.contrail.sql.impl.exec;

import io.contrail.jet.ContrailInstance;
import io.contrail.jet.job.Job;
import io.contrail.jet.job.JobAlreadyExistsException;
import io.contrail.jet.job.JobConfig;
import io.contrail.jet.job.JobKind;
import io.contrail.jet.job.JobMetrics;
import io.contrail.jet.job.JobSummary;
import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlColumnType;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlResult;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlRowMetadata;
import io.contrail.sql.impl.catalog.MappingCatalog;
import io.contrail.sql.impl.expression.StatementParameters;
import io.contrail.sql.impl.parse.SqlCreateJob;
import io.contrail.sql.impl.plan.DagBuilder;
import io.contrail.sql.impl.plan.DagPlan;
import io.contrail.sql.impl.plan.DagExplainer;
import io.contrail.sql.impl.plan.PlannedQuery;
import io.contrail.sql.impl.plan.QueryPlanner;
import io.contrail.sql.impl.processor.ResultQueue;
import io.contrail.sql.impl.system.SystemTables;
import io.contrail.sql.impl.type.SqlTypes;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * Runs queries: SELECT (rows stream back to the client), INSERT INTO / SINK INTO (a job tied to
 * the result: bounded ones run to completion and report the rows written, unbounded ones run
 * until the result is closed), EXPLAIN, and CREATE JOB (a named job that outlives the client).
 *
 * <p>Threading: thread-safe; no state besides the member and the catalog.
 */
public final class QueryExecutor {

    /** Rows a SELECT may have produced ahead of the client. */
    static final int RESULT_QUEUE_CAPACITY = 1024;

    public static final SqlRowMetadata EXPLAIN_METADATA =
            new SqlRowMetadata(List.of(new SqlColumnMetadata("plan", SqlColumnType.VARCHAR)));

    private final ContrailInstance member;
    private final MappingCatalog catalog;
    private final Predicate<JobSummary> visibleJobs;

    /** @param visibleJobs the jobs the system table {@code jobs} shows to this service's user */
    public QueryExecutor(ContrailInstance member, MappingCatalog catalog, Predicate<JobSummary> visibleJobs) {
        this.member = requireNonNull(member, "member is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.visibleJobs = requireNonNull(visibleJobs, "visibleJobs is null");
    }

    /** Runs a SELECT (or another row-returning query such as VALUES). */
    public SqlResult select(SqlNode query, StatementContext statement, Object[] arguments) {
        PlannedQuery planned = plan(query);
        StatementParameters parameters = bind(planned, arguments);
        String queryId = UUID.randomUUID().toString();
        ResultQueue queue = ResultQueue.register(queryId, RESULT_QUEUE_CAPACITY);
        try {
            DagPlan plan = builder(planned, parameters).buildSelect(queryId);
            Job job = member.newJob(plan.dag(), jobConfig(statement, plan));
            QueryRows rows = new QueryRows(queue, job, plan.rowMetadata(), plan.limit());
            return SqlResult.ofStream(plan.rowMetadata(), rows, rows::close);
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    /**
     * Runs an INSERT INTO or SINK INTO. Over bounded input it waits for the job and returns the
     * number of rows written; over a stream it returns at once with update count 0, and the job
     * runs until the result is closed.
     */
    public SqlResult write(SqlNode node, StatementContext statement, Object[] arguments) {
        PlannedQuery planned = plan(node);
        DagPlan plan = builder(planned, bind(planned, arguments)).buildWrite();
        Job job = member.newJob(plan.dag(), jobConfig(statement, plan));
        if (plan.unbounded()) {
            return SqlResult.ofUpdateCount(0, () -> Jobs.cancelQuietly(job));
        }
        try {
            job.getFuture().join();
        } catch (CancellationException | CompletionException e) {
            Jobs.throwIfFailed(job);
            throw e;
        }
        return SqlResult.ofUpdateCount(rowsWritten(job.getMetrics(), plan.sinkVertex()));
    }

    /** Submits CREATE JOB's statement as a named job and returns at once (update count 0). */
    public SqlResult createJob(SqlCreateJob create, StatementContext statement, Object[] arguments) {
        String name = create.getName().getSimple();
        PlannedQuery planned = plan(create.getStatement());
        DagPlan plan = builder(planned, bind(planned, arguments)).buildWrite();
        JobConfig config = JobOptions.apply(create.getOptionMap(), jobConfig(statement, plan).setName(name));
        try {
            member.newJob(plan.dag(), config);
        } catch (JobAlreadyExistsException e) {
            if (!create.isIfNotExists()) {
                throw new SqlException(SqlErrorCode.JOB_ALREADY_EXISTS, "Job '" + name + "' already exists and is"
                        + " active; pick another name, or use CREATE JOB IF NOT EXISTS to do nothing in that case", e);
            }
        }
        return SqlResult.ofUpdateCount(0);
    }

    /** The columns of a query's rows, from its plan; nothing runs. */
    public SqlRowMetadata describe(SqlNode query) {
        List<SqlColumnMetadata> columns = new ArrayList<>();
        for (RelDataTypeField field : plan(query).rel().getRowType().getFieldList()) {
            columns.add(new SqlColumnMetadata(field.getName(), SqlTypes.toColumnType(field.getType())));
        }
        return new SqlRowMetadata(columns);
    }

    /** EXPLAIN: the optimized plan, then the DAG, one line per row. */
    public SqlResult explain(SqlExplain explain, Object[] arguments) {
        PlannedQuery planned = plan(explain.getExplicandum());
        StatementParameters parameters = bind(planned, arguments);
        DagBuilder builder = builder(planned, parameters);
        DagPlan plan = planned.isWrite() ? builder.buildWrite() : builder.buildSelect("explain");
        List<SqlRow> rows = new ArrayList<>();
        rows.add(new SqlRow(EXPLAIN_METADATA, List.of("Plan:")));
        for (String line : planned.explain().split("\n")) {
            rows.add(new SqlRow(EXPLAIN_METADATA, List.of("  " + line)));
        }
        for (String line : DagExplainer.explain(plan.dag())) {
            rows.add(new SqlRow(EXPLAIN_METADATA, List.of(line)));
        }
        return SqlResult.ofRows(EXPLAIN_METADATA, rows);
    }

    private static JobConfig jobConfig(StatementContext statement, DagPlan plan) {
        return new JobConfig()
                .setKind(JobKind.SQL)
                .setStatement(statement.text())
                .setOwner(statement.user())
                .setStreaming(plan.unbounded());
    }

    private PlannedQuery plan(SqlNode query) {
        return new QueryPlanner(catalog.all(), SystemTables.of(member, catalog, visibleJobs)).plan(query);
    }

    private DagBuilder builder(PlannedQuery planned, StatementParameters parameters) {
        return new DagBuilder(planned, parameters, member.getConfig().getCooperativeThreadCount());
    }

    private static StatementParameters bind(PlannedQuery planned, Object[] arguments) {
        List<RelDataTypeField> fields = planned.parameterTypes().getFieldList();
        if (fields.size() != arguments.length) {
            throw new SqlException(SqlErrorCode.PARAMETER_MISMATCH, "The statement has " + fields.size()
                    + " parameter" + (fields.size() == 1 ? "" : "s") + " (?), but " + arguments.length
                    + (arguments.length == 1 ? " was" : " were") + " given");
        }
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < values.length; i++) {
            SqlColumnType type = SqlTypes.toColumnType(fields.get(i).getType());
            values[i] = SqlTypes.toInternal(arguments[i], type, "parameter " + (i + 1));
        }
        return new StatementParameters(values, System.currentTimeMillis());
    }

    private static long rowsWritten(JobMetrics metrics, String sinkVertex) {
        return metrics.vertex(sinkVertex).map(JobMetrics.VertexMetrics::itemsIn).orElse(0L);
    }
}
