package io.contrail.sql.impl.pgwire.catalog;

import io.contrail.sql.SqlColumnMetadata;
import io.contrail.sql.SqlTableMetadata;
import io.contrail.sql.impl.users.UserStore;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;
import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.REAL;
import static org.apache.calcite.sql.type.SqlTypeName.SMALLINT;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

/**
 * The {@code pg_catalog} and {@code information_schema} schemas, as one query sees them: the
 * tables a user's queries can read ({@link SqlTableMetadata}: mappings in schema {@code public}
 * as tables, system tables in schema {@code system} as views), the catalog's own tables, the
 * database {@code contrail}, the users as roles and the session's settings.
 *
 * <p>OIDs: the schemas, the catalog's tables and the types have PostgreSQL's numbers (or fixed
 * ones below 16384, where PostgreSQL's own objects are); a table of the user's gets
 * 16384 + a hash of its qualified name, so it keeps its OID while it exists, which clients that
 * cache OIDs rely on. Every object is owned by the bootstrap admin, role 10.
 *
 * <p>Threading: built per query by one thread; read-only once built.
 */
final class PgCatalogSchema {

    static final String PG_CATALOG = "pg_catalog";
    static final String INFORMATION_SCHEMA = "information_schema";
    static final int DATABASE_OID = 5;
    static final int BOOTSTRAP_ROLE_OID = 10;

    private static final int FIRST_USER_OID = 16_384;
    private static final int UTF8 = 6;
    /** PostgreSQL's OIDs of the schemas, then fixed ones for Contrail's. */
    private static final Map<String, Integer> NAMESPACES = orderedMap(
            PG_CATALOG, 11, SqlTableMetadata.MAPPING_SCHEMA, 2200, INFORMATION_SCHEMA, 12_000, "system", 12_001);
    /** PostgreSQL's OIDs of its catalog tables; views without a fixed OID get 12100 onwards. */
    private static final Map<String, Integer> CATALOG_TABLE_OIDS = orderedMap(
            "pg_type", 1247, "pg_attribute", 1249, "pg_proc", 1255, "pg_class", 1259, "pg_authid", 1260,
            "pg_auth_members", 1261, "pg_database", 1262, "pg_am", 2601, "pg_attrdef", 2604, "pg_constraint", 2606,
            "pg_description", 2609, "pg_index", 2610, "pg_namespace", 2615, "pg_inherits", 2611, "pg_trigger", 2620,
            "pg_tablespace", 1213, "pg_collation", 3456, "pg_policy", 3256, "pg_statistic_ext", 3381,
            "pg_publication", 6104, "pg_publication_rel", 6106, "pg_publication_namespace", 6237, "pg_sequence", 2224,
            "pg_extension", 3079, "pg_enum", 3501, "pg_range", 3541, "pg_shdescription", 2396,
            "pg_foreign_data_wrapper", 2328, "pg_foreign_server", 1417, "pg_foreign_table", 3118,
            "pg_event_trigger", 3466, "pg_aggregate", 2600, "pg_language", 2612, "pg_depend", 2608,
            "pg_rewrite", 2618, "pg_default_acl", 826);

    private final Map<String, PgCatalogTable> pgCatalog = new LinkedHashMap<>();
    private final Map<String, PgCatalogTable> informationSchema = new LinkedHashMap<>();
    /** The name of the bootstrap admin, who owns every object. */
    private final String owner;
    /** Relation OIDs by {@code schema.name} and, for the search path's schemas, by bare name. */
    private final Map<String, Integer> relationOids = new HashMap<>();

    /** The catalog as the session sees it. */
    PgCatalogSchema(PgCatalogQueries.Session session) {
        requireNonNull(session, "session is null");
        List<PgCatalogQueries.Role> roles = session.roles();
        this.owner = roles.isEmpty() ? UserStore.ADMIN : roles.get(0).name();
        defineTables();
        List<Relation> relations = relations(session.tables());
        fillNamespaces();
        fillRelations(relations);
        fillTypes();
        fillDatabase();
        Map<String, Integer> roleOids = fillRoles(roles);
        fillSettings(session.settings());
        fillActivity(session, roleOids);
        pgCatalog.get("pg_am").row(row("oid", 2, "amname", "heap", "amtype", "t"))
                .row(row("oid", 403, "amname", "btree", "amtype", "i"))
                .row(row("oid", 405, "amname", "hash", "amtype", "i"));
        pgCatalog.get("pg_collation").row(row("oid", 100, "collname", "default", "collnamespace", 11,
                "collprovider", "d", "collencoding", -1));
        pgCatalog.get("pg_tablespace").row(row("oid", 1663, "spcname", "pg_default", "spcowner", BOOTSTRAP_ROLE_OID));
        fillTablesAndViews(relations);
        fillInformationSchema(relations);
    }

    /** The names of the tables of {@code pg_catalog}. */
    static List<String> catalogTableNames() {
        return List.copyOf(new PgCatalogSchema(new PgCatalogQueries.Session("", 0, List.of(), List.of(), Map.of(),
                List.of())).pgCatalog.keySet());
    }

