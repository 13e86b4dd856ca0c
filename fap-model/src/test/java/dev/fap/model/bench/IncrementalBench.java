package dev.fap.model.bench;

import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.core.ProgressListener;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.BuildAndTestResult;
import dev.fap.model.BuildOptions;
import dev.fap.model.BuildResult;
import dev.fap.model.Selection;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import jdk.jfr.Recording;

/**
 * Issue #4's ratio "an incremental run after appending one day of data costs at most 10 % of a full build", measured
 * the way the gold passes measured it (docs/bench/model-warehouse.md, CpuBench), plus the JVM's CPU and the checks.
 *
 * <p>Steps: generate the dataset; a full build (warm-up); then {@code rounds} times: a full build (full refresh of every
 * model, the denominator), {@code nextBatch(1)} (one more day of every bronze table), an incremental build of every model
 * (the numerator). With {@code checks}, the same once more with {@code buildAndTest}: full build + every check, one more
 * day, incremental build + every check. Before each measured step it waits until no autovacuum worker runs (an analyze
 * of the previous step's tables would otherwise land in it). Each step reports wall milliseconds, the PostgreSQL
 * cluster's CPU seconds ({@link CheckCostBench#clusterCpu}: postmaster, backends, parallel workers, autovacuum) and the
 * JVM's CPU seconds. With {@code -Dbench.jfr=file.jfr} the last incremental build is recorded (execution samples every
 * millisecond) for {@code jfr print}; {@code -Dbench.threads=N} sets the incremental builds' threads (default: automatic).
 *
 * <pre>
 * FAP_JDBC_URL='jdbc:postgresql://127.0.0.1:PORT/db?user=postgres' java -Dbench.pgpid=PID -cp &lt;test classpath&gt; \
 *     dev.fap.model.bench.IncrementalBench [customers transactions] [rounds=3] [checks]
 * </pre>
 */
public final class IncrementalBench {
    private IncrementalBench() {}

    /** Wall, cluster CPU and JVM CPU of one step. */
    private record Cost(long wallMillis, double serverCpu, double jvmCpu) {
        double cpu() {
            return serverCpu + jvmCpu;
        }

        @Override
        public String toString() {
            return String.format("wall %6d ms, server CPU %6.2f s, JVM CPU %5.2f s", wallMillis, serverCpu, jvmCpu);
        }
    }

    public static void main(String[] args) throws Exception {
        long pg = Long.parseLong(System.getProperty("bench.pgpid"));
        DatasetSpec spec = DatasetSpec.defaults();
        int a = 0;
        if (args.length >= 2 && args[0].matches("\\d+") && args[1].matches("\\d+")) {
            spec = spec.withCustomers(Integer.parseInt(args[0])).withTransactions(Long.parseLong(args[1]));
            a = 2;
        }
        int rounds = 3;
        boolean checks = false;
        for (; a < args.length; a++) {
            if (args[a].startsWith("rounds=")) {
                rounds = Integer.parseInt(args[a].substring(7));
            } else if (args[a].equals("checks")) {
                checks = true;
            }
        }
        try (Database db = Database.open(FapConfig.load())) {
            DataGenerator gen = DataGenerator.of(spec);
            System.out.println(gen.toDatabase(db));
            Warehouse wh = FapWarehouse.on(db);
            BuildOptions full = BuildOptions.defaults().withFullRefresh();
            wh.build(Selection.all(), full).orThrow();
            for (int r = 1; r <= rounds; r++) {
                Cost f = measure(db, pg, () -> wh.build(Selection.all(), full).orThrow());
                gen = gen.nextBatch(1);
                gen.toDatabase(db);
                BuildResult[] inc = new BuildResult[1];
                boolean profile = r == rounds && Boolean.getBoolean("bench.profile");
                statementStats(db, profile);
                Timeline timeline = new Timeline();
                String jfr = r == rounds ? System.getProperty("bench.jfr") : null;
                Recording recording = jfr == null ? null : new Recording();
                if (recording != null) {
                    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                    recording.start();
                }
                BuildOptions incremental = BuildOptions.defaults().withListener(timeline).withThreads(Integer.getInteger("bench.threads", 0));
                Cost i = measure(db, pg, () -> inc[0] = wh.build(Selection.all(), incremental).orThrow());
                if (recording != null) {
                    recording.stop();
                    recording.dump(Path.of(jfr));
                }
                statementStats(db, false);
                if (r == rounds) {
                    System.out.println(inc[0]);
                    timeline.print();
                }
                report("build", r, f, i);
            }
            if (checks) {
                Cost f = measure(db, pg, () -> wh.buildAndTest(Selection.all(), full).orThrow());
                gen = gen.nextBatch(1);
                gen.toDatabase(db);
                BuildAndTestResult[] inc = new BuildAndTestResult[1];
                Cost i = measure(db, pg, () -> inc[0] = wh.buildAndTest(Selection.all(), BuildOptions.defaults()).orThrow());
                System.out.println(inc[0].test());
                report("build+checks", 1, f, i);
            }
        }
    }

