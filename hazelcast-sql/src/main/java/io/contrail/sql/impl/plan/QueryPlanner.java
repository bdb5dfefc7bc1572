package io.contrail.sql.impl.plan;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlTableMetadata;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.schema.ContrailOperatorTable;
import io.contrail.sql.impl.schema.MappingTable;
import io.contrail.sql.impl.system.ShowJobsExpander;
import io.contrail.sql.impl.system.SystemTable;
import io.contrail.sql.impl.system.SystemTables;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * From a parsed query (SELECT, INSERT INTO, SINK INTO) to an optimized relational plan:
 * validates it against the mappings, converts it to Calcite relational algebra and rewrites
 * that with a fixed set of rules (merge and push down filters and projections, fold
 * constants, then fuse each filter-and-projection chain into one {@code Calc}). The
 * {@link DagBuilder} turns the result into a DAG.
 *
 * <p>Validation and planning see the mappings as they are when the statement starts. Mappings
 * are tables of the root schema; the {@link SystemTable}s are in the schema
 * {@value SystemTables#SCHEMA}, also found by their bare name when no mapping has that name.
 * {@code [SHOW JOBS]} in a query reads {@code system.jobs} ({@link ShowJobsExpander}).
 *
 * <p>Threading: thread-safe; each call builds its own Calcite objects.
 */
public final class QueryPlanner {

    /** Sub-queries become correlated joins, which the decorrelator then turns into plain joins. */
    private static final HepProgram SUB_QUERIES = new HepProgramBuilder()
            .addRuleCollection(List.of(
                    CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                    CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
                    CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
            .build();

    private static final HepProgram PROGRAM = new HepProgramBuilder()
            .addRuleCollection(List.of(
                    CoreRules.INTERSECT_TO_DISTINCT,
                    CoreRules.MINUS_TO_DISTINCT,
                    CoreRules.UNION_TO_DISTINCT,
                    CoreRules.FILTER_INTO_JOIN,
                    CoreRules.JOIN_CONDITION_PUSH,
                    CoreRules.FILTER_MERGE,
                    CoreRules.FILTER_PROJECT_TRANSPOSE,
                    CoreRules.PROJECT_MERGE,
                    CoreRules.PROJECT_REMOVE,
                    CoreRules.AGGREGATE_PROJECT_MERGE,
                    CoreRules.FILTER_REDUCE_EXPRESSIONS,
                    CoreRules.PROJECT_REDUCE_EXPRESSIONS))
            .addRuleCollection(List.of(
                    CoreRules.FILTER_TO_CALC,
                    CoreRules.PROJECT_TO_CALC,
                    CoreRules.CALC_MERGE,
                    CoreRules.CALC_REMOVE))
            .build();

    private final Map<String, Mapping> mappings;
    private final List<SystemTable> systemTables;

    /** @param mappings the catalog's mappings by name, as the statement sees them */
    public QueryPlanner(Map<String, Mapping> mappings) {
        this(mappings, List.of());
    }

    /**
     * @param mappings     the catalog's mappings by name, as the statement sees them
     * @param systemTables the tables of the {@value SystemTables#SCHEMA} schema
     */
    public QueryPlanner(Map<String, Mapping> mappings, List<SystemTable> systemTables) {
        this.mappings = Map.copyOf(requireNonNull(mappings, "mappings is null"));
        this.systemTables = List.copyOf(requireNonNull(systemTables, "systemTables is null"));
    }

    /**
     * Validates and plans a query.
     *
     * @throws SqlException with {@link SqlErrorCode#INVALID_QUERY} and the position when the
     *                      query names what does not exist or breaks a typing rule
     */
    public PlannedQuery plan(SqlNode query) {
        JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(ContrailTypeSystem.INSTANCE);
        CalciteSchema rootSchema = CalciteSchema.createRootSchema(false, false);
        CalciteSchema mappingSchema = rootSchema.add(SqlTableMetadata.MAPPING_SCHEMA, new AbstractSchema());
        mappings.forEach((name, mapping) -> {
            MappingTable table = new MappingTable(mapping);
            rootSchema.add(name, table);
            mappingSchema.add(name, table);
        });
        CalciteSchema systemSchema = rootSchema.add(SystemTables.SCHEMA, new AbstractSchema());
        systemTables.forEach(table -> systemSchema.add(table.name(), table));
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        CalciteConnectionConfig connectionConfig = new CalciteConnectionConfigImpl(properties);
        // bare names: the root schema (mappings, also in schema "public") first, then the system schema
        CalciteCatalogReader catalogReader = new CalciteCatalogReader(rootSchema, SqlNameMatchers.withCaseSensitive(true),
                List.of(List.of(), List.of(SystemTables.SCHEMA)), typeFactory, connectionConfig) {
        };
        SqlValidator validator = SqlValidatorUtil.newValidator(
                SqlOperatorTables.chain(ContrailOperatorTable.instance(), catalogReader),
                catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withIdentifierExpansion(true)
                        .withConformance(SqlConformanceEnum.DEFAULT));
        SqlNode validated;
        try {
            validated = validator.validate(ShowJobsExpander.expand(query));
        } catch (CalciteContextException e) {
            throw new SqlException(SqlErrorCode.INVALID_QUERY, "At line " + e.getPosLine() + ", column "
                    + e.getPosColumn() + ": " + e.getCause().getMessage(), e.getPosLine(), e.getPosColumn(),
                    e.getEndPosLine(), e.getEndPosColumn(), e);
        } catch (RuntimeException e) {
            throw new SqlException(SqlErrorCode.INVALID_QUERY, e.getMessage(), e);
        }
        RelDataType parameterTypes = validator.getParameterRowType(validated);

        RexBuilder rexBuilder = new RexBuilder(typeFactory);
        HepPlanner planner = new HepPlanner(PROGRAM);
        planner.setExecutor(RexUtil.EXECUTOR);
        RelOptCluster cluster = RelOptCluster.create(planner, rexBuilder);
        SqlToRelConverter converter = new SqlToRelConverter(
                (rowType, queryString, schemaPath, viewPath) -> {
                    throw new UnsupportedOperationException("views are not supported");
                },
                validator, catalogReader, cluster, StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
        RelRoot root = converter.convertQuery(validated, false, true);
        RelNode logical = root.project();
        HepPlanner subQueries = new HepPlanner(SUB_QUERIES);
        subQueries.setRoot(logical);
        RelNode decorrelated = RelDecorrelator.decorrelateQuery(subQueries.findBestExp(),
                RelFactories.LOGICAL_BUILDER.create(cluster, catalogReader));
        planner.setRoot(decorrelated);
        RelNode optimized = planner.findBestExp();
        return new PlannedQuery(optimized, parameterTypes, rexBuilder, RelOptUtil.toString(optimized));
    }
}