    /** Adds {@code pg_catalog} (with its functions) and {@code information_schema} to a root schema. */
    void addTo(SchemaPlus root) {
        SchemaPlus catalog = root.add(PG_CATALOG, new AbstractSchema());
        pgCatalog.forEach(catalog::add);
        PgCatalogFunctions.register(catalog);
        SchemaPlus information = root.add(INFORMATION_SCHEMA, new AbstractSchema());
        informationSchema.forEach(information::add);
    }

    /**
     * The OID of a relation named as in {@code 'name'::regclass}: {@code schema.name}, or a bare
     * name found on the search path ({@code pg_catalog}, then {@code public}).
     */
    Optional<Integer> relationOid(String name) {
        return Optional.ofNullable(relationOids.get(name));
    }

    /** The OID of the schema of that name, or empty. */
    static Optional<Integer> namespaceOid(String name) {
        return Optional.ofNullable(NAMESPACES.get(name));
    }

    private record Relation(int oid, String schema, String name, char kind, List<SqlColumnMetadata> columns,
                            PgCatalogTable catalogTable) {
    }

    private void defineTables() {
        table(pgCatalog, "pg_namespace")
                .column("oid", INTEGER, null).column("nspname", VARCHAR, null)
                .column("nspowner", INTEGER, BOOTSTRAP_ROLE_OID).arrayColumn("nspacl", VARCHAR);
        table(pgCatalog, "pg_class")
                .column("oid", INTEGER, null).column("relname", VARCHAR, null).column("relnamespace", INTEGER, null)
                .column("reltype", INTEGER, 0).column("reloftype", INTEGER, 0)
                .column("relowner", INTEGER, BOOTSTRAP_ROLE_OID).column("relam", INTEGER, 0)
                .column("relfilenode", INTEGER, 0).column("reltablespace", INTEGER, 0).column("relpages", INTEGER, 0)
                .column("reltuples", REAL, -1f).column("relallvisible", INTEGER, 0).column("reltoastrelid", INTEGER, 0)
                .column("relhasindex", BOOLEAN, false).column("relisshared", BOOLEAN, false)
                .column("relpersistence", VARCHAR, "p").column("relkind", VARCHAR, null)
                .column("relnatts", SMALLINT, (short) 0).column("relchecks", SMALLINT, (short) 0)
                .column("relhasrules", BOOLEAN, false).column("relhastriggers", BOOLEAN, false)
                .column("relhassubclass", BOOLEAN, false).column("relrowsecurity", BOOLEAN, false)
                .column("relforcerowsecurity", BOOLEAN, false).column("relispopulated", BOOLEAN, true)
                .column("relreplident", VARCHAR, "n").column("relispartition", BOOLEAN, false)
                .column("relrewrite", INTEGER, 0).column("relfrozenxid", INTEGER, 0).column("relminmxid", INTEGER, 0)
                .arrayColumn("relacl", VARCHAR).arrayColumn("reloptions", VARCHAR).column("relpartbound", VARCHAR, null);
        table(pgCatalog, "pg_attribute")
                .column("attrelid", INTEGER, null).column("attname", VARCHAR, null).column("atttypid", INTEGER, null)
                .column("attstattarget", INTEGER, -1).column("attlen", SMALLINT, null).column("attnum", SMALLINT, null)
                .column("attndims", INTEGER, 0).column("attcacheoff", INTEGER, -1).column("atttypmod", INTEGER, -1)
                .column("attbyval", BOOLEAN, null).column("attalign", VARCHAR, null).column("attstorage", VARCHAR, null)
                .column("attcompression", VARCHAR, "").column("attnotnull", BOOLEAN, false)
                .column("atthasdef", BOOLEAN, false).column("atthasmissing", BOOLEAN, false)
                .column("attidentity", VARCHAR, "").column("attgenerated", VARCHAR, "")
                .column("attisdropped", BOOLEAN, false).column("attislocal", BOOLEAN, true)
                .column("attinhcount", INTEGER, 0).column("attcollation", INTEGER, 0).arrayColumn("attacl", VARCHAR)
                .arrayColumn("attoptions", VARCHAR).arrayColumn("attfdwoptions", VARCHAR);
        table(pgCatalog, "pg_type")
                .column("oid", INTEGER, null).column("typname", VARCHAR, null).column("typnamespace", INTEGER, 11)
                .column("typowner", INTEGER, BOOTSTRAP_ROLE_OID).column("typlen", SMALLINT, null)
                .column("typbyval", BOOLEAN, null).column("typtype", VARCHAR, "b").column("typcategory", VARCHAR, null)
                .column("typispreferred", BOOLEAN, false).column("typisdefined", BOOLEAN, true)
                .column("typdelim", VARCHAR, ",").column("typrelid", INTEGER, 0).column("typsubscript", VARCHAR, "-")
                .column("typelem", INTEGER, 0).column("typarray", INTEGER, 0).column("typinput", VARCHAR, null)
                .column("typoutput", VARCHAR, null).column("typreceive", VARCHAR, null).column("typsend", VARCHAR, null)
                .column("typmodin", VARCHAR, "-").column("typmodout", VARCHAR, "-").column("typanalyze", VARCHAR, "-")
                .column("typalign", VARCHAR, null).column("typstorage", VARCHAR, null)
                .column("typnotnull", BOOLEAN, false).column("typbasetype", INTEGER, 0).column("typtypmod", INTEGER, -1)
                .column("typndims", INTEGER, 0).column("typcollation", INTEGER, 0).column("typdefaultbin", VARCHAR, null)
                .column("typdefault", VARCHAR, null).arrayColumn("typacl", VARCHAR);
        table(pgCatalog, "pg_database")
                .column("oid", INTEGER, null).column("datname", VARCHAR, null)
                .column("datdba", INTEGER, BOOTSTRAP_ROLE_OID).column("encoding", INTEGER, UTF8)
                .column("datlocprovider", VARCHAR, "c").column("datistemplate", BOOLEAN, false)
                .column("datallowconn", BOOLEAN, true).column("datconnlimit", INTEGER, -1)
                .column("datlastsysoid", INTEGER, FIRST_USER_OID - 1).column("datfrozenxid", INTEGER, 0).column("datminmxid", INTEGER, 0)
                .column("dattablespace", INTEGER, 1663).column("datcollate", VARCHAR, "C")
                .column("datctype", VARCHAR, "C").column("daticulocale", VARCHAR, null)
                .column("datcollversion", VARCHAR, null).arrayColumn("datacl", VARCHAR);
        table(pgCatalog, "pg_tablespace")
                .column("oid", INTEGER, null).column("spcname", VARCHAR, null).column("spcowner", INTEGER, null)
                .arrayColumn("spcacl", VARCHAR).arrayColumn("spcoptions", VARCHAR);
        table(pgCatalog, "pg_roles")
                .column("oid", INTEGER, null).column("rolname", VARCHAR, null).column("rolsuper", BOOLEAN, false)
                .column("rolinherit", BOOLEAN, true).column("rolcreaterole", BOOLEAN, false)
                .column("rolcreatedb", BOOLEAN, false).column("rolcanlogin", BOOLEAN, true)
                .column("rolreplication", BOOLEAN, false).column("rolconnlimit", INTEGER, -1)
                .column("rolpassword", VARCHAR, "********").column("rolvaliduntil", VARCHAR, null)
                .column("rolbypassrls", BOOLEAN, false).arrayColumn("rolconfig", VARCHAR);
        table(pgCatalog, "pg_user")
                .column("usename", VARCHAR, null).column("usesysid", INTEGER, null).column("usecreatedb", BOOLEAN, false)
                .column("usesuper", BOOLEAN, false).column("userepl", BOOLEAN, false)
                .column("usebypassrls", BOOLEAN, false).column("passwd", VARCHAR, "********")
                .column("valuntil", VARCHAR, null).arrayColumn("useconfig", VARCHAR);
        table(pgCatalog, "pg_auth_members")
                .column("roleid", INTEGER, null).column("member", INTEGER, null).column("grantor", INTEGER, null)
                .column("admin_option", BOOLEAN, false);
        table(pgCatalog, "pg_settings")
                .column("name", VARCHAR, null).column("setting", VARCHAR, null).column("unit", VARCHAR, null)
                .column("category", VARCHAR, "Contrail").column("short_desc", VARCHAR, null)
                .column("extra_desc", VARCHAR, null).column("context", VARCHAR, "user")
                .column("vartype", VARCHAR, "string").column("source", VARCHAR, "default")
                .column("min_val", VARCHAR, null).column("max_val", VARCHAR, null).arrayColumn("enumvals", VARCHAR)
                .column("boot_val", VARCHAR, null).column("reset_val", VARCHAR, null)
                .column("sourcefile", VARCHAR, null).column("sourceline", INTEGER, null)
                .column("pending_restart", BOOLEAN, false);
        table(pgCatalog, "pg_stat_activity")
                .column("datid", INTEGER, null).column("datname", VARCHAR, null).column("pid", INTEGER, null)
                .column("leader_pid", INTEGER, null).column("usesysid", INTEGER, null).column("usename", VARCHAR, null)
                .column("application_name", VARCHAR, null).column("client_addr", VARCHAR, null)
                .column("client_hostname", VARCHAR, null).column("client_port", INTEGER, null)
                .column("backend_start", TIMESTAMP_WITH_LOCAL_TIME_ZONE, null)
                .column("xact_start", TIMESTAMP_WITH_LOCAL_TIME_ZONE, null)
                .column("query_start", TIMESTAMP_WITH_LOCAL_TIME_ZONE, null)
                .column("state_change", TIMESTAMP_WITH_LOCAL_TIME_ZONE, null).column("wait_event_type", VARCHAR, null)
                .column("wait_event", VARCHAR, null).column("state", VARCHAR, null).column("backend_xid", INTEGER, null)
                .column("backend_xmin", INTEGER, null).column("query_id", BIGINT, null).column("query", VARCHAR, null)
                .column("backend_type", VARCHAR, "client backend");
        table(pgCatalog, "pg_am")
                .column("oid", INTEGER, null).column("amname", VARCHAR, null).column("amhandler", VARCHAR, "-")
                .column("amtype", VARCHAR, null);
        // Contrail's tables have no defaults, constraints, indexes, comments, functions, triggers
        // or inheritance that PostgreSQL would describe: these catalogs are empty
        table(pgCatalog, "pg_attrdef")
                .column("oid", INTEGER, null).column("adrelid", INTEGER, null).column("adnum", SMALLINT, null)
                .column("adbin", VARCHAR, null);
        table(pgCatalog, "pg_description")
                .column("objoid", INTEGER, null).column("classoid", INTEGER, null).column("objsubid", INTEGER, null)
                .column("description", VARCHAR, null);
        table(pgCatalog, "pg_constraint")
                .column("oid", INTEGER, null).column("conname", VARCHAR, null).column("connamespace", INTEGER, null)
                .column("contype", VARCHAR, null).column("condeferrable", BOOLEAN, false)
                .column("condeferred", BOOLEAN, false).column("convalidated", BOOLEAN, true)
                .column("conrelid", INTEGER, null).column("contypid", INTEGER, 0).column("conindid", INTEGER, 0)
                .column("conparentid", INTEGER, 0).column("confrelid", INTEGER, 0)
                .column("confupdtype", VARCHAR, null).column("confdeltype", VARCHAR, null)
                .column("confmatchtype", VARCHAR, null).column("conislocal", BOOLEAN, true)
                .column("coninhcount", INTEGER, 0).column("connoinherit", BOOLEAN, false)
                .arrayColumn("conkey", SMALLINT).arrayColumn("confkey", SMALLINT).column("conbin", VARCHAR, null);
        table(pgCatalog, "pg_index")
                .column("indexrelid", INTEGER, null).column("indrelid", INTEGER, null).column("indnatts", SMALLINT, null)
                .column("indnkeyatts", SMALLINT, null).column("indisunique", BOOLEAN, false)
                .column("indisprimary", BOOLEAN, false).column("indisexclusion", BOOLEAN, false)
                .column("indimmediate", BOOLEAN, true).column("indisclustered", BOOLEAN, false)
                .column("indisvalid", BOOLEAN, true).column("indisready", BOOLEAN, true)
                .column("indislive", BOOLEAN, true).column("indisreplident", BOOLEAN, false)
                .arrayColumn("indkey", SMALLINT).arrayColumn("indcollation", INTEGER)
                .arrayColumn("indclass", INTEGER).arrayColumn("indoption", SMALLINT)
                .column("indexprs", VARCHAR, null).column("indpred", VARCHAR, null);
        table(pgCatalog, "pg_inherits")
                .column("inhrelid", INTEGER, null).column("inhparent", INTEGER, null).column("inhseqno", INTEGER, null)
                .column("inhdetachpending", BOOLEAN, false);
        table(pgCatalog, "pg_trigger")
                .column("oid", INTEGER, null).column("tgrelid", INTEGER, null).column("tgname", VARCHAR, null)
                .column("tgfoid", INTEGER, null).column("tgtype", SMALLINT, null).column("tgenabled", VARCHAR, null)
                .column("tgisinternal", BOOLEAN, false);
        table(pgCatalog, "pg_collation")
                .column("oid", INTEGER, null).column("collname", VARCHAR, null).column("collnamespace", INTEGER, null)
                .column("collowner", INTEGER, BOOTSTRAP_ROLE_OID).column("collprovider", VARCHAR, null)
                .column("collisdeterministic", BOOLEAN, true).column("collencoding", INTEGER, null)
                .column("collcollate", VARCHAR, null).column("collctype", VARCHAR, null);
        table(pgCatalog, "pg_policy")
                .column("oid", INTEGER, null).column("polname", VARCHAR, null).column("polrelid", INTEGER, null)
                .column("polcmd", VARCHAR, null).column("polpermissive", BOOLEAN, true)
                .arrayColumn("polroles", INTEGER).column("polqual", VARCHAR, null)
                .column("polwithcheck", VARCHAR, null);
        table(pgCatalog, "pg_statistic_ext")
                .column("oid", INTEGER, null).column("stxrelid", INTEGER, null).column("stxname", VARCHAR, null)
                .column("stxnamespace", INTEGER, null).column("stxowner", INTEGER, BOOTSTRAP_ROLE_OID)
                .column("stxstattarget", INTEGER, -1).arrayColumn("stxkeys", SMALLINT)
                .arrayColumn("stxkind", VARCHAR).column("stxexprs", VARCHAR, null);
        table(pgCatalog, "pg_publication")
                .column("oid", INTEGER, null).column("pubname", VARCHAR, null)
                .column("pubowner", INTEGER, BOOTSTRAP_ROLE_OID).column("puballtables", BOOLEAN, false)
                .column("pubinsert", BOOLEAN, true).column("pubupdate", BOOLEAN, true)
                .column("pubdelete", BOOLEAN, true).column("pubtruncate", BOOLEAN, true)
                .column("pubviaroot", BOOLEAN, false);
        table(pgCatalog, "pg_publication_rel")
                .column("oid", INTEGER, null).column("prpubid", INTEGER, null).column("prrelid", INTEGER, null)
                .column("prqual", VARCHAR, null).arrayColumn("prattrs", SMALLINT);
        table(pgCatalog, "pg_publication_namespace")
                .column("oid", INTEGER, null).column("pnpubid", INTEGER, null).column("pnnspid", INTEGER, null);
        table(pgCatalog, "pg_tables")
                .column("schemaname", VARCHAR, null).column("tablename", VARCHAR, null)
                .column("tableowner", VARCHAR, null).column("tablespace", VARCHAR, null)
                .column("hasindexes", BOOLEAN, false).column("hasrules", BOOLEAN, false)
                .column("hastriggers", BOOLEAN, false).column("rowsecurity", BOOLEAN, false);
        table(pgCatalog, "pg_views")
                .column("schemaname", VARCHAR, null).column("viewname", VARCHAR, null)
                .column("viewowner", VARCHAR, null).column("definition", VARCHAR, null);
        table(pgCatalog, "pg_matviews")
                .column("schemaname", VARCHAR, null).column("matviewname", VARCHAR, null)
                .column("matviewowner", VARCHAR, null).column("tablespace", VARCHAR, null)
                .column("hasindexes", BOOLEAN, false).column("ispopulated", BOOLEAN, true)
                .column("definition", VARCHAR, null);
        table(pgCatalog, "pg_indexes")
                .column("schemaname", VARCHAR, null).column("tablename", VARCHAR, null)
                .column("indexname", VARCHAR, null).column("tablespace", VARCHAR, null)
                .column("indexdef", VARCHAR, null);
        table(pgCatalog, "pg_sequence")
                .column("seqrelid", INTEGER, null).column("seqtypid", INTEGER, null).column("seqstart", BIGINT, null)
                .column("seqincrement", BIGINT, null).column("seqmax", BIGINT, null).column("seqmin", BIGINT, null)
                .column("seqcache", BIGINT, null).column("seqcycle", BOOLEAN, false);
        table(pgCatalog, "pg_extension")
                .column("oid", INTEGER, null).column("extname", VARCHAR, null)
                .column("extowner", INTEGER, BOOTSTRAP_ROLE_OID).column("extnamespace", INTEGER, null)
                .column("extrelocatable", BOOLEAN, false).column("extversion", VARCHAR, null)
                .arrayColumn("extconfig", INTEGER).arrayColumn("extcondition", VARCHAR);
        table(pgCatalog, "pg_enum")
                .column("oid", INTEGER, null).column("enumtypid", INTEGER, null)
                .column("enumsortorder", REAL, null).column("enumlabel", VARCHAR, null);
        table(pgCatalog, "pg_range")
                .column("rngtypid", INTEGER, null).column("rngsubtype", INTEGER, null)
                .column("rngmultitypid", INTEGER, null).column("rngcollation", INTEGER, 0)
                .column("rngsubopc", INTEGER, null).column("rngcanonical", VARCHAR, "-")
                .column("rngsubdiff", VARCHAR, "-");
        table(pgCatalog, "pg_shdescription")
                .column("objoid", INTEGER, null).column("classoid", INTEGER, null)
                .column("description", VARCHAR, null);
        table(pgCatalog, "pg_foreign_data_wrapper")
                .column("oid", INTEGER, null).column("fdwname", VARCHAR, null)
                .column("fdwowner", INTEGER, BOOTSTRAP_ROLE_OID).column("fdwhandler", INTEGER, 0)
                .column("fdwvalidator", INTEGER, 0).arrayColumn("fdwacl", VARCHAR)
                .arrayColumn("fdwoptions", VARCHAR);
        table(pgCatalog, "pg_foreign_server")
                .column("oid", INTEGER, null).column("srvname", VARCHAR, null)
                .column("srvowner", INTEGER, BOOTSTRAP_ROLE_OID).column("srvfdw", INTEGER, null)
                .column("srvtype", VARCHAR, null).column("srvversion", VARCHAR, null)
                .arrayColumn("srvacl", VARCHAR).arrayColumn("srvoptions", VARCHAR);
        table(pgCatalog, "pg_foreign_table")
                .column("ftrelid", INTEGER, null).column("ftserver", INTEGER, null)
                .arrayColumn("ftoptions", VARCHAR);
        table(pgCatalog, "pg_event_trigger")
                .column("oid", INTEGER, null).column("evtname", VARCHAR, null).column("evtevent", VARCHAR, null)
                .column("evtowner", INTEGER, BOOTSTRAP_ROLE_OID).column("evtfoid", INTEGER, null)
                .column("evtenabled", VARCHAR, null).arrayColumn("evttags", VARCHAR);
        table(pgCatalog, "pg_proc")
                .column("oid", INTEGER, null).column("proname", VARCHAR, null).column("pronamespace", INTEGER, null)
                .column("proowner", INTEGER, BOOTSTRAP_ROLE_OID).column("prolang", INTEGER, null)
                .column("procost", REAL, null).column("prorows", REAL, null).column("provariadic", INTEGER, 0)
                .column("prosupport", VARCHAR, "-").column("prokind", VARCHAR, null)
                .column("prosecdef", BOOLEAN, false).column("proleakproof", BOOLEAN, false)
                .column("proisstrict", BOOLEAN, false).column("proretset", BOOLEAN, false)
                .column("provolatile", VARCHAR, null).column("proparallel", VARCHAR, null)
                .column("pronargs", SMALLINT, null).column("pronargdefaults", SMALLINT, null)
                .column("prorettype", INTEGER, null).column("proargtypes", VARCHAR, null)
                .arrayColumn("proallargtypes", INTEGER).arrayColumn("proargmodes", VARCHAR)
                .arrayColumn("proargnames", VARCHAR).column("proargdefaults", VARCHAR, null)
                .column("prosrc", VARCHAR, null).column("probin", VARCHAR, null).arrayColumn("proconfig", VARCHAR)
                .arrayColumn("proacl", VARCHAR);
        table(pgCatalog, "pg_aggregate")
                .column("aggfnoid", INTEGER, null).column("aggkind", VARCHAR, null)
                .column("aggnumdirectargs", SMALLINT, null).column("aggtransfn", VARCHAR, null)
                .column("aggfinalfn", VARCHAR, null).column("aggsortop", INTEGER, 0)
                .column("aggtranstype", INTEGER, null).column("agginitval", VARCHAR, null);
        table(pgCatalog, "pg_language")
                .column("oid", INTEGER, null).column("lanname", VARCHAR, null)
                .column("lanowner", INTEGER, BOOTSTRAP_ROLE_OID).column("lanispl", BOOLEAN, false)
                .column("lanpltrusted", BOOLEAN, false).column("lanplcallfoid", INTEGER, 0)
                .column("laninline", INTEGER, 0).column("lanvalidator", INTEGER, 0).arrayColumn("lanacl", VARCHAR);
        table(pgCatalog, "pg_depend")
                .column("classid", INTEGER, null).column("objid", INTEGER, null).column("objsubid", INTEGER, null)
                .column("refclassid", INTEGER, null).column("refobjid", INTEGER, null)
                .column("refobjsubid", INTEGER, null).column("deptype", VARCHAR, null);
        table(pgCatalog, "pg_rewrite")
                .column("oid", INTEGER, null).column("rulename", VARCHAR, null).column("ev_class", INTEGER, null)
                .column("ev_type", VARCHAR, null).column("ev_enabled", VARCHAR, null)
                .column("is_instead", BOOLEAN, false).column("ev_qual", VARCHAR, null)
                .column("ev_action", VARCHAR, null);
        table(pgCatalog, "pg_policies")
                .column("schemaname", VARCHAR, null).column("tablename", VARCHAR, null)
                .column("policyname", VARCHAR, null).column("permissive", VARCHAR, null)
                .arrayColumn("roles", VARCHAR).column("cmd", VARCHAR, null).column("qual", VARCHAR, null)
                .column("with_check", VARCHAR, null);
        table(pgCatalog, "pg_default_acl")
                .column("oid", INTEGER, null).column("defaclrole", INTEGER, null)
                .column("defaclnamespace", INTEGER, null).column("defaclobjtype", VARCHAR, null)
                .arrayColumn("defaclacl", VARCHAR);
        table(pgCatalog, "pg_available_extensions")
                .column("name", VARCHAR, null).column("default_version", VARCHAR, null)
                .column("installed_version", VARCHAR, null).column("comment", VARCHAR, null);

        table(informationSchema, "schemata")
                .column("catalog_name", VARCHAR, PgCatalogQueries.DATABASE).column("schema_name", VARCHAR, null)
                .column("schema_owner", VARCHAR, null).column("default_character_set_catalog", VARCHAR, null)
                .column("default_character_set_schema", VARCHAR, null)
                .column("default_character_set_name", VARCHAR, null).column("sql_path", VARCHAR, null);
        table(informationSchema, "tables")
                .column("table_catalog", VARCHAR, PgCatalogQueries.DATABASE).column("table_schema", VARCHAR, null)
                .column("table_name", VARCHAR, null).column("table_type", VARCHAR, null)
                .column("self_referencing_column_name", VARCHAR, null).column("reference_generation", VARCHAR, null)
                .column("user_defined_type_catalog", VARCHAR, null).column("user_defined_type_schema", VARCHAR, null)
                .column("user_defined_type_name", VARCHAR, null).column("is_insertable_into", VARCHAR, null)
                .column("is_typed", VARCHAR, "NO").column("commit_action", VARCHAR, null);
        table(informationSchema, "columns")
                .column("table_catalog", VARCHAR, PgCatalogQueries.DATABASE).column("table_schema", VARCHAR, null)
                .column("table_name", VARCHAR, null).column("column_name", VARCHAR, null)
                .column("ordinal_position", INTEGER, null).column("column_default", VARCHAR, null)
                .column("is_nullable", VARCHAR, "YES").column("data_type", VARCHAR, null)
                .column("character_maximum_length", INTEGER, null).column("character_octet_length", INTEGER, null)
                .column("numeric_precision", INTEGER, null).column("numeric_precision_radix", INTEGER, null)
                .column("numeric_scale", INTEGER, null).column("datetime_precision", INTEGER, null)
                .column("interval_type", VARCHAR, null).column("interval_precision", INTEGER, null)
                .column("udt_catalog", VARCHAR, PgCatalogQueries.DATABASE).column("udt_schema", VARCHAR, PG_CATALOG)
                .column("udt_name", VARCHAR, null).column("is_identity", VARCHAR, "NO")
                .column("is_generated", VARCHAR, "NEVER").column("generation_expression", VARCHAR, null)
                .column("is_updatable", VARCHAR, null);
    }

