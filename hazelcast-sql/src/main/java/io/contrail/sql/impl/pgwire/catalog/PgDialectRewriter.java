package io.contrail.sql.impl.pgwire.catalog;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.SqlTableMetadata;
import io.contrail.sql.impl.pgwire.SqlText;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlRowTypeNameSpec;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Turns the PostgreSQL that clients write against the catalog into SQL Calcite runs:
 *
 * <ul>
 *   <li>before parsing, {@code OPERATOR(pg_catalog.~)} becomes {@code ~},
 *       {@code COLLATE pg_catalog.default} goes (collations do not change Contrail's comparisons)
 *       and {@code ::text[]} becomes {@code ::text ARRAY};</li>
 *   <li>{@code '{a,b}'::text[]} becomes {@code ARRAY['a', 'b']};</li>
 *   <li>casts to PostgreSQL's type names ({@code ::text}, {@code ::int4}, {@code ::oid}, ...) become
 *       casts to the standard types; {@code 'name'::regclass}, {@code ::regtype} and
 *       {@code ::regnamespace} of a literal become the OID, looked up now;</li>
 *   <li>the functions of the session ({@code current_database()}, {@code current_schemas(bool)},
 *       {@code current_user}, {@code pg_backend_pid()}, {@code version()}) become literals, and
 *       those that read the catalog ({@code pg_get_userbyid}, {@code pg_table_is_visible},
 *       {@code array_upper}) become the sub-queries or expressions that compute them;</li>
 *   <li>{@code pg_catalog.f(...)} of a standard function becomes {@code f(...)};</li>
 *   <li>the parameters ({@code ?}) become literals of their values.</li>
 * </ul>
 *
 * <p>Threading: one instance per query, used by one thread.
 */
final class PgDialectRewriter extends SqlShuttle {

    private static final Pattern OPERATOR = Pattern.compile(
            "(?i)OPERATOR\\s*\\(\\s*(?:pg_catalog\\s*\\.\\s*)?([^\\s()]+)\\s*\\)");
    private static final Pattern COLLATE = Pattern.compile(
            "(?i)\\bCOLLATE\\s+(?:pg_catalog\\s*\\.\\s*)?(?:\"[^\"]*\"|\\w+)");
    /** {@code ::text[]} or {@code AS text[]}: an array type, which Calcite writes {@code text ARRAY}. */
    private static final Pattern ARRAY_TYPE = Pattern.compile(
            "(?i)(::\\s*|\\bAS\\s+)((?:\\w+\\s*\\.\\s*)?\\w+)\\s*\\[\\s*]");
    private static final Map<String, SqlTypeName> TYPE_NAMES = Map.ofEntries(
            Map.entry("text", SqlTypeName.VARCHAR), Map.entry("name", SqlTypeName.VARCHAR),
            Map.entry("bpchar", SqlTypeName.VARCHAR), Map.entry("citext", SqlTypeName.VARCHAR),
            Map.entry("regproc", SqlTypeName.VARCHAR), Map.entry("regprocedure", SqlTypeName.VARCHAR),
            Map.entry("int2", SqlTypeName.SMALLINT), Map.entry("int4", SqlTypeName.INTEGER),
            Map.entry("int", SqlTypeName.INTEGER), Map.entry("oid", SqlTypeName.INTEGER),
            Map.entry("xid", SqlTypeName.INTEGER), Map.entry("regclass", SqlTypeName.INTEGER),
            Map.entry("regtype", SqlTypeName.INTEGER), Map.entry("regnamespace", SqlTypeName.INTEGER),
            Map.entry("regrole", SqlTypeName.INTEGER), Map.entry("int8", SqlTypeName.BIGINT),
            Map.entry("float4", SqlTypeName.REAL), Map.entry("float8", SqlTypeName.DOUBLE),
            Map.entry("bool", SqlTypeName.BOOLEAN));
    private static final String EXPAND_ARRAY = "_pg_expandarray";
    private static final String EXPANDED = "_pg_expanded";
    /** The functions whose value comes from the session: the user, the database, the schema. */
    private static final Set<String> SESSION_FUNCTIONS = Set.of("current_user", "session_user", "user", "current_role",
            "current_database", "current_catalog", "current_schema");

    private final PgCatalogSchema catalog;
    private final String user;
    private final int processId;
    private final Object[] parameters;
    private final SqlParser.Config parserConfig;

    PgDialectRewriter(PgCatalogSchema catalog, String user, int processId, Object[] parameters,
                      SqlParser.Config parserConfig) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.user = requireNonNull(user, "user is null");
        this.processId = processId;
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.parserConfig = requireNonNull(parserConfig, "parserConfig is null");
    }

    /** The text rewrites, done before parsing. */
    static String normalizeText(String sql) {
        return SqlText.mapCode(sql, code -> ARRAY_TYPE.matcher(
                COLLATE.matcher(OPERATOR.matcher(code).replaceAll(" $1 ")).replaceAll("")).replaceAll("$1$2 ARRAY"));
    }

    @Override
    public SqlNode visit(SqlDynamicParam param) {
        if (param.getIndex() >= parameters.length) {
            throw new SqlException(SqlErrorCode.PARAMETER_MISMATCH, "The query has more parameters than the "
                    + parameters.length + " given");
        }
        return literal(parameters[param.getIndex()], param.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlIdentifier identifier) {
        if (identifier.isSimple()) {
            String name = identifier.getSimple().toLowerCase(Locale.ROOT);
            if (SESSION_FUNCTIONS.contains(name)) {
                // niladic functions written without parentheses, which Calcite parses as names
                return sessionValue(name, identifier.getParserPosition());
            }
        }
        return identifier;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call.getKind() == SqlKind.AS) {
            // only the expression: the aliases are names, even "current_user"
            List<SqlNode> operands = new ArrayList<>(call.getOperandList());
            operands.set(0, operands.get(0).accept(this));
            return call.getOperator().createCall(call.getParserPosition(), operands);
        }
        SqlNode visited = super.visit(call instanceof SqlSelect select ? namedAfterFunctions(select) : call);
        if (!(visited instanceof SqlCall rewritten)) {
            return visited;
        }
        if (rewritten.getKind() == SqlKind.CAST && rewritten.operandCount() == 2
                && rewritten.operand(1) instanceof SqlDataTypeSpec type) {
            return cast(rewritten.operand(0), type, rewritten.getParserPosition());
        }
        if (rewritten instanceof SqlSelect select) {
            return expandArrays(select);
        }
        if (rewritten.getOperator() instanceof SqlQuantifyOperator) {
            // 'd' = ANY(text_array): PostgreSQL's literal is text, Calcite's CHAR(1) does not compare with an array of VARCHAR
            List<SqlNode> operands = new ArrayList<>(rewritten.getOperandList());
            operands.set(0, varchar(operands.get(0)));
            return rewritten.getOperator().createCall(rewritten.getParserPosition(), operands);
        }
        if (rewritten instanceof SqlCase caseExpression) {
            return varcharResults(caseExpression);
        }
        if (rewritten.getOperator() instanceof SqlFunction function) {
            return function(rewritten, function);
        }
        return rewritten;
    }

    /**
     * PostgreSQL's set-returning {@code information_schema._pg_expandarray(array)} in a select
     * list, which yields one row {@code (x, n)} per element and its position: the select gets
     * {@code , UNNEST(array) WITH ORDINALITY AS expanded(x, n)} in its FROM, and each
     * {@code (call).x} or {@code (call).n} reads that, and a bare call a {@code ROW(x, n)}.
     * Several calls must expand the same array (PostgreSQL would run them in lockstep).
     */
    private SqlSelect expandArrays(SqlSelect select) {
        List<SqlCall> calls = new ArrayList<>();
        select.getSelectList().forEach(item -> collectExpandArray(item, calls));
        if (calls.isEmpty()) {
            return select;
        }
        SqlNode array = calls.get(0).operand(0);
        if (calls.stream().anyMatch(call -> !call.operand(0).equalsDeep(array, Litmus.IGNORE))) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT,
                    "_pg_expandarray of different arrays in one select list is not supported");
        }
        SqlParserPos pos = select.getParserPosition();
        SqlNodeList items = new SqlNodeList(pos);
        select.getSelectList().forEach(item -> items.add(item.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                if (call.getKind() == SqlKind.DOT && isExpandArray(call.operand(0))) {
                    return new SqlIdentifier(List.of(EXPANDED, ((SqlIdentifier) call.operand(1)).getSimple()), pos);
                }
                if (isExpandArray(call)) {
                    SqlNode row = SqlStdOperatorTable.ROW.createCall(pos,
                            new SqlIdentifier(List.of(EXPANDED, "x"), pos), new SqlIdentifier(List.of(EXPANDED, "n"), pos));
                    SqlRowTypeNameSpec rowType = new SqlRowTypeNameSpec(pos,
                            List.of(new SqlIdentifier("x", pos), new SqlIdentifier("n", pos)),
                            List.of(typeSpec(SqlTypeName.INTEGER, pos), typeSpec(SqlTypeName.INTEGER, pos)));
                    return SqlStdOperatorTable.CAST.createCall(pos, row, new SqlDataTypeSpec(rowType, pos));
                }
                return super.visit(call);
            }
        })));
        SqlNode unnest = SqlStdOperatorTable.AS.createCall(pos,
                SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, array),
                new SqlIdentifier(EXPANDED, pos), new SqlIdentifier("x", pos), new SqlIdentifier("n", pos));
        SqlNode from = select.getFrom() == null ? unnest : new SqlJoin(pos, select.getFrom(),
                SqlLiteral.createBoolean(false, pos), JoinType.COMMA.symbol(pos), unnest,
                JoinConditionType.NONE.symbol(pos), null);
        return new SqlSelect(pos, (SqlNodeList) select.getOperandList().get(0), items, from, select.getWhere(),
                select.getGroup(), select.getHaving(), select.getWindowList(), select.getQualify(), select.getOrderList(),
                select.getOffset(), select.getFetch(), select.getHints());
    }

    private static void collectExpandArray(SqlNode node, List<SqlCall> calls) {
        if (node instanceof SqlCall call) {
            if (isExpandArray(call)) {
                calls.add(call);
            } else {
                call.getOperandList().forEach(operand -> collectExpandArray(operand, calls));
            }
        }
    }

    private static boolean isExpandArray(SqlNode node) {
        return node instanceof SqlCall call && call.getOperator() instanceof SqlFunction function
                && function.getName().equalsIgnoreCase(EXPAND_ARRAY) && call.operandCount() == 1;
    }

    /**
     * The CASE with its string literal results cast to VARCHAR: in PostgreSQL they are text, and
     * Calcite's CHAR of the longest would pad the shorter ones with spaces.
     */
    private static SqlCase varcharResults(SqlCase caseExpression) {
        SqlNodeList thens = new SqlNodeList(caseExpression.getThenOperands().getParserPosition());
        caseExpression.getThenOperands().forEach(then -> thens.add(varchar(then)));
        return new SqlCase(caseExpression.getParserPosition(), caseExpression.getValueOperand(),
                caseExpression.getWhenOperands(), thens, varchar(caseExpression.getElseOperand()));
    }

    private static SqlNode varchar(SqlNode node) {
        if (!(node instanceof SqlCharStringLiteral)) {
            return node;
        }
        SqlParserPos pos = node.getParserPosition();
        return SqlStdOperatorTable.CAST.createCall(pos, node, typeSpec(SqlTypeName.VARCHAR, pos));
    }

    private SqlNode cast(SqlNode operand, SqlDataTypeSpec type, SqlParserPos pos) {
        if (type.getTypeNameSpec() instanceof SqlCollectionTypeNameSpec array) {
            return arrayCast(operand, array, pos);
        }
        String typeName = type.getTypeName().names.get(type.getTypeName().names.size() - 1).toLowerCase(Locale.ROOT);
        SqlTypeName standard = TYPE_NAMES.get(typeName);
        if (standard == null) {
            return SqlStdOperatorTable.CAST.createCall(pos, operand, type);
        }
        if (operand instanceof SqlCharStringLiteral literal) {
            String value = literal.getValueAs(String.class);
            switch (typeName) {
                case "regclass" -> {
                    return SqlLiteral.createExactNumeric(Integer.toString(catalog.relationOid(unquote(value))
                            .orElseThrow(() -> new SqlException(SqlErrorCode.INVALID_QUERY,
                                    "relation \"" + value + "\" does not exist"))), pos);
                }
                case "regtype" -> {
                    return SqlLiteral.createExactNumeric(Integer.toString(PgCatalogTypes.all().stream()
                            .filter(t -> t.name().equals(value) || t.formatName().equals(value)).findFirst()
                            .orElseThrow(() -> new SqlException(SqlErrorCode.INVALID_QUERY,
                                    "type \"" + value + "\" does not exist")).oid()), pos);
                }
                case "regnamespace" -> {
                    return SqlLiteral.createExactNumeric(Integer.toString(PgCatalogSchema.namespaceOid(value)
                            .orElseThrow(() -> new SqlException(SqlErrorCode.INVALID_QUERY,
                                    "schema \"" + value + "\" does not exist"))), pos);
                }
                case "regproc", "regprocedure" -> {
                    // a function's name as typinput and the like hold it, without its schema
                    return SqlLiteral.createCharString(value.startsWith("pg_catalog.")
                            ? value.substring("pg_catalog.".length()) : value, pos);
                }
                default -> {
                }
            }
        }
        return SqlStdOperatorTable.CAST.createCall(pos, operand, typeSpec(standard, pos));
    }

    /**
     * {@code '{a,"b c",NULL}'::text[]}: PostgreSQL's array literal as an ARRAY of its elements,
     * each cast to the element type.
     */
    private SqlNode arrayCast(SqlNode operand, SqlCollectionTypeNameSpec array, SqlParserPos pos) {
        String element = array.getElementTypeName().getTypeName().getSimple().toLowerCase(Locale.ROOT);
        SqlTypeName elementType = TYPE_NAMES.getOrDefault(element, SqlTypeName.get(element.toUpperCase(Locale.ROOT)));
        if (!(operand instanceof SqlCharStringLiteral literal) || elementType == null) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "Only a literal '{...}' casts to an array of a "
                    + "standard type in a catalog query");
        }
        String text = literal.getValueAs(String.class).strip();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new SqlException(SqlErrorCode.DATA_CONVERSION_ERROR, "malformed array literal: \"" + text + "\"");
        }
        List<SqlNode> elements = new ArrayList<>();
        for (String value : arrayElements(text.substring(1, text.length() - 1))) {
            SqlNode elementLiteral = value == null ? SqlLiteral.createNull(pos) : SqlLiteral.createCharString(value, pos);
            elements.add(SqlStdOperatorTable.CAST.createCall(pos, elementLiteral, typeSpec(elementType, pos)));
        }
        if (elements.isEmpty()) {
            throw new SqlException(SqlErrorCode.UNSUPPORTED_STATEMENT, "An empty array literal '{}' is not supported"
                    + " in a catalog query");
        }
        return SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(pos, elements);
    }

    /** The elements of an array literal's inside: comma-separated, optionally double-quoted, NULL for null. */
    private static List<String> arrayElements(String inside) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (quoted && c == '\\' && i + 1 < inside.length()) {
                current.append(inside.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                wasQuoted = true;
            } else if (c == ',' && !quoted) {
                elements.add(element(current, wasQuoted));
                current.setLength(0);
                wasQuoted = false;
            } else {
                current.append(c);
            }
        }
        if (!inside.isBlank()) {
            elements.add(element(current, wasQuoted));
        }
        return elements;
    }

    private static String element(StringBuilder text, boolean quoted) {
        String value = quoted ? text.toString() : text.toString().strip();
        return !quoted && value.equalsIgnoreCase("NULL") ? null : value;
    }

    private static SqlDataTypeSpec typeSpec(SqlTypeName type, SqlParserPos pos) {
        return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, pos), pos);
    }

    /** {@code "public"."t"} or {@code public.t} as the catalog's key {@code public.t}. */
    private static String unquote(String relation) {
        return relation.replace("\"", "");
    }

    private SqlNode function(SqlCall call, SqlFunction function) {
        SqlIdentifier identifier = function.getSqlIdentifier();
        List<String> names = identifier != null ? identifier.names : List.of(function.getName());
        String name = names.get(names.size() - 1).toLowerCase(Locale.ROOT);
        boolean qualified = names.size() > 1;
        if (qualified && !names.get(0).equalsIgnoreCase(PgCatalogSchema.PG_CATALOG)) {
            return call;
        }
        SqlParserPos pos = call.getParserPosition();
        List<SqlNode> args = call.getOperandList();
        if (SESSION_FUNCTIONS.contains(name)) {
            return sessionValue(name, pos);
        }
        switch (name) {
            case "current_schemas" -> {
                boolean implicit = args.size() != 1 || !(args.get(0) instanceof SqlLiteral flag)
                        || !Boolean.FALSE.equals(flag.getValueAs(Boolean.class));
                return expression(implicit ? "ARRAY[CAST('pg_catalog' AS VARCHAR), CAST('public' AS VARCHAR)]"
                        : "ARRAY[CAST('public' AS VARCHAR)]", args);
            }
            case "pg_backend_pid" -> {
                return SqlLiteral.createExactNumeric(Integer.toString(processId), pos);
            }
            case "version" -> {
                return SqlLiteral.createCharString(PgCatalogQueries.VERSION, pos);
            }
            case "pg_get_userbyid" -> {
                return expression("(SELECT r.rolname FROM pg_catalog.pg_roles r WHERE r.oid = ?)", args);
            }
            case "pg_table_is_visible" -> {
                return visible("pg_class", "relnamespace", args);
            }
            case "pg_type_is_visible" -> {
                return visible("pg_type", "typnamespace", args);
            }
            case "pg_function_is_visible" -> {
                return visible("pg_proc", "pronamespace", args);
            }
            case "array_upper" -> {
                return expression(isOne(args) ? "NULLIF(CARDINALITY(?), 0)" : "CAST(NULL AS INTEGER)", args);
            }
            case "array_lower" -> {
                return expression(isOne(args) ? "CASE WHEN CARDINALITY(?) > 0 THEN 1 END" : "CAST(NULL AS INTEGER)",
                        args);
            }
            default -> {
                if (function instanceof SqlUnresolvedFunction && identifier != null
                        && !PgCatalogFunctions.NAMES.contains(name)) {
                    // a standard function: Calcite's names are upper case, and it has no pg_catalog schema
                    SqlFunction standard = new SqlUnresolvedFunction(new SqlIdentifier(name.toUpperCase(Locale.ROOT),
                            identifier.getParserPosition()), null, null, null, null,
                            SqlFunctionCategory.USER_DEFINED_FUNCTION);
                    return standard.createCall(call.getFunctionQuantifier(), pos, args.toArray(new SqlNode[0]));
                }
                return call;
            }
        }
    }

    /** Whether the object of that OID is in a schema of the search path: {@code pg_catalog}, {@code public}. */
    private SqlNode visible(String table, String namespaceColumn, List<SqlNode> args) {
        return expression("EXISTS (SELECT 1 FROM pg_catalog." + table + " o JOIN pg_catalog.pg_namespace n ON o."
                + namespaceColumn + " = n.oid WHERE o.oid = ? AND n.nspname IN ('pg_catalog', 'public'))", args);
    }

    private SqlNode sessionValue(String function, SqlParserPos pos) {
        return SqlLiteral.createCharString(switch (function) {
            case "current_database", "current_catalog" -> PgCatalogQueries.DATABASE;
            case "current_schema" -> SqlTableMetadata.MAPPING_SCHEMA;
            default -> user;
        }, pos);
    }

    /**
     * The select with each unnamed function-call column named after its function, as PostgreSQL
     * names it ({@code SELECT version()} has a column {@code version}); Calcite would say
     * {@code EXPR$0}.
     */
    private static SqlSelect namedAfterFunctions(SqlSelect select) {
        SqlNodeList items = new SqlNodeList(select.getSelectList().getParserPosition());
        for (SqlNode item : select.getSelectList()) {
            String name = null;
            if (item instanceof SqlCall call && call.getOperator() instanceof SqlFunction function) {
                name = function.getName();
            } else if (item instanceof SqlIdentifier identifier && identifier.isSimple()
                    && SESSION_FUNCTIONS.contains(identifier.getSimple().toLowerCase(Locale.ROOT))) {
                name = identifier.getSimple();
            }
            items.add(name == null ? item : SqlStdOperatorTable.AS.createCall(item.getParserPosition(), item,
                    new SqlIdentifier(name.toLowerCase(Locale.ROOT), item.getParserPosition())));
        }
        select.setSelectList(items);
        return select;
    }

    private static boolean isOne(List<SqlNode> args) {
        return args.size() == 2 && args.get(1) instanceof SqlNumericLiteral dimension
                && dimension.getValueAs(Integer.class) == 1;
    }

    /** Parses a PostgreSQL expression whose {@code ?} stand for {@code args[0]}. */
    private SqlNode expression(String template, List<SqlNode> args) {
        SqlNode parsed;
        try {
            parsed = SqlParser.create(template, parserConfig).parseExpression();
        } catch (SqlParseException e) {
            throw new IllegalStateException("Bad template " + template, e);
        }
        return parsed.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                return args.get(0);
            }
        });
    }

    private static SqlNode literal(Object value, SqlParserPos pos) {
        if (value == null) {
            return SqlLiteral.createNull(pos);
        }
        if (value instanceof Boolean bool) {
            return SqlLiteral.createBoolean(bool, pos);
        }
        if (value instanceof Float || value instanceof Double) {
            return SqlLiteral.createApproxNumeric(value.toString(), pos);
        }
        if (value instanceof Number number) {
            return SqlLiteral.createExactNumeric(new BigDecimal(number.toString()).toPlainString(), pos);
        }
        return SqlLiteral.createCharString(value.toString(), pos);
    }
}
