package io.contrail.sql.impl.pgwire;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlTextTest {

    @Test
    void split_atSemicolonsOutsideQuotesAndComments() {
        assertThat(SqlText.split("SHOW MAPPINGS; DROP MAPPING \"a;b\" ;\nSELECT 'x;''y' -- c;d\n; /* e; /* f; */ g; */ SELECT E'\\';'"))
                .containsExactly("SHOW MAPPINGS", "DROP MAPPING \"a;b\"", "SELECT 'x;''y' -- c;d",
                        "/* e; /* f; */ g; */ SELECT E'\\';'");
        assertThat(SqlText.split(" ; -- only a comment\n;")).isEmpty();
        assertThat(SqlText.split("SELECT 'open;")).containsExactly("SELECT 'open;");
    }

    @Test
    void placeholders_becomeQuestionMarks_inTheirOrder() {
        SqlText.Placeholders placeholders = SqlText.translatePlaceholders(
                "SELECT $2, '$1', \"$1\", $1 -- $3\n, $2, price$1");
        assertThat(placeholders.sql()).isEqualTo("SELECT ?, '$1', \"$1\", ? -- $3\n, ?, price$1");
        assertThat(placeholders.parameterOrder()).containsExactly(1, 0, 1);
        assertThat(placeholders.parameterCount()).isEqualTo(2);
        assertThat(placeholders.engineParameters(new Object[] {"a", "b"})).containsExactly("b", "a", "b");
        assertThatThrownBy(() -> SqlText.translatePlaceholders("SELECT $0")).hasMessageContaining("from $1");
    }

    @Test
    void mapCode_leavesLiteralsAndComments() {
        assertThat(SqlText.mapCode("SELECT 'a' || a -- a\n, \"a\" /* a */, E'a\\'a' FROM a", String::toUpperCase))
                .isEqualTo("SELECT 'a' || A -- a\n, \"A\" /* a */, E'a\\'a' FROM A");
        assertThat(SqlText.mapCode("", String::toUpperCase)).isEmpty();
        assertThat(SqlText.mapCode("'open", String::toUpperCase)).isEqualTo("'open");
        assertThat(SqlText.withoutLiterals("SELECT 'pg_type' -- pg_class\n FROM \"t\" /* x */")).isEqualTo(
                "SELECT     FROM \"t\"  ");
    }

    @Test
    void endsWithSemicolon_tellsAStatementComplete() {
        assertThat(SqlText.endsWithSemicolon("SHOW MAPPINGS;")).isTrue();
        assertThat(SqlText.endsWithSemicolon("SHOW MAPPINGS ;  -- done\n")).isTrue();
        assertThat(SqlText.endsWithSemicolon("SHOW MAPPINGS; /* done */")).isTrue();
        assertThat(SqlText.endsWithSemicolon("SHOW MAPPINGS")).isFalse();
        assertThat(SqlText.endsWithSemicolon("SELECT 'a;")).isFalse();
        assertThat(SqlText.endsWithSemicolon("SELECT 1 /* ; ")).isFalse();
        assertThat(SqlText.endsWithSemicolon("SELECT 'a;'")).isFalse();
        assertThat(SqlText.endsWithSemicolon("")).isFalse();
    }
}
