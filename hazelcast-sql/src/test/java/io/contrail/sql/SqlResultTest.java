package io.contrail.sql;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The result types on their own: rows, metadata, update counts. */
class SqlResultTest {

    private static final SqlRowMetadata METADATA = new SqlRowMetadata(List.of(
            new SqlColumnMetadata("id", SqlColumnType.BIGINT), new SqlColumnMetadata("name", SqlColumnType.VARCHAR)));

    @Test
    void row_byIndexAndName_nullsAllowed() {
        SqlRow row = new SqlRow(METADATA, Arrays.asList(1L, null));
        assertThat(row.getObject(0)).isEqualTo(1L);
        assertThat(row.getObject("id")).isEqualTo(1L);
        assertThat(row.getObject("name")).isNull();
        assertThatThrownBy(() -> row.getObject("Name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No column 'Name'; the columns are [id, name]");
        assertThatThrownBy(() -> row.getObject(2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("the row has 2 columns");
        assertThatThrownBy(() -> row.values().set(0, 2L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void row_mustMatchItsMetadata() {
        assertThatThrownBy(() -> new SqlRow(METADATA, List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a row of 2 columns cannot hold 1 values");
    }

    @Test
    void rowSet() {
        SqlRow row = new SqlRow(METADATA, List.of(1L, "a"));
        try (SqlResult result = SqlResult.ofRows(METADATA, List.of(row))) {
            assertThat(result.isRowSet()).isTrue();
            assertThat(result.updateCount()).isEqualTo(-1);
            assertThat(result.getRowMetadata()).isEqualTo(METADATA);
            assertThat(result.getRowMetadata().findColumn("name")).isEqualTo(1);
            assertThat(result.getRowMetadata().findColumn("x")).isEqualTo(-1);
            assertThat(result).containsExactly(row);
        }
    }

    @Test
    void updateCount() {
        try (SqlResult result = SqlResult.ofUpdateCount(0)) {
            assertThat(result.isRowSet()).isFalse();
            assertThat(result.updateCount()).isZero();
            assertThat(result).isEmpty();
            assertThatThrownBy(result::getRowMetadata)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("isRowSet()");
        }
        assertThatThrownBy(() -> SqlResult.ofUpdateCount(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exception_keepsTheParserConstructor() {
        SqlException syntax = new SqlException("m", true, 1, 2, 1, 3, List.of("\"JOB\""), null);
        assertThat(syntax.getErrorCode()).isEqualTo(SqlErrorCode.SYNTAX_ERROR);
        SqlException rule = new SqlException("m", false, 1, 2, 1, 3, List.of(), null);
        assertThat(rule.getErrorCode()).isEqualTo(SqlErrorCode.INVALID_STATEMENT);
        SqlException catalog = new SqlException(SqlErrorCode.MAPPING_NOT_FOUND, "m");
        assertThat(catalog.getErrorCode().getCategory()).isEqualTo(SqlErrorCode.Category.CATALOG);
        assertThat(catalog.isSyntaxError()).isFalse();
        assertThat(catalog.getLine()).isZero();
        assertThat(catalog.getExpectedTokens()).isEmpty();
    }
}