    private static PgCatalogTable table(Map<String, PgCatalogTable> schema, String name) {
        PgCatalogTable table = new PgCatalogTable(name);
        schema.put(name, table);
        return table;
    }

    /** Every relation: the catalog's tables, then the user's; each with its OID. */
    private List<Relation> relations(List<SqlTableMetadata> tables) {
        List<Relation> relations = new ArrayList<>();
        int nextViewOid = 12_100;
        for (PgCatalogTable table : pgCatalog.values()) {
            Integer oid = CATALOG_TABLE_OIDS.get(table.name());
            relations.add(new Relation(oid != null ? oid : nextViewOid++, PG_CATALOG, table.name(),
                    oid != null ? 'r' : 'v', List.of(), table));
        }
        for (PgCatalogTable table : informationSchema.values()) {
            relations.add(new Relation(nextViewOid++, INFORMATION_SCHEMA, table.name(), 'v', List.of(), table));
        }
        Set<Integer> taken = new HashSet<>();
        relations.forEach(relation -> taken.add(relation.oid()));
        for (SqlTableMetadata table : tables) {
            int oid = FIRST_USER_OID + Math.floorMod((table.schema() + "." + table.name()).hashCode(), 1 << 30);
            while (!taken.add(oid)) {
                oid = oid == Integer.MAX_VALUE ? FIRST_USER_OID : oid + 1;
            }
            char kind = table.kind() == SqlTableMetadata.Kind.MAPPING ? 'r' : 'v';
            relations.add(new Relation(oid, table.schema(), table.name(), kind, table.columns(), null));
        }
        for (Relation relation : relations) {
            relationOids.put(relation.schema() + "." + relation.name(), relation.oid());
        }
        // the search path: pg_catalog, whose relations come first, then public
        for (Relation relation : relations) {
            if (relation.schema().equals(PG_CATALOG) || relation.schema().equals(SqlTableMetadata.MAPPING_SCHEMA)) {
                relationOids.putIfAbsent(relation.name(), relation.oid());
            }
        }
        return relations;
    }

