package dev.fap.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fap.analytics.Analytics;
import dev.fap.analytics.AnalyticsReport;
import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * All eight analyses give the same report whether the shared passes over the fact table are streamed to the JVM
 * (PgJDBC connections: one binary COPY, aggregated in Java) or run as SQL aggregates (a data source whose
 * connections do not unwrap to PgJDBC's, as an application's proxying pool may hand out): the same JSON, number for
 * number, leaving out the measured timings and latencies.
 */
@ExtendWith(FapDatabaseExtension.class)
class StreamedAndSqlPassesTest {

    @Test
    void theReportIsTheSameOnBothPaths(Database db) throws Exception {
        DataGenerator.of(DatasetSpec.defaults().withCustomers(300).withTransactions(15_000).withCampaigns(4)).toDatabase(db);
        FapWarehouse.on(db).build().orThrow();
        Database sqlOnly = Database.wrap(withoutPgJdbc(db.dataSource()));
        Sql sql = new Sql(sqlOnly);
        assertThat(FactScan.load(new Context(sql, FactClock.load(sql), 42, 0.95, null, 50, 0.25), 1)).isNull();

        AnalyticsReport streamed = Analytics.on(db).all();
        AnalyticsReport aggregated = Analytics.on(sqlOnly).all();

        assertThat(streamed.failures()).isEmpty();
        assertThat(streamed.descriptive().kpis().transactions()).isGreaterThanOrEqualTo(14_000);
        JsonNode a = withoutMeasurements(AnalyticsReport.jsonMapper().readTree(streamed.toJson()));
        JsonNode b = withoutMeasurements(AnalyticsReport.jsonMapper().readTree(aggregated.toJson()));
        assertThat(a).isEqualTo(b);
    }

    /** The report without what is measured rather than computed (timings, round trips, lag). */
    private static JsonNode withoutMeasurements(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(List.of("timings", "latency", "lagSeconds", "ingestionLagSeconds"));
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                withoutMeasurements(it.next());
            }
        } else if (node.isArray()) {
            node.forEach(StreamedAndSqlPassesTest::withoutMeasurements);
        }
        return node;
    }

    /** The data source's connections, except that they do not unwrap to PgJDBC's (so no COPY API). */
    private static DataSource withoutPgJdbc(DataSource ds) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, ds, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private static Connection connection(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("unwrap") && args[0] != Connection.class) {
                        throw new SQLException("not a wrapper for " + args[0]);
                    }
                    if (method.getName().equals("isWrapperFor") && args[0] != Connection.class) {
                        return false;
                    }
                    return invoke(method, c, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
