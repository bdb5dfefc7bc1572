<#--
  Contrail's productions, included into Calcite's Parser.jj by FMPP (see ../config.fmpp).

  House rules (hazelcast-sql/README.md):
  - a production only gathers tokens and a position and builds the AST node; every check that
    can wait until the whole statement is read belongs in the node's validate(), whose message
    texts live in ParserResource;
  - each production is headed by a "Parses ..." comment saying what it accepts;
  - a new keyword goes to both "keywords" and "nonReservedKeywordsToAdd" in config.fmpp;
  - LOOKAHEAD is explicit wherever a non-reserved keyword could also start a name, so JavaCC
    reports no choice conflicts for our productions.
-->

/**
 * Parses the rest of a CREATE statement of ours, after CREATE [OR REPLACE]: JOB, MAPPING or
 * SNAPSHOT.
 */
SqlCreate ContrailCreate(Span s, boolean replace) :
{
    final SqlCreate create;
}
{
    (
        create = SqlCreateJob(s, replace)
    |
        create = SqlCreateMapping(s, replace)
    |
        create = SqlCreateSnapshot(s, replace)
    |
        create = SqlCreateUser(s, replace)
    )
    {
        return create;
    }
}

/**
 * Parses the rest of a DROP statement of ours, after DROP: JOB, MAPPING, SNAPSHOT or USER.
 */
SqlDrop ContrailDrop(Span s, boolean replace) :
{
    final SqlDrop drop;
}
{
    (
        drop = SqlDropJob(s, replace)
    |
        drop = SqlDropMapping(s, replace)
    |
        drop = SqlDropSnapshot(s, replace)
    |
        drop = SqlDropUser(s, replace)
    )
    {
        return drop;
    }
}

/**
 * Parses a CREATE MAPPING statement, after CREATE [OR REPLACE]:
 * MAPPING [IF NOT EXISTS] name [(column type [EXTERNAL NAME x], ...)] TYPE type [OPTIONS (...)].
 */
SqlCreate SqlCreateMapping(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNodeList columns = SqlNodeList.EMPTY;
    final SqlIdentifier type;
    SqlNodeList options = SqlNodeList.EMPTY;
}
{
    <MAPPING>
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    [ columns = MappingColumnList() ]
    <TYPE> type = SimpleIdentifier()
    [ <OPTIONS> options = OptionList() ]
    {
        return new SqlCreateMapping(s.end(this), replace, ifNotExists, name, columns, type, options);
    }
}

/**
 * Parses the parenthesized column list of a CREATE MAPPING statement.
 */
SqlNodeList MappingColumnList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    AddMappingColumn(list)
    ( <COMMA> AddMappingColumn(list) )*
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

/**
 * Parses one column of a CREATE MAPPING statement: name type [EXTERNAL NAME x].
 */
void AddMappingColumn(List<SqlNode> list) :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    SqlIdentifier externalName = null;
}
{
    name = SimpleIdentifier()
    type = DataType()
    [ <EXTERNAL> <NAME> externalName = CompoundIdentifier() ]
    {
        list.add(new SqlMappingColumn(Span.of(name).end(this), name, type, externalName));
    }
}

/**
 * Parses a DROP MAPPING statement, after DROP: MAPPING [IF EXISTS] name.
 */
SqlDrop SqlDropMapping(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <MAPPING>
    ifExists = IfExistsOpt()
    name = CompoundIdentifier()
    {
        return new SqlDropMapping(s.end(this), ifExists, name);
    }
}

/**
 * Parses a CREATE JOB statement, after CREATE [OR REPLACE]:
 * JOB [IF NOT EXISTS] name [OPTIONS (...)] AS statement. The statement is read as SINK INTO,
 * any query or DML; SqlCreateJob.validate() rejects what is not INSERT or SINK INTO.
 */
SqlCreate SqlCreateJob(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNodeList options = SqlNodeList.EMPTY;
    final SqlNode statement;
}
{
    <JOB>
    ifNotExists = IfNotExistsOpt()
    name = SimpleIdentifier()
    [ <OPTIONS> options = OptionList() ]
    <AS>
    (
        LOOKAHEAD(2)
        statement = SqlSinkInto()
    |
        statement = SqlQueryOrDml()
    )
    {
        return new SqlCreateJob(s.end(this), replace, ifNotExists, name, options, statement);
    }
}

/**
 * Parses an ALTER JOB statement:
 * ALTER JOB name { SUSPEND | RESUME | RESTART | OPTIONS (...) RESUME }.
 */
