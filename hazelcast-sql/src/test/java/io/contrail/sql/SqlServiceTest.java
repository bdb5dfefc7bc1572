package io.contrail.sql;

import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingCatalog;
import io.contrail.sql.impl.catalog.MappingColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** End to end on a real member: the mapping statements, their errors, the unsupported ones. */
class SqlServiceTest extends SqlTestSupport {

    private static final String IMAP_OPTIONS = "OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')";

    private static Map<String, Mapping> catalogMap() {
        return member.getHazelcastInstance().getMap(MappingCatalog.MAP_NAME);
    }

    private static List<String> showMappings(SqlService service) {
        List<String> names = new ArrayList<>();
        try (SqlResult result = service.execute("SHOW MAPPINGS")) {
            assertThat(result.isRowSet()).isTrue();
            assertThat(result.updateCount()).isEqualTo(-1);
            assertThat(result.getRowMetadata().columns())
                    .containsExactly(new SqlColumnMetadata("name", SqlColumnType.VARCHAR));
            for (SqlRow row : result) {
                assertThat(row.getObject(0)).isEqualTo(row.getObject("name"));
                names.add((String) row.getObject("name"));
            }
        }
        return names;
    }

    private static void assertError(String statement, SqlErrorCode code, String... messageParts) {
        assertThatThrownBy(() -> sql.execute(statement))
                .isInstanceOf(SqlException.class)
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(code))
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void createMapping_storesItInTheCatalog() {
        try (SqlResult result = sql.execute("CREATE MAPPING trades (id BIGINT EXTERNAL NAME __key, "
                + "symbol VARCHAR EXTERNAL NAME this.symbol, price DECIMAL(10, 2)) TYPE IMap " + IMAP_OPTIONS)) {
            assertThat(result.isRowSet()).isFalse();
            assertThat(result.updateCount()).isZero();
            assertThat(result.iterator().hasNext()).isFalse();
            assertThatThrownBy(result::getRowMetadata).isInstanceOf(IllegalStateException.class);
        }
        Mapping mapping = catalogMap().get("trades");
        assertThat(mapping.name()).isEqualTo("trades");
        assertThat(mapping.type()).isEqualTo("IMap");
        assertThat(mapping.columns()).containsExactly(
                new MappingColumn("id", SqlColumnType.BIGINT, "__key"),
                new MappingColumn("symbol", SqlColumnType.VARCHAR, "this.symbol"),
                new MappingColumn("price", SqlColumnType.DECIMAL, "price"));
        assertThat(mapping.options()).containsExactly(Map.entry("keyFormat", "bigint"), Map.entry("valueFormat", "json"));
        assertThat(mapping.createdBy())
                .isEqualTo(member.getHazelcastInstance().getCluster().getLocalMember().getUuid().toString());
        assertThat(showMappings(sql)).containsExactly("trades");
    }

    @Test
    void createMapping_everyColumnType() {
        sql.execute("CREATE MAPPING m (a BOOLEAN, b TINYINT, c SMALLINT, d INT, e INTEGER, f BIGINT, g DECIMAL, "
                + "h REAL, i DOUBLE, j VARCHAR, k DATE, l TIME, m TIMESTAMP, n TIMESTAMP WITH TIME ZONE, "
                + "o JSON, p OBJECT) TYPE IMap " + IMAP_OPTIONS);
        assertThat(catalogMap().get("m").columns()).extracting(MappingColumn::type).containsExactly(
                SqlColumnType.BOOLEAN, SqlColumnType.TINYINT, SqlColumnType.SMALLINT, SqlColumnType.INTEGER,
                SqlColumnType.INTEGER, SqlColumnType.BIGINT, SqlColumnType.DECIMAL, SqlColumnType.REAL,
                SqlColumnType.DOUBLE, SqlColumnType.VARCHAR, SqlColumnType.DATE, SqlColumnType.TIME,
                SqlColumnType.TIMESTAMP, SqlColumnType.TIMESTAMP_WITH_TIME_ZONE, SqlColumnType.JSON,
                SqlColumnType.OBJECT);
    }

