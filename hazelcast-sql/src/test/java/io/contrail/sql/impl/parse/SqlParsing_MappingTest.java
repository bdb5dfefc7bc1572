package io.contrail.sql.impl.parse;

import org.junit.jupiter.api.Test;

import static io.contrail.sql.impl.parse.ParserTestSupport.assertInvalid;
import static io.contrail.sql.impl.parse.ParserTestSupport.assertSyntaxError;
import static io.contrail.sql.impl.parse.ParserTestSupport.parse;
import static io.contrail.sql.impl.parse.ParserTestSupport.unparsed;
import static org.assertj.core.api.Assertions.assertThat;

/** CREATE MAPPING, DROP MAPPING, SHOW MAPPINGS. */
class SqlParsing_MappingTest {

    @Test
    void createMapping_full() {
        SqlCreateMapping create = parse("""
                CREATE OR REPLACE MAPPING public.Trades (
                    id BIGINT EXTERNAL NAME __key,
                    ticker VARCHAR EXTERNAL NAME this.ticker,
                    price DECIMAL(10, 2)
                )
                TYPE IMap
                OPTIONS ('keyFormat' = 'bigint', valueFormat = 'json-flat')
                """, SqlCreateMapping.class);
        assertThat(create.getReplace()).isTrue();
        assertThat(create.isIfNotExists()).isFalse();
        assertThat(create.getName().names).containsExactly("public", "Trades");
        assertThat(create.getColumns()).hasSize(3);
        SqlMappingColumn id = (SqlMappingColumn) create.getColumns().get(0);
        assertThat(id.getName().getSimple()).isEqualTo("id");
        assertThat(id.getType().getTypeName().getSimple()).isEqualTo("BIGINT");
        assertThat(id.getExternalName().names).containsExactly("__key");
        SqlMappingColumn ticker = (SqlMappingColumn) create.getColumns().get(1);
        assertThat(ticker.getExternalName().names).containsExactly("this", "ticker");
        SqlMappingColumn price = (SqlMappingColumn) create.getColumns().get(2);
        assertThat(price.getExternalName()).isNull();
        assertThat(create.getType().getSimple()).isEqualTo("IMap");
        assertThat(create.getOptions()).hasSize(2);
        SqlOption second = (SqlOption) create.getOptions().get(1);
        assertThat(second.getKeyString()).isEqualTo("valueFormat");
        assertThat(second.getValueString()).isEqualTo("json-flat");
        assertThat(unparsed(SqlParsing.unparse(create))).isEqualTo("CREATE OR REPLACE MAPPING \"public\".\"Trades\" "
                + "(\"id\" BIGINT EXTERNAL NAME \"__key\", \"ticker\" VARCHAR EXTERNAL NAME \"this\".\"ticker\", "
                + "\"price\" DECIMAL(10, 2)) TYPE \"IMap\" "
                + "OPTIONS ('keyFormat' = 'bigint', \"valueFormat\" = 'json-flat')");
    }

    @Test
    void createMapping_minimal() {
        SqlCreateMapping create = parse("CREATE MAPPING IF NOT EXISTS m TYPE Kafka", SqlCreateMapping.class);
        assertThat(create.isIfNotExists()).isTrue();
        assertThat(create.getColumns()).isEmpty();
        assertThat(create.getOptions()).isEmpty();
        assertThat(unparsed("CREATE MAPPING IF NOT EXISTS m TYPE Kafka"))
                .isEqualTo("CREATE MAPPING IF NOT EXISTS \"m\" TYPE \"Kafka\"");
    }

    @Test
    void createMapping_keywordsAsNames() {
        SqlCreateMapping create = parse(
                "CREATE MAPPING mapping (job INT, external VARCHAR EXTERNAL NAME name, type INT) "
                        + "TYPE type OPTIONS ('options' = 'mapping')", SqlCreateMapping.class);
        assertThat(create.getName().getSimple()).isEqualTo("mapping");
        assertThat(create.getColumns().stream().map(c -> ((SqlMappingColumn) c).getName().getSimple()))
                .containsExactly("job", "external", "type");
        assertThat(create.getType().getSimple()).isEqualTo("type");
    }

    @Test
    void createMapping_ifAsName() {
        SqlCreateMapping create = parse("CREATE MAPPING if TYPE IMap", SqlCreateMapping.class);
        assertThat(create.getName().getSimple()).isEqualTo("if");
        assertThat(create.isIfNotExists()).isFalse();
    }