SqlNode SqlAlterJob() :
{
    final Span s;
    final SqlIdentifier name;
    SqlNodeList options = SqlNodeList.EMPTY;
    final SqlAlterJob.Operation operation;
}
{
    <ALTER> { s = span(); }
    <JOB>
    name = SimpleIdentifier()
    (
        <SUSPEND> { operation = SqlAlterJob.Operation.SUSPEND; }
    |
        <RESUME> { operation = SqlAlterJob.Operation.RESUME; }
    |
        <RESTART> { operation = SqlAlterJob.Operation.RESTART; }
    |
        <OPTIONS> options = OptionList()
        <RESUME> { operation = SqlAlterJob.Operation.RESUME; }
    )
    {
        return new SqlAlterJob(s.end(this), name, options, operation);
    }
}

/**
 * Parses a DROP JOB statement, after DROP: JOB [IF EXISTS] name [WITH SNAPSHOT snapshot].
 */
SqlDrop SqlDropJob(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
    SqlIdentifier snapshotName = null;
}
{
    <JOB>
    ifExists = IfExistsOpt()
    name = SimpleIdentifier()
    [ <WITH> <SNAPSHOT> snapshotName = SimpleIdentifier() ]
    {
        return new SqlDropJob(s.end(this), ifExists, name, snapshotName);
    }
}

/**
 * Parses a CREATE SNAPSHOT statement, after CREATE [OR REPLACE]: SNAPSHOT name FOR JOB job.
 */
SqlCreate SqlCreateSnapshot(Span s, boolean replace) :
{
    final SqlIdentifier name;
    final SqlIdentifier jobName;
}
{
    <SNAPSHOT>
    name = SimpleIdentifier()
    <FOR> <JOB>
    jobName = SimpleIdentifier()
    {
        return new SqlCreateSnapshot(s.end(this), replace, name, jobName);
    }
}

/**
 * Parses a DROP SNAPSHOT statement, after DROP: SNAPSHOT [IF EXISTS] name.
 */
SqlDrop SqlDropSnapshot(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <SNAPSHOT>
    ifExists = IfExistsOpt()
    name = SimpleIdentifier()
    {
        return new SqlDropSnapshot(s.end(this), ifExists, name);
    }
}

/**
 * Parses a PAUSE, RESUME or CANCEL statement:
 * { PAUSE | RESUME | CANCEL } { JOB id | JOBS (query) }.
 */
SqlNode SqlControlJobStatement() :
{
    final Span s;
    final SqlControlJob.Action action;
    final SqlNode jobId;
    final SqlNode query;
}
{
    (
        <PAUSE> { action = SqlControlJob.Action.PAUSE; }
    |
        <RESUME> { action = SqlControlJob.Action.RESUME; }
    |
        <CANCEL> { action = SqlControlJob.Action.CANCEL; }
    )
    { s = span(); }
    (
        <JOB> jobId = JobId() {
            return new SqlControlJob(s.end(this), action, jobId);
        }
    |
        <JOBS> query = ParenthesizedJobsQuery() {
            return new SqlControlJobs(s.end(this), action, query);
        }
    )
}

/**
 * Parses a SHOW statement: SHOW MAPPINGS, SHOW SNAPSHOTS, SHOW JOBS [WHERE condition],
 * SHOW JOBS WHEN COMPLETE (query) or SHOW JOB [WHEN COMPLETE] id.
 */
SqlNode SqlShowStatement() :
{
    final Span s;
    SqlNode where = null;
    boolean whenComplete = false;
    final SqlNode jobId;
    final SqlNode query;
}
{
    <SHOW> { s = span(); }
    (
        <MAPPINGS> {
            return new SqlShowMappings(s.end(this));
        }
    |
        <USERS> {
            return new SqlShowUsers(s.end(this));
        }
    |
        <SNAPSHOTS> {
            return new SqlShowSnapshots(s.end(this));
        }
    |
        <JOB>
        [ <WHEN> <COMPLETE> { whenComplete = true; } ]
        jobId = JobId() {
            return new SqlShowJob(s.end(this), whenComplete, jobId);
        }
    |
        <JOBS>
        (
            <WHEN> <COMPLETE> query = ParenthesizedJobsQuery() {
                return new SqlShowJobsWhenComplete(s.end(this), query);
            }
        |
            [ where = Where() ] {
                return new SqlShowJobs(s.end(this), where);
            }
        )
    )
}