    @Test
    void createMapping_fileConnector() {
        sql.execute("CREATE MAPPING files (a VARCHAR) TYPE File OPTIONS ('path' = '/tmp/x', 'format' = 'csv', "
                + "'glob' = '*.csv', 'sharedFileSystem' = 'true')");
        assertThat(catalogMap().get("files").type()).isEqualTo("File");
    }

    @Test
    void createMapping_existing_failsWithoutOrReplaceOrIfNotExists() {
        sql.execute("CREATE MAPPING m (a BIGINT) TYPE IMap " + IMAP_OPTIONS);
        assertError("CREATE MAPPING m (b VARCHAR) TYPE IMap " + IMAP_OPTIONS, SqlErrorCode.MAPPING_ALREADY_EXISTS,
                "Mapping 'm' already exists", "CREATE OR REPLACE MAPPING", "IF NOT EXISTS");
        assertThat(catalogMap().get("m").columns()).extracting(MappingColumn::name).containsExactly("a");
    }

    @Test
    void createMapping_ifNotExists_keepsTheExistingOne() {
        sql.execute("CREATE MAPPING m (a BIGINT) TYPE IMap " + IMAP_OPTIONS);
        try (SqlResult result = sql.execute("CREATE MAPPING IF NOT EXISTS m (b VARCHAR) TYPE IMap " + IMAP_OPTIONS)) {
            assertThat(result.updateCount()).isZero();
        }
        assertThat(catalogMap().get("m").columns()).extracting(MappingColumn::name).containsExactly("a");
    }

    @Test
    void createMapping_orReplace_replaces() {
        sql.execute("CREATE OR REPLACE MAPPING m (a BIGINT) TYPE IMap " + IMAP_OPTIONS);
        sql.execute("CREATE OR REPLACE MAPPING m (b VARCHAR) TYPE IMap " + IMAP_OPTIONS);
        assertThat(catalogMap().get("m").columns()).extracting(MappingColumn::name).containsExactly("b");
        assertThat(showMappings(sql)).containsExactly("m");
    }

    @Test
    void dropMapping() {
        sql.execute("CREATE MAPPING m (a BIGINT) TYPE IMap " + IMAP_OPTIONS);
        try (SqlResult result = sql.execute("DROP MAPPING m")) {
            assertThat(result.updateCount()).isZero();
        }
        assertThat(showMappings(sql)).isEmpty();
        assertError("DROP MAPPING m", SqlErrorCode.MAPPING_NOT_FOUND,
                "Mapping 'm' does not exist", "SHOW MAPPINGS", "IF EXISTS");
        sql.execute("DROP MAPPING IF EXISTS m").close();
    }

    @Test
    void showMappings_sortedByName_caseSensitive() {
        for (String name : List.of("b", "\"A\"", "a", "c")) {
            sql.execute("CREATE MAPPING " + name + " (x BIGINT) TYPE IMap " + IMAP_OPTIONS);
        }
        assertThat(showMappings(sql)).containsExactly("A", "a", "b", "c");
    }

    @Test
    void twoServicesOnOneMember_shareTheCatalog() {
        SqlService other = SqlService.of(member);
        sql.execute("CREATE MAPPING m (a BIGINT) TYPE IMap " + IMAP_OPTIONS);
        assertThat(showMappings(other)).containsExactly("m");
        other.execute("DROP MAPPING m");
        assertThat(showMappings(sql)).isEmpty();
    }

