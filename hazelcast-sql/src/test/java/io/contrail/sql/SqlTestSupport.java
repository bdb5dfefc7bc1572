package io.contrail.sql;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.sql.impl.catalog.MappingCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A member shared by the tests of a class, with helpers to run SQL and collect rows. */
public abstract class SqlTestSupport {

    protected static ContrailInstance member;
    protected static SqlService sql;

    @BeforeAll
    static void startMember() {
        member = Contrail.newMember(new ContrailConfig().setClusterName("sql-" + UUID.randomUUID())
                .setCooperativeThreadCount(2));
        sql = SqlService.of(member);
    }

    @AfterAll
    static void stopMember() {
        member.shutdown();
    }

    @AfterEach
    void clearCatalog() {
        member.getHazelcastInstance().getMap(MappingCatalog.MAP_NAME).clear();
    }

    /** Runs a row-returning statement and returns its rows' values. */
    protected static List<List<Object>> rows(String statement, Object... params) {
        List<List<Object>> rows = new ArrayList<>();
        try (SqlResult result = sql.execute(statement, params)) {
            for (SqlRow row : result) {
                rows.add(row.values());
            }
        }
        return rows;
    }

    /** Runs a statement that returns an update count. */
    protected static long update(String statement, Object... params) {
        try (SqlResult result = sql.execute(statement, params)) {
            return result.updateCount();
        }
    }

    /** Runs a statement expecting an {@link SqlException} with that code and a message containing the parts. */
    protected static SqlException assertSqlError(String statement, SqlErrorCode code, String... messageParts) {
        Throwable thrown = catchThrowable(() -> rows(statement));
        assertThat(thrown).as("the error of " + statement).isInstanceOf(SqlException.class);
        SqlException error = (SqlException) thrown;
        assertThat(error.getErrorCode()).as(error.getMessage()).isEqualTo(code);
        assertThat(error.getMessage()).contains(messageParts);
        return error;
    }

    /** A row's values, for comparisons ({@code List.of} refuses nulls). */
    protected static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