/**
 * Parses SHOW JOBS [WHERE condition] where Calcite expects a query: in WITH, in parentheses,
 * after a set operator; it reads as SELECT * FROM [SHOW JOBS] [WHERE condition]. The build
 * hooks this production into Calcite's LeafQuery().
 *
 * <p>The other SHOW statements are no queries, but are parsed up to their keyword here: a
 * misspelt SHOW statement falls through to this production, and its error should list every
 * word that may follow SHOW.
 */
SqlNode ContrailLeafQuery(ExprContext exprContext) :
{
    final Span s;
    SqlNode where = null;
}
{
    {
        // as Calcite does for SELECT: a query must be legal where we are
        checkQueryExpression(exprContext);
    }
    <SHOW> { s = span(); }
    (
        <JOBS>
        [ where = Where() ]
        {
            return SqlShowJobs.asQuery(s.end(this), where);
        }
    |
        ( <JOB> | <MAPPINGS> | <SNAPSHOTS> )
        {
            throw SqlUtil.newContextException(s.end(this),
                ParserResource.RESOURCE.showIsNotQuery(token.image.toUpperCase(Locale.ROOT)));
        }
    )
}

/**
 * Parses [SHOW JOBS [WHERE condition]] as a table reference in FROM. The build hooks this
 * production into Calcite's ExtendedTableRef().
 */
SqlNode ContrailTableRef() :
{
    final Span s;
    SqlNode where = null;
}
{
    <LBRACKET> { s = span(); }
    <SHOW> <JOBS>
    [ where = Where() ]
    <RBRACKET>
    {
        return new SqlShowJobs(s.end(this), where);
    }
}

/**
 * Parses a SINK INTO statement: SINK INTO table [(column, ...)] query.
 */
SqlNode SqlSinkInto() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNodeList columns = null;
    final SqlNode source;
}
{
    <SINK> { s = span(); }
    <INTO>
    table = CompoundTableIdentifier()
    [
        LOOKAHEAD(2)
        columns = ParenthesizedSimpleIdentifierList()
    ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlSinkInto(s.end(source), table, columns, source);
    }
}

/**
 * Parses an EXPLAIN statement: EXPLAIN [PLAN [detail] [depth] [AS format] FOR] statement,
 * where the statement is a query, INSERT, UPDATE, DELETE, MERGE or SINK INTO. It replaces
 * Calcite's SqlExplain(), which knows no SINK INTO and insists on PLAN FOR; the result is
 * Calcite's SqlExplain node all the same.
 */
SqlNode SqlExplainStatement() :
{
    final Span s;
    SqlExplainLevel detailLevel = SqlExplainLevel.EXPPLAN_ATTRIBUTES;
    SqlExplain.Depth depth = SqlExplain.Depth.PHYSICAL;
    SqlExplainFormat format = SqlExplainFormat.TEXT;
    final SqlNode statement;
}
{
    <EXPLAIN> { s = span(); }
    [
        LOOKAHEAD(2)
        <PLAN>
        [ detailLevel = ExplainDetailLevel() ]
        depth = ExplainDepth()
        [
            LOOKAHEAD(2)
            <AS> <XML> { format = SqlExplainFormat.XML; }
        |
            LOOKAHEAD(2)
            <AS> <JSON> { format = SqlExplainFormat.JSON; }
        |
            <AS> <DOT_FORMAT> { format = SqlExplainFormat.DOT; }
        ]
        <FOR>
    ]
    (
        LOOKAHEAD(2)
        statement = SqlSinkInto()
    |
        statement = SqlQueryOrDml()
    )
    {
        return new SqlExplain(s.end(statement), statement,
            detailLevel.symbol(SqlParserPos.ZERO),
            depth.symbol(SqlParserPos.ZERO),
            format.symbol(SqlParserPos.ZERO),
            nDynamicParams);
    }
}

/**
 * Parses a job id: a number, a string or a dynamic parameter ("?").
 */
SqlNode JobId() :
{
    final SqlNode e;
}
{
    (
        e = NumericLiteral()
    |
        e = StringLiteral()
    |
        e = DynamicParam()
    )
    {
        return e;
    }
}

/**
 * Parses the parenthesized query that gives the ids of the jobs in PAUSE JOBS, RESUME JOBS,
 * CANCEL JOBS and SHOW JOBS WHEN COMPLETE.
 */
SqlNode ParenthesizedJobsQuery() :
{
    SqlNode query;
}
{
    <LPAREN>
    query = Query(ExprContext.ACCEPT_QUERY)
    query = OrderByLimitOpt(query)
    <RPAREN>
    {
        return query;
    }
}

/**
 * Parses an option list: ('key' = 'value', ...), where a key may also be a name.
 */