    private void fillNamespaces() {
        PgCatalogTable namespaces = pgCatalog.get("pg_namespace");
        NAMESPACES.forEach((name, oid) -> namespaces.row(row("oid", oid, "nspname", name)));
    }

    private void fillRelations(List<Relation> relations) {
        PgCatalogTable classes = pgCatalog.get("pg_class");
        PgCatalogTable attributes = pgCatalog.get("pg_attribute");
        for (Relation relation : relations) {
            List<Attribute> columns = attributes(relation);
            classes.row(row("oid", relation.oid(), "relname", relation.name(),
                    "relnamespace", NAMESPACES.get(relation.schema()), "relkind", String.valueOf(relation.kind()),
                    "relam", relation.kind() == 'r' ? 2 : 0, "relnatts", (short) columns.size()));
            short number = 1;
            for (Attribute column : columns) {
                PgCatalogTypes.Type type = column.type();
                attributes.row(row("attrelid", relation.oid(), "attname", column.name(), "atttypid", type.oid(),
                        "attlen", (short) type.length(), "attnum", number++, "attndims", type.category() == 'A' ? 1 : 0,
                        "attbyval", type.byValue(), "attalign", String.valueOf(type.align()),
                        "attstorage", type.storage(), "attcollation", type.collation()));
            }
        }
    }