    @Test
    void createMapping_quotedNames() {
        SqlCreateMapping create = parse("CREATE MAPPING \"My Map\" (\"Col 1\" INT) TYPE \"IMap\"",
                SqlCreateMapping.class);
        assertThat(create.getName().getSimple()).isEqualTo("My Map");
    }

    @Test
    void createMapping_orReplaceAndIfNotExists_isInvalid() {
        assertInvalid("CREATE OR REPLACE MAPPING IF NOT EXISTS m TYPE IMap", 1, 1,
                "OR REPLACE and IF NOT EXISTS cannot be used together");
    }

    @Test
    void createMapping_duplicateColumn_isInvalid() {
        assertInvalid("CREATE MAPPING m (a INT, b INT, a VARCHAR) TYPE IMap", 1, 33,
                "Column 'a' is declared more than once");
    }

    @Test
    void createMapping_duplicateOption_isInvalid() {
        assertInvalid("CREATE MAPPING m TYPE IMap OPTIONS ('a' = '1',\n b = '2',\n 'a' = '3')", 3, 2,
                "Option 'a' is given more than once");
    }

    @Test
    void createMapping_withoutType_isSyntaxError() {
        assertSyntaxError("CREATE MAPPING m OPTIONS ('a' = 'b')", 1, 18, "\"TYPE\"", "\"(\"");
    }

    @Test
    void createMapping_typeWithoutName_isSyntaxError() {
        assertSyntaxError("CREATE MAPPING m TYPE", 1, 21, "<IDENTIFIER>");
    }

    @Test
    void createMapping_emptyColumnList_isSyntaxError() {
        assertSyntaxError("CREATE MAPPING m () TYPE IMap", 1, 19, "<IDENTIFIER>");
    }

    @Test
    void createMapping_columnWithoutType_isSyntaxError() {
        assertSyntaxError("CREATE MAPPING m (a, b INT) TYPE IMap", 1, 20, "<IDENTIFIER>", "\"ROW\"");
    }

    @Test
    void createMapping_externalWithoutName_isSyntaxError() {
        assertSyntaxError("CREATE MAPPING m (a INT EXTERNAL x) TYPE IMap", 1, 34, "\"NAME\"");
    }

    @Test
    void createMapping_optionValueNotString_isSyntaxError() {
        assertSyntaxError("CREATE MAPPING m TYPE IMap OPTIONS ('a' = 1)", 1, 43, "<QUOTED_STRING>");
    }

    @Test
    void createMapping_optionWithoutEquals_isSyntaxError() {
        assertSyntaxError("CREATE MAPPING m TYPE IMap OPTIONS ('a' 'b')", 1, 41, "\"=\"");
    }

    @Test
    void dropMapping() {
        SqlDropMapping drop = parse("DROP MAPPING m", SqlDropMapping.class);
        assertThat(drop.isIfExists()).isFalse();
        assertThat(drop.getName().getSimple()).isEqualTo("m");
        SqlDropMapping ifExists = parse("drop mapping if exists s.\"M\"", SqlDropMapping.class);
        assertThat(ifExists.isIfExists()).isTrue();
        assertThat(ifExists.getName().names).containsExactly("s", "M");
        assertThat(unparsed("drop mapping if exists s.\"M\"")).isEqualTo("DROP MAPPING IF EXISTS \"s\".\"M\"");
        assertThat(parse("DROP MAPPING mappings", SqlDropMapping.class).getName().getSimple()).isEqualTo("mappings");
    }

    @Test
    void dropMapping_withoutName_isSyntaxError() {
        assertSyntaxError("DROP MAPPING IF EXISTS", 1, 22, "<IDENTIFIER>");
    }

    @Test
    void dropSomethingElse_listsWhatMayBeDropped() {
        assertSyntaxError("DROP TABLE t", 1, 6, "\"JOB\"", "\"MAPPING\"", "\"SNAPSHOT\"");
    }

    @Test
    void showMappings() {
        parse("SHOW MAPPINGS", SqlShowMappings.class);
        assertThat(unparsed("show   mappings")).isEqualTo("SHOW MAPPINGS");
    }

    @Test
    void showMappings_withTrailingWord_isSyntaxError() {
        assertSyntaxError("SHOW MAPPINGS m", 1, 15, "<EOF>");
    }
}