SqlNodeList OptionList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    AddOption(list)
    ( <COMMA> AddOption(list) )*
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

/**
 * Parses one option: 'key' = 'value' or key = 'value'.
 */
void AddOption(List<SqlNode> list) :
{
    final SqlNode key;
    final SqlNode value;
}
{
    (
        key = OptionString()
    |
        key = SimpleIdentifier()
    )
    <EQ>
    value = OptionString()
    {
        list.add(new SqlOption(Span.of(key).end(this), key, value));
    }
}

/**
 * Parses a plain single-quoted string, as option keys and values are written.
 */
SqlNode OptionString() :
{
}
{
    <QUOTED_STRING> {
        return SqlLiteral.createCharString(SqlParserUtil.parseString(token.image), getPos());
    }
}

/**
 * Parses an optional IF NOT EXISTS. IF is not reserved, so three tokens decide.
 */
boolean IfNotExistsOpt() :
{
}
{
    LOOKAHEAD(3)
    <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

/**
 * Parses an optional IF EXISTS. IF is not reserved, so two tokens decide.
 */
boolean IfExistsOpt() :
{
}
{
    LOOKAHEAD(2)
    <IF> <EXISTS> { return true; }
|
    { return false; }
}

/**
 * Parses a CREATE USER statement, after CREATE [OR REPLACE]:
 * USER [IF NOT EXISTS] name [WITH] [option ...].
 */
SqlCreate SqlCreateUser(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlNodeList options;
}
{
    <USER>
    ifNotExists = IfNotExistsOpt()
    name = SimpleIdentifier()
    options = UserOptionList()
    {
        return new SqlCreateUser(s.end(this), replace, ifNotExists, name, options);
    }
}

/**
 * Parses an ALTER USER statement: ALTER USER [IF EXISTS] name [WITH] option ....
 */
SqlNode SqlAlterUser() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier name;
    final SqlNodeList options;
}
{
    <ALTER> { s = span(); }
    <USER>
    ifExists = IfExistsOpt()
    name = SimpleIdentifier()
    options = UserOptionList()
    {
        return new SqlAlterUser(s.end(this), ifExists, name, options);
    }
}

/**
 * Parses the options of CREATE USER and ALTER USER: [WITH] { PASSWORD 'pw' | PASSWORD NULL |
 * CONTROLJOB | NOCONTROLJOB } ..., possibly none.
 */
SqlNodeList UserOptionList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    Span option;
    SqlNode text;
    SqlLiteral password;
}
{
    { s = span(); }
    [ <WITH> ]
    (
        <PASSWORD> { option = span(); }
        (
            text = StringLiteral() { password = (SqlLiteral) text; }
        |
            <NULL> { password = SqlLiteral.createNull(getPos()); }
        )
        { list.add(new SqlUserOption(option.end(this), SqlUserOption.Kind.PASSWORD, password)); }
    |
        <CONTROLJOB> { list.add(new SqlUserOption(getPos(), SqlUserOption.Kind.CONTROLJOB, null)); }
    |
        <NOCONTROLJOB> { list.add(new SqlUserOption(getPos(), SqlUserOption.Kind.NOCONTROLJOB, null)); }
    )*
    {
        return new SqlNodeList(list, s.end(this));
    }
}

/**
 * Parses a DROP USER statement, after DROP: USER [IF EXISTS] name [, name ...].
 */
SqlDrop SqlDropUser(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlNodeList names;
}
{
    <USER>
    ifExists = IfExistsOpt()
    names = UserNameList()
    {
        return new SqlDropUser(s.end(this), ifExists, names);
    }
}

/**
 * Parses GRANT role TO name [, name ...] and REVOKE role FROM name [, name ...].
 */
SqlNode SqlGrantRole() :
{
    final Span s;
    final boolean grant;
    final SqlIdentifier role;
    final SqlNodeList users;
}
{
    (
        <GRANT> { s = span(); grant = true; }
        role = SimpleIdentifier()
        <TO>
    |
        <REVOKE> { s = span(); grant = false; }
        role = SimpleIdentifier()
        <FROM>
    )
    users = UserNameList()
    {
        return new SqlGrantRole(s.end(this), grant, role, users);
    }
}

/**
 * Parses user names separated by commas.
 */
SqlNodeList UserNameList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlIdentifier name;
}
{
    name = SimpleIdentifier() { s = span(); list.add(name); }
    ( <COMMA> name = SimpleIdentifier() { list.add(name); } )*
    {
        return new SqlNodeList(list, s.end(this));
    }
}
