package dev.fap.model.bench;

import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.model.BuildOptions;
import dev.fap.model.CheckResult;
import dev.fap.model.Model;
import dev.fap.model.Selection;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cost of the FAP warehouse's checks per model on an existing, built warehouse (e.g. 1M transactions):
 * for each model with checks, {@link Warehouse#test} of that model alone, with its wall time and the CPU the
 * whole PostgreSQL cluster spent meanwhile (the postmaster's reaped children plus its live ones, read from
 * {@code /proc}: backends and parallel workers alike), then one test run of every check. Pass the
 * postmaster's pid as {@code -Dbench.pgpid=N}; the database comes from {@code FAP_JDBC_URL}.
 *
 * <pre>
 * FAP_JDBC_URL='jdbc:postgresql://127.0.0.1:42055/c1m?user=postgres' \
 *   java -Dbench.pgpid=12345 -cp <test classpath> dev.fap.model.bench.CheckCostBench [build]
 * </pre>
 *
 * With {@code build} the warehouse is first built with a full refresh. Results are recorded in
 * {@code docs/bench/model-engine.md}.
 */
public final class CheckCostBench {
    private CheckCostBench() {}

    public static void main(String[] args) throws IOException {
        long pg = Long.parseLong(System.getProperty("bench.pgpid"));
        try (Database db = Database.open(FapConfig.load())) {
            Warehouse wh = FapWarehouse.on(db);
            if (args.length > 0 && args[0].equals("build")) {
                double c0 = clusterCpu(pg);
                long t0 = System.nanoTime();
                System.out.println(wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow());
                System.out.printf("build: %.1f s wall, %.1f s cluster CPU%n", (System.nanoTime() - t0) / 1e9, clusterCpu(pg) - c0);
            }
            wh.test(); // the first read after a build sets hint bits: not part of the checks' cost
            double total = 0;
            long totalWall = 0;
            List<String> lines = new ArrayList<>();
            for (Model m : wh.project().topologicalOrder()) {
                if (m.checks().isEmpty()) {
                    continue;
                }
                double c0 = clusterCpu(pg);
                TestResult t = wh.test(Selection.parse(m.name()));
                double cpu = clusterCpu(pg) - c0;
                total += cpu;
                totalWall += t.millis();
                lines.add(String.format("%-32s %6d ms %7.2f s CPU  %s", m.name(), t.millis(), cpu, t.status()));
                for (CheckResult c : t.checks()) {
                    lines.add(String.format("    %-56s %6d ms %s %d", c.id(), c.millis(), c.status(), c.failures()));
                }
            }
            lines.forEach(System.out::println);
            System.out.printf("per model: %d ms wall, %.2f s cluster CPU in total%n", totalWall, total);
            double c0 = clusterCpu(pg);
            TestResult all = wh.test();
            System.out.printf("all checks in one run: %d ms wall, %.2f s cluster CPU, %s, %d passed, %d warned, %d failed%n", all.millis(),
                    clusterCpu(pg) - c0, all.status(), all.passed(), all.warned(), all.failed());
        }
    }

    /** CPU seconds of the postmaster {@code pid}, its exited children and its live children. */
    static double clusterCpu(long pid) throws IOException {
        double hz = 100.0; // USER_HZ on Linux
        String[] own = stat(Path.of("/proc/" + pid + "/stat"));
        long ticks = Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15]) + Long.parseLong(own[16]);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String[] f = stat(p.resolve("stat"));
                    if (Long.parseLong(f[3]) == pid) {
                        ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile: its time is in the postmaster's children's now
                }
            }
        }
        return ticks / hz;
    }

    /** The fields of a {@code /proc/<pid>/stat} line, the command (in parentheses, may hold spaces) as one. */
    private static String[] stat(Path p) throws IOException {
        String s = Files.readString(p);
        int close = s.lastIndexOf(')');
        String[] rest = s.substring(close + 2).split(" ");
        String[] out = new String[rest.length + 2];
        out[0] = s.substring(0, s.indexOf(' '));
        out[1] = s.substring(s.indexOf('(') + 1, close);
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }
}
