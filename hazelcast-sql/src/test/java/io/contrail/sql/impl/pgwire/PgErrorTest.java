package io.contrail.sql.impl.pgwire;

import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PgErrorTest {

    @Test
    void everyCodeHasAFiveCharacterSqlState() {
        for (SqlErrorCode code : SqlErrorCode.values()) {
            assertThat(PgError.sqlState(code)).as(code.name()).matches("[0-9A-Z]{5}");
        }
    }

    @Test
    void codesMapToPostgresSqlStates() {
        assertThat(PgError.sqlState(SqlErrorCode.SYNTAX_ERROR)).isEqualTo("42601");
        assertThat(PgError.sqlState(SqlErrorCode.MAPPING_NOT_FOUND)).isEqualTo("42P01");
        assertThat(PgError.sqlState(SqlErrorCode.MAPPING_ALREADY_EXISTS)).isEqualTo("42710");
        assertThat(PgError.sqlState(SqlErrorCode.UNKNOWN_OPTION)).isEqualTo("22023");
        assertThat(PgError.sqlState(SqlErrorCode.PARAMETER_MISMATCH)).isEqualTo("42P02");
        assertThat(PgError.sqlState(SqlErrorCode.UNSUPPORTED_STATEMENT)).isEqualTo("0A000");
        assertThat(PgError.sqlState(SqlErrorCode.EXECUTION_FAILED)).isEqualTo("XX000");
    }

    @Test
    void aLineAndColumnBecomeAPosition() {
        String text = "SHOW\n  MAPPINGS x";
        assertThat(PgError.position(text, 2, 12)).isEqualTo(17);
        assertThat(text.charAt(17 - 1)).isEqualTo('x');
        assertThat(PgError.position(text, 0, 0)).isZero();
        assertThat(PgError.position(text, 3, 1)).isZero();
        assertThat(PgError.position(null, 1, 1)).isZero();
    }

    @Test
    void otherExceptionsAreInternalErrors() {
        assertThat(PgError.of(new IllegalStateException("boom"), "x")).isEqualTo(new PgError("ERROR", "XX000", "boom", 0));
        PgError syntax = PgError.of(new SqlException("bad", true, 1, 3, 1, 4, List.of(), null), "ab cd");
        assertThat(syntax.sqlState()).isEqualTo("42601");
        assertThat(syntax.position()).isEqualTo(3);
    }
}