    private record Attribute(String name, PgCatalogTypes.Type type) {
    }

    private static List<Attribute> attributes(Relation relation) {
        if (relation.catalogTable() == null) {
            return relation.columns().stream()
                    .map(column -> new Attribute(column.name(), PgCatalogTypes.of(column.type()))).toList();
        }
        return relation.catalogTable().columns().stream()
                .map(column -> new Attribute(column.name(), catalogColumnType(column))).toList();
    }

    private static PgCatalogTypes.Type catalogColumnType(PgCatalogTable.Column column) {
        PgCatalogTypes.Type type = PgCatalogTypes.named(switch (column.type()) {
            case INTEGER -> "int4";
            case SMALLINT -> "int2";
            case BIGINT -> "int8";
            case BOOLEAN -> "bool";
            case REAL -> "float4";
            default -> "text";
        });
        return column.array() ? PgCatalogTypes.ofOid(type.array()) : type;
    }

    private void fillTypes() {
        PgCatalogTable types = pgCatalog.get("pg_type");
        for (PgCatalogTypes.Type type : PgCatalogTypes.all()) {
            boolean array = type.category() == 'A' && type.element() != 0;
            types.row(row("oid", type.oid(), "typname", type.name(), "typlen", (short) type.length(),
                    "typbyval", type.byValue(), "typtype", type.category() == 'X' ? "p" : "b",
                    "typcategory", String.valueOf(type.category()), "typelem", type.element(), "typarray", type.array(),
                    "typinput", type.input(),
                    "typoutput", ioFunction(type, "out"), "typreceive", ioFunction(type, "recv"),
                    "typsend", ioFunction(type, "send"),
                    "typsubscript", array ? "array_subscript_handler" : "-",
                    "typalign", String.valueOf(type.align()), "typstorage", type.storage(),
                    "typcollation", type.collation()));
        }
    }