    /** Start and end of each model's build, in milliseconds from the first start, for the critical path. */
    private static final class Timeline implements ProgressListener {
        private final long t0 = System.nanoTime();
        private final Map<String, long[]> steps = new ConcurrentHashMap<>();

        @Override
        public void stepStarted(String step, long expectedTotal) {
            if (step.startsWith("build:")) {
                steps.put(step.substring(6), new long[] {(System.nanoTime() - t0) / 1_000_000, -1});
            }
        }

        @Override
        public void stepFinished(String step, long rows, long millis) {
            long[] s = steps.get(step.startsWith("build:") ? step.substring(6) : "");
            if (s != null) {
                s[1] = (System.nanoTime() - t0) / 1_000_000;
            }
        }

        void print() {
            steps.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getValue()[0]))
                    .forEach(e -> System.out.printf("  %6d .. %6d ms  %s%n", e.getValue()[0], e.getValue()[1], e.getKey()));
        }
    }

    private static void report(String what, int round, Cost full, Cost inc) {
        System.out.printf("%s round %d: full %s | incremental %s | ratio wall %.1f %%, server CPU %.1f %%, server+JVM CPU %.1f %%%n",
                what, round, full, inc, 100.0 * inc.wallMillis() / full.wallMillis(), 100 * inc.serverCpu() / full.serverCpu(),
                100 * inc.cpu() / full.cpu());
    }

    private static Cost measure(Database db, long pg, Supplier<?> step) throws Exception {
        settle(db);
        double s0 = CheckCostBench.clusterCpu(pg);
        double j0 = jvmCpu();
        long t0 = System.nanoTime();
        step.get();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        double jvm = jvmCpu() - j0; // before the scan of /proc that reads the cluster's CPU, which costs the JVM ~10 ms
        return new Cost(millis, CheckCostBench.clusterCpu(pg) - s0, jvm);
    }

    /**
     * With {@code -Dbench.profile=true} the last round's incremental build runs with {@code log_statement_stats} on in
     * every session (server-wide, so superuser only): the server log then holds each statement's CPU and text.
     */
    private static void statementStats(Database db, boolean on) {
        if (on || Boolean.getBoolean("bench.profile")) {
            db.dsl().execute("alter system set log_statement_stats = " + on);
            db.dsl().execute("alter system set log_min_error_statement = " + (on ? "log" : "error"));
            db.dsl().execute("alter system set log_line_prefix = '%m [%p] '");
            db.dsl().fetch("select pg_reload_conf()");
        }
    }

    private static double jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Waits (at most 30 s) until no autovacuum worker has run for 0.3 s. */
    private static void settle(Database db) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (autovacuumWorkers(db) == 0) {
                Thread.sleep(300);
                if (autovacuumWorkers(db) == 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
    }

    private static long autovacuumWorkers(Database db) {
        return db.dsl().fetchSingle("select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'").get(0, Long.class);
    }
}
