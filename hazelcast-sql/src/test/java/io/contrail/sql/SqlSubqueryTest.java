package io.contrail.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sub-queries (IN, NOT IN, EXISTS, scalar), INTERSECT, EXCEPT, and the errors of unsupported or failing SQL. */
class SqlSubqueryTest extends SqlTestSupport {

    private static final String TEN = "TABLE(generate_series(1, 10))";

    @Test
    void in_andNotIn() {
        assertThat(rows("SELECT v FROM " + TEN + " WHERE v IN (SELECT v * 2 FROM " + TEN + ")"))
                .containsExactlyInAnyOrder(row(2L), row(4L), row(6L), row(8L), row(10L));
        assertThat(rows("SELECT v FROM " + TEN + " WHERE v NOT IN (SELECT v * 2 FROM " + TEN + ")"))
                .containsExactlyInAnyOrder(row(1L), row(3L), row(5L), row(7L), row(9L));
    }

    @Test
    void correlatedExists() {
        assertThat(rows("SELECT v FROM " + TEN + " a WHERE EXISTS (SELECT 1 FROM " + TEN + " b WHERE b.v = a.v * 3)"))
                .containsExactlyInAnyOrder(row(1L), row(2L), row(3L));
    }

    @Test
    void scalarSubquery() {
        assertThat(rows("SELECT v, (SELECT MAX(v) FROM " + TEN + ") FROM " + TEN + " WHERE v < 3"))
                .containsExactlyInAnyOrder(row(1L, 10L), row(2L, 10L));
        assertThat(rows("SELECT v, (SELECT v FROM " + TEN + " WHERE v = 3) FROM " + TEN + " WHERE v < 3"))
                .containsExactlyInAnyOrder(row(1L, 3L), row(2L, 3L));
        assertThatThrownBy(() -> rows("SELECT (SELECT v FROM " + TEN + " WHERE v > 3)"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("scalar sub-query returned more than one row");
    }

    @Test
    void intersectAndExcept() {
        String other = "TABLE(generate_series(8, 20))";
        assertThat(rows("SELECT v FROM " + TEN + " INTERSECT SELECT v FROM " + other))
                .containsExactlyInAnyOrder(row(8L), row(9L), row(10L));
        assertThat(rows("SELECT v FROM " + TEN + " WHERE v > 5 EXCEPT SELECT v FROM " + other))
                .containsExactlyInAnyOrder(row(6L), row(7L));
    }

    @Test
    void windowFunctions_areRejectedClearly() {
        assertThatThrownBy(() -> rows("SELECT ROW_NUMBER() OVER (ORDER BY v) FROM " + TEN))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("Window functions")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.UNSUPPORTED_STATEMENT));
    }

    @Test
    void runtimeErrors_sayWhatFailed() {
        assertThatThrownBy(() -> rows("SELECT CAST('abc' AS INT)"))
                .isInstanceOf(SqlException.class)
                .hasMessage("A value cannot be converted to a number: For input string: \"abc\"")
                .satisfies(e -> assertThat(((SqlException) e).getErrorCode()).isEqualTo(SqlErrorCode.DATA_CONVERSION_ERROR));
        assertThatThrownBy(() -> rows("SELECT 10 / (v - 3) FROM " + TEN))
                .isInstanceOf(SqlException.class)
                .hasMessage("Arithmetic error: / by zero");
    }
}