    /** PostgreSQL's name of a type's output, receive or send function: its input's, {@code in} replaced. */
    private static String ioFunction(PgCatalogTypes.Type type, String suffix) {
        return type.input().substring(0, type.input().length() - 2) + suffix;
    }

    private void fillDatabase() {
        pgCatalog.get("pg_database").row(row("oid", DATABASE_OID, "datname", PgCatalogQueries.DATABASE));
    }

    /** Fills pg_roles and pg_user; returns the roles' OIDs by name. */
    private Map<String, Integer> fillRoles(List<PgCatalogQueries.Role> roles) {
        PgCatalogTable pgRoles = pgCatalog.get("pg_roles");
        PgCatalogTable pgUser = pgCatalog.get("pg_user");
        Map<String, Integer> oids = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        boolean first = true;
        for (PgCatalogQueries.Role role : roles) {
            int oid = first ? BOOTSTRAP_ROLE_OID : FIRST_USER_OID + Math.floorMod(role.name().hashCode(), 1 << 30);
            while (!taken.add(oid)) {
                oid++;
            }
            first = false;
            pgRoles.row(row("oid", oid, "rolname", role.name(), "rolsuper", role.superuser(),
                    "rolcreaterole", role.superuser(), "rolcreatedb", role.superuser()));
            pgUser.row(row("usename", role.name(), "usesysid", oid, "usesuper", role.superuser()));
            oids.put(role.name(), oid);
        }
        return oids;
    }

