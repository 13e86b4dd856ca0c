package dev.fap.model.bench;

import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.model.BuildOptions;
import dev.fap.model.Check;
import dev.fap.model.Layer;
import dev.fap.model.Model;
import dev.fap.model.Project;
import dev.fap.model.Selection;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the model engine's own cost per model: builds of 100 trivial models (one row each), so
 * that nearly all of the time is the engine's (lock, scheduling, catalog lookups, swap, metadata),
 * compared with the bare SQL a hand-written script would run for the same tables.
 *
 * <p>Run (after {@code test-compile}): {@code java -cp <test classpath> dev.fap.model.bench.EngineOverheadBench [runs]}.
 * Results are recorded in {@code docs/bench/model-engine.md}.
 */
public final class EngineOverheadBench {
    static final int MODELS = 100;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        try (Database db = Database.open(FapConfig.defaults().withPoolSize(4))) {
            List<Model> tables = new ArrayList<>();
            List<Model> views = new ArrayList<>();
            List<Model> chain = new ArrayList<>();
            List<Model> checked = new ArrayList<>();
            for (int i = 0; i < MODELS; i++) {
                tables.add(Model.table("t" + i, Layer.GOLD).sql("select " + i + " as x"));
                views.add(Model.view("v" + i, Layer.GOLD).sql("select " + i + " as x"));
                chain.add(Model.table("c" + i, Layer.GOLD).sql(i == 0 ? "select 0 as x" : "select x + 1 as x from gold.c" + (i - 1)));
                checked.add(Model.table("k" + i, Layer.GOLD).sql("select " + i + " as x").check(Check.notNull("x")));
            }
            report("bare SQL: create table as + rename swap, 1 connection", median(runs, () -> bareSql(db)));
            for (int threads : new int[] {1, 2, 3}) {
                Warehouse wh = Warehouse.on(db, Project.of(tables));
                BuildOptions o = BuildOptions.defaults().withThreads(threads);
                report("engine: 100 independent tables, " + threads + " thread(s)", median(runs, () -> wh.build(Selection.all(), o).orThrow()));
            }
            Warehouse wv = Warehouse.on(db, Project.of(views));
            report("engine: 100 independent views, 3 threads", median(runs, () -> wv.build().orThrow()));
            Warehouse wc = Warehouse.on(db, Project.of(chain));
            report("engine: chain of 100 tables (no parallelism possible)", median(runs, () -> wc.build().orThrow()));
            Warehouse wk = Warehouse.on(db, Project.of(checked));
            wk.build().orThrow();
            report("engine: 100 not_null checks, 3 threads", median(runs, () -> {
                TestResult t = wk.test();
                t.orThrow();
            }));
        }
    }

    interface Body {
        void run() throws Exception;
    }

    static void bareSql(Database db) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            for (int i = 0; i < MODELS; i++) {
                c.setAutoCommit(false);
                s.execute("create table gold.b" + i + "__new as select " + i + " as x");
                s.execute("drop table if exists gold.b" + i);
                s.execute("alter table gold.b" + i + "__new rename to b" + i);
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    /** CPU time of this JVM (all threads): the engine's own work, whatever the load of the machine. */
    static double cpuMillis;

    static double median(int runs, Body body) throws Exception {
        body.run(); // warm-up: first build creates everything
        body.run();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            body.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (os.getProcessCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        cpuMillis = cpu[runs / 2];
        return ms[runs / 2];
    }

    static void report(String what, double ms) {
        System.out.printf("%-58s %8.1f ms total %6.2f ms/model, JVM CPU %5.2f ms/model%n", what, ms, ms / MODELS, cpuMillis / MODELS);
    }
}
