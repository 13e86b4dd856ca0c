package dev.fap.analytics;

import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark of all eight analyses (not a test: it asserts nothing and runs only with
 * {@code -Dfap.bench=true}). Generates a dataset (default size, or {@code -Dfap.bench.transactions=N}
 * with {@code -Dfap.bench.customers} customers, default {@code max(1000, N/50)}), loads it, builds the
 * warehouse, then runs {@link Analytics#all()} once to warm up and {@code -Dfap.bench.runs} (default 5)
 * times measured; prints per-analysis and total times, the JVM CPU time of the whole process and the
 * machine's load average.
 *
 * <p>Options: {@code -Dfap.bench.dataDir=DIR} keeps the embedded PostgreSQL cluster in {@code DIR} and
 * reuses its warehouse on the next run when it was built from the same dataset spec (so analysis changes
 * can be measured without generating and building again); {@code -Dfap.bench.json=FILE} writes the JSON
 * of the last measured run (to compare results before and after a change);
 * {@code -Dfap.bench.parallelism=1} runs the eight analyses one after another instead of two at once;
 * {@code -Dfap.bench.warmups=0} skips the warm-up run (at 10M transactions the JIT is noise and a run takes minutes).
 *
 * <pre>
 * mvn -B -q -Dfap.buildDir=target-ana -pl fap-analytics -am verify -Dtest=AnalyticsBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfap.bench=true
 * </pre>
 */
@ExtendWith(FapDatabaseExtension.class)
@EnabledIfSystemProperty(named = "fap.bench", matches = "true")
class AnalyticsBenchmark {

    /** Runs the benchmark outside JUnit (needs {@code -Dfap.bench.dataDir}): {@code java -cp ... dev.fap.analytics.AnalyticsBenchmark}. */
    public static void main(String[] args) throws IOException {
        if (System.getProperty("fap.bench.dataDir") == null) {
            throw new IllegalArgumentException("pass -Dfap.bench.dataDir=DIR (the folder of the benchmark's embedded PostgreSQL)");
        }
        new AnalyticsBenchmark().allEight(null);
    }

    @Test
    void allEight(Database testDb) throws IOException {
        long tx = Long.getLong("fap.bench.transactions", 50_000);
        int customers = Integer.getInteger("fap.bench.customers", (int) Math.max(1000, tx / 50));
        int runs = Integer.getInteger("fap.bench.runs", 5);
        DatasetSpec spec = DatasetSpec.defaults().withTransactions(tx).withCustomers(customers);
        String dataDir = System.getProperty("fap.bench.dataDir");
        Database db = dataDir == null ? testDb : Database.open(FapConfig.defaults().withDataDir(Path.of(dataDir)));
        try {
            Path marker = dataDir == null ? null : Path.of(dataDir + ".spec");
            if (marker != null && Files.exists(marker) && Files.readString(marker).equals(spec.toString())) {
                System.out.println("BENCH reusing the warehouse in " + dataDir + " built from " + spec);
            } else {
                long t0 = System.nanoTime();
                DataGenerator.of(spec).toDatabase(db);
                long t1 = System.nanoTime();
                FapWarehouse.on(db).build().orThrow();
                long t2 = System.nanoTime();
                System.out.printf("BENCH dataset %s: generate+load %d ms, build %d ms, load average %s%n", spec, (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000, load());
                if (marker != null) {
                    Files.writeString(marker, spec.toString());
                }
            }
            Analytics analytics = Analytics.on(db).withParallelism(Integer.getInteger("fap.bench.parallelism", Analytics.DEFAULT_PARALLELISM));
            for (int w = Integer.getInteger("fap.bench.warmups", 1); w > 0; w--) {
                long w0 = System.nanoTime();
                analytics.all();
                System.out.printf("BENCH warm-up: %d ms%n", (System.nanoTime() - w0) / 1_000_000);
            }
            List<Long> totals = new ArrayList<>();
            AnalyticsReport report = null;
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            for (int r = 0; r < runs; r++) {
                String before = load();
                long cpu0 = processCpuNanos();
                long pg0 = postgresCpuMillis(dataDir);
                long own0 = mx.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                report = analytics.all();
                long ms = (System.nanoTime() - s) / 1_000_000;
                long cpuMs = (processCpuNanos() - cpu0) / 1_000_000;
                long pgMs = postgresCpuMillis(dataDir) - pg0;
                long ownMs = (mx.getCurrentThreadCpuTime() - own0) / 1_000_000;
                totals.add(ms);
                System.out.println("BENCH run " + (r + 1) + ": " + ms + " ms wall, " + cpuMs + " ms JVM CPU (all threads, GC included), "
                        + ownMs + " ms on the calling thread, " + (dataDir == null ? "" : pgMs + " ms PostgreSQL CPU, ") + "load average " + before + " -> " + load() + " " + report.timings()
                        + " failures=" + report.failures().size());
            }
            totals.sort(Long::compare);
            System.out.println("BENCH median of " + runs + ": " + totals.get(runs / 2) + " ms; min " + totals.get(0) + " ms");
            String json = System.getProperty("fap.bench.json");
            if (json != null && report != null) {
                report.writeJson(Path.of(json));
            }
        } finally {
            if (db != testDb) {
                db.close();
            }
        }
    }

    /**
     * CPU time of the benchmark's PostgreSQL (postmaster with the reaped children, i.e. finished parallel
     * workers, plus the live backends), from /proc; 0 when not on Linux or without a data folder.
     */
    private static long postgresCpuMillis(String dataDir) {
        if (dataDir == null) {
            return 0;
        }
        try {
            long postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDir, "postmaster.pid")).get(0).strip());
            long ticks = cpuTicks(postmaster, true);
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String[] f = stat(p);
                        if (Long.parseLong(f[1]) == postmaster) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks * 10; // USER_HZ = 100
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long cpuTicks(long pid, boolean withChildren) throws IOException {
        String[] f = stat(Path.of("/proc", Long.toString(pid)));
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
    }

    /** Fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(Path proc) throws IOException {
        String s = Files.readString(proc.resolve("stat"));
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0L;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