    /**
     * Fills pg_stat_activity with this member's client connections. As in PostgreSQL, only a
     * superuser sees what other users' connections run.
     */
    private void fillActivity(PgCatalogQueries.Session session, Map<String, Integer> roleOids) {
        boolean superuser = PgCatalogQueries.Role.isSuperuser(session.roles(), session.user());
        PgCatalogTable activity = pgCatalog.get("pg_stat_activity");
        for (PgCatalogQueries.Activity connection : session.activity()) {
            boolean visible = superuser || connection.user().equals(session.user());
            activity.row(row("datid", DATABASE_OID, "datname", PgCatalogQueries.DATABASE, "pid", connection.processId(),
                    "usesysid", roleOids.get(connection.user()), "usename", connection.user(),
                    "application_name", connection.applicationName(), "client_addr", connection.clientAddress(),
                    "client_port", connection.clientPort(), "backend_start", connection.backendStart().toEpochMilli(),
                    "query_start", visible && connection.queryStart() != null ? connection.queryStart().toEpochMilli() : null,
                    "state_change", visible ? connection.stateChange().toEpochMilli() : null,
                    "state", visible ? connection.state() : null,
                    "query", visible ? connection.query() : "<insufficient privilege>"));
        }
    }

    private void fillSettings(Map<String, String> settings) {
        PgCatalogTable table = pgCatalog.get("pg_settings");
        settings.forEach((name, value) -> table.row(row("name", name, "setting", value, "boot_val", value,
                "reset_val", value)));
    }

