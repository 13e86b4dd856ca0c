package dev.fap.model.bench;

import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.BuildOptions;
import dev.fap.model.Selection;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;

/**
 * What autovacuum does after a full build on a long-lived server: the tables it analyzes (the sum of
 * {@code autoanalyze_count} over every table) and the PostgreSQL cluster's CPU from the end of the build until no
 * autovacuum worker has run for 3 s (at most 40 s). Set {@code autovacuum_naptime} low on the server (e.g. 2 s) so the
 * launcher visits the database within the window.
 *
 * <pre>
 * FAP_JDBC_URL='jdbc:postgresql://127.0.0.1:PORT/db?user=postgres' java -Dbench.pgpid=PID -cp &lt;test classpath&gt; \
 *     dev.fap.model.bench.AutovacuumAfterBuildBench [rounds]
 * </pre>
 */
public final class AutovacuumAfterBuildBench {
    private AutovacuumAfterBuildBench() {}

    public static void main(String[] args) throws Exception {
        long pg = Long.parseLong(System.getProperty("bench.pgpid"));
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        try (Database db = Database.open(FapConfig.load())) {
            DataGenerator.of(DatasetSpec.defaults()).toDatabase(db);
            Warehouse wh = FapWarehouse.on(db);
            BuildOptions full = BuildOptions.defaults().withFullRefresh();
            wh.build(Selection.all(), full).orThrow();
            quiet(db, 40_000);
            for (int r = 1; r <= rounds; r++) {
                long analyzedBefore = autoanalyzed(db);
                double before = CheckCostBench.clusterCpu(pg);
                long t0 = System.nanoTime();
                wh.build(Selection.all(), full).orThrow();
                double build = CheckCostBench.clusterCpu(pg) - before;
                long buildMillis = (System.nanoTime() - t0) / 1_000_000;
                double afterBuild = CheckCostBench.clusterCpu(pg);
                long waited = quiet(db, 40_000);
                double tail = CheckCostBench.clusterCpu(pg) - afterBuild;
                System.out.printf("round %d: full build %d ms, server CPU %.2f s | afterwards %d ms until autovacuum was quiet:"
                        + " server CPU %.2f s, %d table(s) auto-analyzed%n", r, buildMillis, build, waited, tail, autoanalyzed(db) - analyzedBefore);
            }
        }
    }

    private static long autoanalyzed(Database db) {
        db.dsl().fetch("select pg_stat_clear_snapshot()");
        return db.dsl().fetchSingle("select coalesce(sum(autoanalyze_count), 0)::bigint from pg_stat_all_tables").get(0, Long.class);
    }

    /** Waits until no autovacuum worker has run for 3 s after one ran, or 8 s without any; returns the milliseconds waited. */
    private static long quiet(Database db, long maxMillis) throws InterruptedException {
        long t0 = System.nanoTime();
        long lastSeen = -1;
        while (true) {
            long now = (System.nanoTime() - t0) / 1_000_000;
            boolean running = db.dsl().fetchSingle("select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")
                    .get(0, Long.class) > 0;
            if (running) {
                lastSeen = now;
            }
            if (now >= maxMillis || (lastSeen >= 0 && now - lastSeen >= 3_000) || (lastSeen < 0 && now >= 8_000)) {
                return now;
            }
            Thread.sleep(100);
        }
    }
}
