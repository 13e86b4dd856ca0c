package dev.fap.analytics;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark of all eight analyses (not a test: it asserts nothing and runs only with
 * {@code -Dfap.bench=true}). Generates a dataset (default size, or {@code -Dfap.bench.transactions=N}
 * with {@code N/50} customers), loads it, builds the warehouse, then runs {@link Analytics#all()} once to
 * warm up and {@code -Dfap.bench.runs} (default 5) times measured; prints per-analysis and total times.
 *
 * <pre>
 * mvn -B -q -Dfap.buildDir=target-ana -pl fap-analytics -am verify -Dtest=AnalyticsBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfap.bench=true
 * </pre>
 */
@ExtendWith(FapDatabaseExtension.class)
@EnabledIfSystemProperty(named = "fap.bench", matches = "true")
class AnalyticsBenchmark {

    @Test
    void allEight(Database db) {
        long tx = Long.getLong("fap.bench.transactions", 50_000);
        int runs = Integer.getInteger("fap.bench.runs", 5);
        DatasetSpec spec = DatasetSpec.defaults().withTransactions(tx).withCustomers((int) Math.max(1000, tx / 50));
        long t0 = System.nanoTime();
        DataGenerator.of(spec).toDatabase(db);
        long t1 = System.nanoTime();
        FapWarehouse.on(db).build().orThrow();
        long t2 = System.nanoTime();
        System.out.printf("BENCH dataset %s: generate+load %d ms, build %d ms%n", spec, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        Analytics.on(db).all();
        List<Long> totals = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            AnalyticsReport report = Analytics.on(db).all();
            long ms = (System.nanoTime() - s) / 1_000_000;
            long cpuMs = (mx.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
            totals.add(ms);
            System.out.println("BENCH run " + (r + 1) + ": " + ms + " ms wall, " + cpuMs + " ms JVM CPU, load average "
                    + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + " "
                    + report.timings() + " failures=" + report.failures().size());
        }
        totals.sort(Long::compare);
        System.out.println("BENCH median of " + runs + ": " + totals.get(runs / 2) + " ms; min " + totals.get(0) + " ms");
    }
}
