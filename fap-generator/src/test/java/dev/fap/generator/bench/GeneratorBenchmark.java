package dev.fap.generator.bench;

import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.core.bronze.BronzeLoadResult;
import dev.fap.core.bronze.BronzeLoader;
import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.GenerateResult;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import org.postgresql.PGConnection;

/**
 * Generator benchmarks, printed as a Markdown table (copied into docs/bench/generator.md).
 *
 * <pre>
 * mvn -B -q -Dfap.buildDir=target-gen -pl fap-generator -am test-compile
 * mvn -B -q -Dfap.buildDir=target-gen -pl fap-generator dependency:build-classpath -Dmdep.outputFile=/tmp/gen-cp.txt
 * CP=fap-generator/target-gen/test-classes:fap-generator/target-gen/classes:fap-core/target-gen/classes:$(cat /tmp/gen-cp.txt)
 * java -cp $CP dev.fap.generator.bench.GeneratorBenchmark csv        # default dataset to CSV, first run after JVM start
 * java -cp $CP dev.fap.generator.bench.GeneratorBenchmark nullsink   # transactions/s, one thread, rows discarded
 * java -cp $CP dev.fap.generator.bench.GeneratorBenchmark variants   # default dataset: en-US vs other locales vs business rates
 * java -cp $CP dev.fap.generator.bench.GeneratorBenchmark copy       # bronze load vs raw COPY (embedded PostgreSQL)
 * java -Xmx512m -cp $CP dev.fap.generator.bench.GeneratorBenchmark big 10000000   # 10M transactions, CSV-formatted, 512 MB heap
 * java -Xmx512m -cp $CP dev.fap.generator.bench.GeneratorBenchmark load 10000000  # toDatabase, 10,000 customers: wall, JVM and server CPU
 * </pre>
 */