    private void fillTablesAndViews(List<Relation> relations) {
        PgCatalogTable tables = pgCatalog.get("pg_tables");
        PgCatalogTable views = pgCatalog.get("pg_views");
        for (Relation relation : relations) {
            if (relation.kind() == 'r') {
                tables.row(row("schemaname", relation.schema(), "tablename", relation.name(), "tableowner", owner));
            } else {
                views.row(row("schemaname", relation.schema(), "viewname", relation.name(), "viewowner", owner));
            }
        }
    }

    private void fillInformationSchema(List<Relation> relations) {
        PgCatalogTable schemata = informationSchema.get("schemata");
        NAMESPACES.keySet().forEach(name -> schemata.row(row("schema_name", name, "schema_owner", owner)));
        PgCatalogTable tables = informationSchema.get("tables");
        PgCatalogTable columns = informationSchema.get("columns");
        for (Relation relation : relations) {
            boolean mapping = relation.catalogTable() == null && relation.kind() == 'r';
            tables.row(row("table_schema", relation.schema(), "table_name", relation.name(),
                    "table_type", relation.kind() == 'r' ? "BASE TABLE" : "VIEW",
                    "is_insertable_into", mapping ? "YES" : "NO"));
            int position = 1;
            for (Attribute column : attributes(relation)) {
                PgCatalogTypes.Type type = column.type();
                boolean numeric = type.category() == 'N' && type.length() > 0;
                columns.row(row("table_schema", relation.schema(), "table_name", relation.name(),
                        "column_name", column.name(), "ordinal_position", position++,
                        "data_type", type.category() == 'A' ? "ARRAY" : type.formatName(),
                        "numeric_precision", numeric ? numericPrecision(type) : null,
                        "numeric_precision_radix", numeric ? 2 : null,
                        "numeric_scale", numeric && !type.name().startsWith("float") ? 0 : null,
                        "datetime_precision", type.category() == 'D' ? (type.name().equals("date") ? 0 : 6) : null,
                        "udt_name", type.name(), "is_updatable", mapping ? "YES" : "NO"));
            }
        }
    }

    private static int numericPrecision(PgCatalogTypes.Type type) {
        return switch (type.name()) {
            case "int2" -> 16;
            case "int8" -> 64;
            case "float4" -> 24;
            case "float8" -> 53;
            default -> 32;
        };
    }

    /** A row from alternating column names and values; values may be null. */
    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    private static Map<String, Integer> orderedMap(Object... namesAndOids) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndOids.length; i += 2) {
            map.put((String) namesAndOids[i], (Integer) namesAndOids[i + 1]);
        }
        return map;
    }
}
