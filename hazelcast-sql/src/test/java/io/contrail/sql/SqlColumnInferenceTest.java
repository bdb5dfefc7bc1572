package io.contrail.sql;

import com.hazelcast.map.IMap;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingCatalog;
import io.contrail.sql.impl.catalog.MappingColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.contrail.sql.SqlColumnType.BIGINT;
import static io.contrail.sql.SqlColumnType.BOOLEAN;
import static io.contrail.sql.SqlColumnType.DOUBLE;
import static io.contrail.sql.SqlColumnType.INTEGER;
import static io.contrail.sql.SqlColumnType.JSON;
import static io.contrail.sql.SqlColumnType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CREATE MAPPING without a column list: columns inferred from a file or an IMap entry, or a clear error. */
class SqlColumnInferenceTest extends SqlTestSupport {

    @TempDir
    Path dir;

    @Test
    void csv_headerNamesAsVarcharColumns() throws IOException {
        Files.writeString(dir.resolve("b.csv"), "other\nx\n");
        Files.writeString(dir.resolve("a.csv"), "id,\"full name\",city\n1,\"Smith, John\",Paris\n");
        update("CREATE MAPPING f TYPE File OPTIONS ('path' = '" + dir + "', 'format' = 'csv', 'glob' = 'a.csv')");
        assertThat(columns("f")).containsExactly(
                new MappingColumn("id", VARCHAR, "id"),
                new MappingColumn("full name", VARCHAR, "full name"),
                new MappingColumn("city", VARCHAR, "city"));
        assertThat(rows("SELECT CAST(id AS INT), \"full name\", city FROM f")).containsExactly(row(1, "Smith, John", "Paris"));
    }

    @Test
    void jsonLines_firstObjectsFieldsWithTypes() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), """

                {"id": 1, "price": 2.5, "ok": true, "name": "x", "tags": [1, 2], "obj": {"a": 1}, "nothing": null}
                {"id": 2, "price": 3, "ok": false, "name": "y", "tags": [], "obj": {}, "nothing": "z"}
                """);
        update("CREATE MAPPING f TYPE File OPTIONS ('path' = '" + dir + "', 'format' = 'json')");
        assertThat(columns("f")).containsExactly(
                new MappingColumn("id", BIGINT, "id"),
                new MappingColumn("price", DOUBLE, "price"),
                new MappingColumn("ok", BOOLEAN, "ok"),
                new MappingColumn("name", VARCHAR, "name"),
                new MappingColumn("tags", JSON, "tags"),
                new MappingColumn("obj", JSON, "obj"),
                new MappingColumn("nothing", VARCHAR, "nothing"));
        assertThat(rows("SELECT * FROM f ORDER BY id")).containsExactly(
                row(1L, 2.5, true, "x", "[1,2]", "{\"a\":1}", null),
                row(2L, 3.0, false, "y", "[]", "{}", "z"));
    }

    @Test
    void file_nothingToInferFrom_isNoColumns() throws IOException {
        assertNoColumns("CREATE MAPPING f TYPE File OPTIONS ('path' = '" + dir + "', 'format' = 'csv')",
                "no file in '" + dir + "' matches the glob '*'", "list the columns");
        assertNoColumns("CREATE MAPPING f TYPE File OPTIONS ('path' = '" + dir.resolve("missing") + "', 'format' = 'csv', "
                + "'ignoreFileNotFound' = 'true')", "The directory '" + dir.resolve("missing") + "'", "list the columns");
        Files.writeString(dir.resolve("a.csv"), "a,b,a\n1,2,3\n");
        assertNoColumns("CREATE MAPPING f TYPE File OPTIONS ('path' = '" + dir + "', 'format' = 'csv')",
                "has the name 'a' twice", "EXTERNAL NAME");
        Files.writeString(dir.resolve("a.csv"), "");
        assertNoColumns("CREATE MAPPING f TYPE File OPTIONS ('path' = '" + dir + "', 'format' = 'csv')", "has no header");
        assertThat(member.getHazelcastInstance().getMap(MappingCatalog.MAP_NAME).size()).isZero();
    }

    @Test
    void imap_primitiveFormats_needNoEntry() {
        update("CREATE MAPPING m TYPE IMap OPTIONS ('keyFormat' = 'int', 'valueFormat' = 'varchar')");
        assertThat(columns("m")).containsExactly(new MappingColumn("__key", INTEGER, "__key"),
                new MappingColumn("this", VARCHAR, "this"));
        member.getHazelcastInstance().getMap("m").put(7, "seven");
        assertThat(rows("SELECT __key, this FROM m")).containsExactly(row(7, "seven"));
    }

    @Test
    void imap_jsonKeyAndValue_fromASampleEntry() {
        IMap<String, String> map = member.getHazelcastInstance().getMap("people");
        map.put("{\"id\": 1, \"region\": \"eu\"}", "{\"name\": \"Ann\", \"score\": 7.5, \"id\": 99, \"vip\": false}");
        update("CREATE MAPPING people TYPE IMap OPTIONS ('keyFormat' = 'json', 'valueFormat' = 'json')");
        // the value's "id" is left out: a key column has that name
        assertThat(columns("people")).containsExactly(
                new MappingColumn("id", BIGINT, "__key.id"),
                new MappingColumn("region", VARCHAR, "__key.region"),
                new MappingColumn("name", VARCHAR, "name"),
                new MappingColumn("score", DOUBLE, "score"),
                new MappingColumn("vip", BOOLEAN, "vip"));
        assertThat(rows("SELECT id, region, name, score, vip FROM people")).containsExactly(row(1L, "eu", "Ann", 7.5, false));
    }

    @Test
    void imap_jsonValue_ofEmptyMap_isNoColumns() {
        assertNoColumns("CREATE MAPPING vacant TYPE IMap OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')",
                "Mapping 'vacant' declares no columns", "IMap 'vacant' is empty", "CREATE MAPPING vacant (id BIGINT EXTERNAL NAME __key");
    }

    @Test
    void imap_jsonValueThatIsNoObject_isNoColumns() {
        member.getHazelcastInstance().getMap("arrays").put(1L, "[1, 2]");
        assertNoColumns("CREATE MAPPING arrays TYPE IMap OPTIONS ('keyFormat' = 'bigint', 'valueFormat' = 'json')",
                "the sampled value of IMap 'arrays' is not a JSON object ([1, 2])");
    }

    private static List<MappingColumn> columns(String mapping) {
        return ((Mapping) member.getHazelcastInstance().getMap(MappingCatalog.MAP_NAME).get(mapping)).columns();
    }

    private static void assertNoColumns(String statement, String... messageParts) {
        assertThatThrownBy(() -> update(statement))
                .isInstanceOf(SqlException.class)
                .hasMessageContainingAll(messageParts)
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.NO_COLUMNS));
    }
}