public final class GeneratorBenchmark {
    private GeneratorBenchmark() {}

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "csv";
        switch (what) {
            case "csv" -> csv();
            case "nullsink" -> nullSink();
            case "variants" -> variants();
            case "copy" -> copy();
            case "big" -> big(args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L);
            case "load" -> load(args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L, args.length > 2 ? Integer.parseInt(args[2]) : 1);
            default -> throw new IllegalArgumentException("csv | nullsink | variants | copy | big [n] | load [n [runs]]");
        }
    }

    /** Default dataset (1,000 customers, 50,000 transactions) to CSV: first run after JVM start, then warm runs. */
    private static void csv() throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path dir = Files.createTempDirectory("fap-bench-csv");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        GenerateResult r = DataGenerator.of(DatasetSpec.defaults()).toCsv(dir);
        long first = (System.nanoTime() - t0) / 1_000_000;
        long firstCpu = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        long sinceJvm = System.currentTimeMillis() - jvmStart;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            DataGenerator.of(DatasetSpec.defaults()).toCsv(dir);
            best = Math.min(best, (System.nanoTime() - t) / 1_000_000);
        }
        long bytes;
        try (var files = Files.list(dir)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "| default dataset to CSV, first run | %d ms wall, %d ms CPU (JVM start to done: %d ms) | %d rows, %.1f MB |%n",
                first, firstCpu, sinceJvm, r.totalRows(), bytes / 1e6);
        System.out.printf(Locale.ROOT, "| default dataset to CSV, warm (best of 5) | %d ms | threads=%d |%n", best,
                DatasetSpec.defaults().threads());
        delete(dir);
    }

    /**
     * Transactions per second on one thread, rows generated and discarded (and, second line, formatted
     * as CSV into a null stream): two warm-up runs, then the best of three by thread CPU time (the
     * machine is shared, so wall time is reported too).
     */
    private static void nullSink() {
        DatasetSpec spec = DatasetSpec.defaults().withCustomers(10_000).withTransactions(2_000_000).withThreads(1);
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2; i++) {
            DataGenerator.of(spec).forEachRow(r -> { });
        }
        double cpu = Double.MAX_VALUE;
        double wall = Double.MAX_VALUE;
        long tx = 0;
        for (int i = 0; i < 3; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            tx = DataGenerator.of(spec).forEachRow(row -> { }).rows(BronzeTable.TRANSACTIONS);
            wall = Math.min(wall, (System.nanoTime() - t0) / 1e9);
            cpu = Math.min(cpu, (threads.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "| null sink, 1 thread, %,d tx, 10,000 customers (all 13 tables generated) | best %.2f s wall, %.2f s CPU "
                + "| %,.0f tx/s wall, %,.0f tx/s per CPU-second |%n", tx, wall, cpu, tx / wall, tx / cpu);
        double cpuCsv = Double.MAX_VALUE;
        double wallCsv = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            try (BronzeRowWriter w = BronzeRowWriter.csv(OutputStream.nullOutputStream())) {
                long c1 = threads.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                DataGenerator.of(spec).forEachRow(row -> row.writeTo(w));
                wallCsv = Math.min(wallCsv, (System.nanoTime() - t1) / 1e9);
                cpuCsv = Math.min(cpuCsv, (threads.getCurrentThreadCpuTime() - c1) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "| same, every row formatted as CSV into a null stream | best %.2f s wall, %.2f s CPU | %,.0f tx/s wall, "
                + "%,.0f tx/s per CPU-second |%n", wallCsv, cpuCsv, tx / wallCsv, tx / cpuCsv);
    }

    /**
     * The default dataset in memory-less form (rows discarded, all cores), warm, best of 5 by wall
     * time and process CPU: en-US, two other locales, and each business rate (which adds the
     * calibration: pilot runs of the spec, and for churn a second world build).
     */
    private static void variants() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        DatasetSpec d = DatasetSpec.defaults();
        java.util.Map<String, DatasetSpec> specs = new java.util.LinkedHashMap<>();
        specs.put("en-US (default)", d);
        specs.put("de-DE", d.withLocale(Locale.GERMANY));
        specs.put("en-GB", d.withLocale(Locale.UK));
        specs.put("fraud rate 0.02", d.withFraudRate(0.02));
        specs.put("decline rate 0.10", d.withDeclineRate(0.10));
        specs.put("churn rate 0.25", d.withChurnRate(0.25));
        specs.put("all three rates", d.withFraudRate(0.02).withDeclineRate(0.10).withChurnRate(0.25));
        for (int i = 0; i < 2; i++) {
            specs.values().forEach(s -> DataGenerator.of(s).forEachRow(r -> { }));
        }
        specs.forEach((name, spec) -> {
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                DataGenerator.of(spec).forEachRow(r -> { });
                best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
                bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - c0) / 1_000_000);
            }
            System.out.printf(Locale.ROOT, "| %s | %d ms wall | %d ms CPU |%n", name, best, bestCpu);
        });
    }

    /** Bronze load (stamped batch) vs raw COPY of the same CSV files, same database, same run. */
    private static void copy() throws Exception {
        DatasetSpec spec = DatasetSpec.defaults().withCustomers(10_000).withTransactions(1_000_000);
        Path dir = Files.createTempDirectory("fap-bench-copy");
        DataGenerator gen = DataGenerator.of(spec);
        gen.toCsv(dir);
        try (Database db = Database.open(FapConfig.defaults())) {
            BronzeLoader.ensureTables(db);
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("create schema if not exists rawcopy");
                for (BronzeTable t : BronzeTable.values()) {
                    s.execute(t.createTableSql("rawcopy").replace(",\n    _batch_id bigint,\n    _loaded_at timestamptz not null default now()", ""));
                }
            }
            long raw = Long.MAX_VALUE;
            long bronze = Long.MAX_VALUE;
            long direct = Long.MAX_VALUE;
            long rows = 0;
            for (int i = 0; i < 3; i++) {
                truncate(db);
                long t0 = System.nanoTime();
                try (Connection c = db.connection()) {
                    var copy = c.unwrap(PGConnection.class).getCopyAPI();
                    c.setAutoCommit(false);
                    for (BronzeTable t : BronzeTable.values()) {
                        try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(t.tableName() + ".csv")), 1 << 16)) {
                            copy.copyIn("copy rawcopy." + t.tableName() + " from stdin with (format csv, header true)", in, 1 << 16);
                        }
                    }
                    c.commit();
                }
                raw = Math.min(raw, (System.nanoTime() - t0) / 1_000_000);
                long t1 = System.nanoTime();
                BronzeLoadResult r = BronzeLoader.loadCsv(db, dir);
                bronze = Math.min(bronze, (System.nanoTime() - t1) / 1_000_000);
                rows = r.totalRows();
                long t2 = System.nanoTime();
                gen.toDatabase(db);
                direct = Math.min(direct, (System.nanoTime() - t2) / 1_000_000);
            }
            System.out.printf(Locale.ROOT, "| raw COPY of the CSV files (%,d rows, 1M transactions), best of 3 | %d ms | %,.0f rows/s |%n",
                    rows, raw, rows / (raw / 1000.0));
            System.out.printf(Locale.ROOT, "| BronzeLoader.loadCsv of the same files (stamped batch), best of 3 | %d ms | %.2fx raw COPY |%n",
                    bronze, bronze / (double) raw);
            System.out.printf(Locale.ROOT, "| DataGenerator.toDatabase (generate + COPY, no files), best of 3 | %d ms | %.2fx raw COPY |%n",
                    direct, direct / (double) raw);
        }
        delete(dir);
    }

    private static void truncate(Database db) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            for (BronzeTable t : BronzeTable.values()) {
                s.execute("truncate rawcopy." + t.tableName() + ", bronze." + t.tableName());
            }
            s.execute("checkpoint");
        }
    }

    /** Many transactions with a small heap: formatted as CSV into a null stream; reports peak heap use. */
    private static void big(long n) {
        DatasetSpec spec = DatasetSpec.defaults().withCustomers(100_000).withTransactions(n);
        long t0 = System.nanoTime();
        GenerateResult r;
        try (BronzeRowWriter w = BronzeRowWriter.csv(OutputStream.nullOutputStream())) {
            r = DataGenerator.of(spec).forEachRow(row -> row.writeTo(w));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "| %,d transactions (100,000 customers), -Xmx%d MB, %d threads, CSV-formatted | %.1f s | %,.0f tx/s, "
                        + "peak heap (sum of pool peaks) %d MB, %,d rows in all |%n", r.rows(BronzeTable.TRANSACTIONS),
                Runtime.getRuntime().maxMemory() >> 20, spec.threads(), s, r.rows(BronzeTable.TRANSACTIONS) / s, peak >> 20, r.totalRows());
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                System.out.printf(Locale.ROOT, "  pool %s peak %d MB%n", p.getName(), p.getPeakUsage().getUsed() >> 20);
            }
        }
    }

    /**
     * {@code DataGenerator.toDatabase} of {@code n} transactions and 10,000 customers (the {@code fap bench
     * --customers 10000} dataset) into a fresh temporary embedded cluster, {@code runs} times (the bronze
     * tables truncated and checkpointed in between): wall time, CPU of this JVM, CPU of the PostgreSQL
     * server (postmaster, its live children and its reaped children, from /proc), peak heap.
     */
    private static void load(long n, int runs) throws Exception {
        DatasetSpec spec = n == DatasetSpec.defaults().transactions() ? DatasetSpec.defaults()
                : DatasetSpec.defaults().withCustomers(10_000).withTransactions(n);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Database db = Database.open(FapConfig.defaults())) {
            BronzeLoader.ensureTables(db);
            long postmaster = postmasterPid(db);
            System.err.println("postmaster pid " + postmaster);
            for (int i = 0; i < runs; i++) {
                if (i > 0) {
                    try (Connection c = db.connection(); Statement s = c.createStatement()) {
                        for (BronzeTable t : BronzeTable.values()) {
                            s.execute("truncate bronze." + t.tableName());
                        }
                        s.execute("checkpoint");
                    }
                }
                long server0 = serverCpuMillis(postmaster);
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                GenerateResult r = DataGenerator.of(spec).toDatabase(db);
                long wall = (System.nanoTime() - t0) / 1_000_000;
                long jvmCpu = (os.getProcessCpuTime() - cpu0) / 1_000_000;
                long serverCpu = serverCpuMillis(postmaster) - server0;
                long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                System.out.printf(Locale.ROOT, "| toDatabase %,d tx, %,d customers, run %d, -Xmx%d MB | %,d ms wall | JVM CPU %,d ms "
                                + "| server CPU %,d ms | %,d rows, %,.0f tx/s, peak heap %d MB |%n", r.rows(BronzeTable.TRANSACTIONS),
                        spec.customers(), i + 1, Runtime.getRuntime().maxMemory() >> 20, wall, jvmCpu, serverCpu, r.totalRows(),
                        r.rows(BronzeTable.TRANSACTIONS) * 1000.0 / wall, peak >> 20);
            }
        }
    }

    /** The postmaster of {@code db}: the parent of a backend. */
    private static long postmasterPid(Database db) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return Long.parseLong(procStat(rs.getLong(1))[3]);
        }
    }

    /** utime + stime + cutime + cstime of the postmaster plus utime + stime of its live children, in ms. */
    private static long serverCpuMillis(long postmaster) throws Exception {
        String[] pm = procStat(postmaster);
        long ticks = Long.parseLong(pm[13]) + Long.parseLong(pm[14]) + Long.parseLong(pm[15]) + Long.parseLong(pm[16]);
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String[] st = procStat(Long.parseLong(p.getFileName().toString()));
                    if (Long.parseLong(st[3]) == postmaster) {
                        ticks += Long.parseLong(st[13]) + Long.parseLong(st[14]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process exited meanwhile
                }
            }
        }
        return ticks * 10; // USER_HZ = 100
    }

    /** /proc/PID/stat fields, 0-based as in proc(5) minus one (the command name may hold spaces). */
    private static String[] procStat(long pid) throws java.io.IOException {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String rest = s.substring(s.lastIndexOf(')') + 2);
        String[] f = rest.split(" ");
        String[] all = new String[f.length + 2];
        all[0] = String.valueOf(pid);
        all[1] = "comm";
        System.arraycopy(f, 0, all, 2, f.length);
        return all;
    }

    private static void delete(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