    @Test
    void unknownConnector() {
        assertError("CREATE MAPPING m (a BIGINT) TYPE Kafka", SqlErrorCode.UNKNOWN_CONNECTOR,
                "Unknown connector type 'Kafka'", "[IMap, File]");
        assertError("CREATE MAPPING m (a BIGINT) TYPE imap", SqlErrorCode.UNKNOWN_CONNECTOR, "'imap'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "CHAR", "VARBINARY", "VARCHAR(10)", "TIMESTAMP WITH LOCAL TIME ZONE", "Point"})
    void unsupportedColumnType(String type) {
        assertError("CREATE MAPPING m (a " + type + ") TYPE IMap " + IMAP_OPTIONS, SqlErrorCode.UNSUPPORTED_COLUMN_TYPE,
                "Column 'a' has type", "mappings do not support", "TIMESTAMP WITH TIME ZONE");
    }

    @Test
    void duplicateColumn_isRefusedWhileParsing() {
        assertError("CREATE MAPPING m (a BIGINT, a VARCHAR) TYPE IMap " + IMAP_OPTIONS,
                SqlErrorCode.INVALID_STATEMENT, "a");
    }

    @Test
    void noColumns() {
        assertError("CREATE MAPPING m TYPE IMap " + IMAP_OPTIONS, SqlErrorCode.NO_COLUMNS,
                "Mapping 'm' declares no columns");
    }

    @Test
    void compoundName() {
        assertError("CREATE MAPPING s.m (a BIGINT) TYPE IMap " + IMAP_OPTIONS, SqlErrorCode.INVALID_NAME,
                "several parts");
        assertError("DROP MAPPING s.m", SqlErrorCode.INVALID_NAME, "several parts");
    }

    @Test
    void unknownOption() {
        assertError("CREATE MAPPING m (a BIGINT) TYPE IMap OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json', "
                + "'keyformat' = 'x')", SqlErrorCode.UNKNOWN_OPTION,
                "Unknown option 'keyformat'", "[keyFormat, valueFormat]");
        assertError("CREATE MAPPING m (a BIGINT) TYPE File OPTIONS ('path' = '/x', 'format' = 'csv', 'keyFormat' = 'x')",
                SqlErrorCode.UNKNOWN_OPTION, "[path, format, glob, sharedFileSystem, ignoreFileNotFound]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "OPTIONS ('valueFormat' = 'json')|keyFormat",
            "OPTIONS ('keyFormat' = 'int')|valueFormat",
            "|keyFormat"})
    void missingOption(String options, String missing) {
        assertError("CREATE MAPPING m (a BIGINT) TYPE IMap " + (options == null ? "" : options),
                SqlErrorCode.MISSING_OPTION, "needs option '" + missing + "'",
                "[bigint, int, double, boolean, varchar, json]");
    }

    @Test
    void invalidOptionValue() {
        assertError("CREATE MAPPING m (a BIGINT) TYPE IMap OPTIONS ('keyFormat' = 'long', 'valueFormat' = 'json')",
                SqlErrorCode.INVALID_OPTION_VALUE, "Invalid value 'long' of option 'keyFormat'",
                "[bigint, int, double, boolean, varchar, json]");
        assertError("CREATE MAPPING m (a BIGINT) TYPE File OPTIONS ('path' = ' ', 'format' = 'csv')",
                SqlErrorCode.INVALID_OPTION_VALUE, "option 'path'", "non-blank");
    }

    @Test
    void parameters_refusedByStatementsWithoutAny() {
        assertThatThrownBy(() -> sql.execute("SHOW MAPPINGS", 1, 2))
                .isInstanceOf(SqlException.class)
                .hasMessage("SHOW MAPPINGS takes no parameters, but 2 were given; remove them")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.PARAMETER_MISMATCH));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DELETE FROM t WHERE a = 1|DELETE",
            "UPDATE t SET a = 1|UPDATE"})
    void unsupportedStatements(String statement, String kind) {
        assertThatThrownBy(() -> sql.execute(statement))
                .isInstanceOf(SqlException.class)
                .hasMessageStartingWith(kind + " is not supported yet")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.UNSUPPORTED_STATEMENT))
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode().getCategory())
                        .isEqualTo(SqlErrorCode.Category.UNSUPPORTED));
    }

    @Test
    void syntaxError_hasParsingCode() {
        assertThatThrownBy(() -> sql.execute("CREATE MAPPIN m"))
                .isInstanceOf(SqlException.class)
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.SYNTAX_ERROR))
                .satisfies(e -> assertThat(((SqlException) e).isSyntaxError()).isTrue());
    }

    @Test
    void closedResult_givesNoRows() {
        SqlResult result = sql.execute("SHOW MAPPINGS");
        result.close();
        assertThatThrownBy(result::iterator).isInstanceOf(IllegalStateException.class);
    }
}
