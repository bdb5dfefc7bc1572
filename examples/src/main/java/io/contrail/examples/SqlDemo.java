package io.contrail.examples;

import io.contrail.jet.Contrail;
import io.contrail.jet.ContrailConfig;
import io.contrail.jet.ContrailInstance;
import io.contrail.sql.SqlResult;
import io.contrail.sql.SqlRow;
import io.contrail.sql.SqlService;

import java.util.concurrent.TimeUnit;

/**
 * SQL on an embedded member: a job computes windowed counts of a stream into an IMap, a query
 * reads them back, a streaming query shows rows as they come and stops at its LIMIT.
 *
 * <pre>
 *   ./mvnw -q -pl examples -am -DskipTests -Pdemo -Ddemo.main=io.contrail.examples.SqlDemo package
 * </pre>
 */
public final class SqlDemo {

    private SqlDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        ContrailInstance member = Contrail.newMember(new ContrailConfig().setClusterName("sql-demo"));
        try {
            SqlService sql = SqlService.of(member);
            sql.execute("CREATE MAPPING counts (window_start TIMESTAMP EXTERNAL NAME __key, n BIGINT EXTERNAL NAME this)"
                    + " TYPE IMap OPTIONS ('keyFormat' = 'varchar', 'valueFormat' = 'bigint')");
            // 1,000 events per second, event time = v milliseconds, counted in 250 ms windows
            sql.execute("CREATE JOB counter AS SINK INTO counts"
                    + " SELECT window_start, COUNT(*) FROM TABLE(TUMBLE("
                    + "   (SELECT * FROM TABLE(IMPOSE_ORDER("
                    + "     (SELECT v, TO_TIMESTAMP_TZ(v) AS ts FROM TABLE(generate_stream(1000))),"
                    + "     DESCRIPTOR(ts), INTERVAL '0.01' SECOND))),"
                    + "   DESCRIPTOR(ts), INTERVAL '0.25' SECOND))"
                    + " GROUP BY window_start");
            TimeUnit.SECONDS.sleep(2);
            print(sql, "SELECT window_start, n FROM counts ORDER BY window_start");
            print(sql, "SELECT v, v * v AS square FROM TABLE(generate_stream(5)) LIMIT 5");
            print(sql, "EXPLAIN PLAN FOR SELECT window_start, n FROM counts WHERE n > 0 ORDER BY window_start");
            member.getJob("counter").orElseThrow().cancel();
        } finally {
            member.shutdown();
        }
    }

    private static void print(SqlService sql, String query) {
        System.out.println("> " + query);
        try (SqlResult result = sql.execute(query)) {
            for (SqlRow row : result) {
                System.out.println("  " + row.values());
            }
        }
    }
}
