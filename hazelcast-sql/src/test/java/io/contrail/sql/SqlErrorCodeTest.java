package io.contrail.sql;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SqlErrorCodeTest {

    @Test
    void codes_areUnique_andInTheRangeOfTheirCategory() {
        assertThat(Arrays.stream(SqlErrorCode.values()).map(SqlErrorCode::getCode)).doesNotHaveDuplicates();
        for (SqlErrorCode code : SqlErrorCode.values()) {
            assertThat(code.getCode() / 1000).as(code.name()).isEqualTo(code.getCategory().ordinal() + 1);
        }
    }

    @Test
    void stableNumbers() {
        assertThat(SqlErrorCode.SYNTAX_ERROR.getCode()).isEqualTo(1000);
        assertThat(SqlErrorCode.INVALID_STATEMENT.getCode()).isEqualTo(2000);
        assertThat(SqlErrorCode.MAPPING_ALREADY_EXISTS.getCode()).isEqualTo(3000);
        assertThat(SqlErrorCode.EXECUTION_FAILED.getCode()).isEqualTo(4000);
        assertThat(SqlErrorCode.UNSUPPORTED_STATEMENT.getCode()).isEqualTo(5000);
    }
}
