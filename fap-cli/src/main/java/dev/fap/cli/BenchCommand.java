package dev.fap.cli;

import dev.fap.Fap;
import dev.fap.RunResult;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.generator.DatasetSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fap bench}: the main job measured. Runs {@link Fap#run()} several times on the same dataset,
 * each on a fresh database (a new temporary embedded cluster unless one is configured), and prints a
 * Markdown table of wall milliseconds per step, JVM CPU, peak heap and peak resident memory, with the
 * machine it ran on: the figures that go into {@code docs/BENCHMARKS.md}.
 *
 * <pre>{@code
 * ./fap bench --runs 3                                                # the default dataset
 * JAVA_OPTS=-Xmx512m ./fap bench --runs 1 --customers 10000 --transactions 10000000
 * }</pre>
 *
 * <p>Peak heap is the sum of the heap pools' peak usage since the run started; peak resident memory is
 * the JVM's {@code VmHWM} (Linux, reset before each run through {@code /proc/self/clear_refs}). The
 * PostgreSQL server's own memory is not included.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the main job several times and print a Markdown table of its step times, CPU and memory.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    FapCli cli;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Measured runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "Unmeasured runs first, e.g. to see a warm JVM (default ${DEFAULT-VALUE}: the first run is a cold start).")
    int warmup;

    @Override
    public Integer call() throws IOException {
        if (runs < 1 || warmup < 0) {
            throw new FapException(ErrorCode.INVALID_ARGUMENT,
                    "--runs must be at least 1 and --warmup at least 0, were " + runs + " and " + warmup,
                    "e.g. fap bench --runs 3");
        }
        PrintWriter out = cli.out();
        DatasetSpec spec = dataset.spec();
        Path dir = cli.outDir().resolve("bench");
        Files.createDirectories(dir);
        Fap fap = Fap.configure(cli.config()).withDataset(spec).withOutput(dir).withProgress(ConsoleProgress.of(cli));
        out.println("## fap bench, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.println();
        out.println("- dataset: " + spec);
        out.println("- machine: " + Machine.describe());
        out.println("- command: fap " + String.join(" ", cli.spec.commandLine().getParseResult().originalArgs()));
        out.println();
        out.flush();
        for (int i = 0; i < warmup; i++) {
            fap.run();
        }
        List<Measured> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String loadBefore = Machine.loadAverage();
            Machine.resetPeaks();
            long cpu0 = Machine.processCpuNanos();
            RunResult r = fap.run();
            measured.add(new Measured(r, (Machine.processCpuNanos() - cpu0) / 1_000_000, Machine.peakHeapBytes(),
                    Machine.peakResidentBytes(), loadBefore, Machine.loadAverage()));
            r.orThrow();
        }
        out.print(table(measured));
        out.flush();
        return 0;
    }

    private record Measured(RunResult result, long cpuMillis, long peakHeap, long peakResident, String loadBefore, String loadAfter) {}

    private static String table(List<Measured> runs) {
        Set<String> steps = new LinkedHashSet<>();
        runs.forEach(m -> steps.addAll(m.result().stepMillis().keySet()));
        StringBuilder b = new StringBuilder("| run | total s |");
        steps.forEach(s -> b.append(' ').append(s).append(" s |"));
        b.append(" JVM CPU s | peak heap MB | peak RSS MB | bronze rows | gold rows | load before / after |\n|---|---|");
        steps.forEach(s -> b.append("---|"));
        b.append("---|---|---|---|---|---|\n");
        for (int i = 0; i < runs.size(); i++) {
            Measured m = runs.get(i);
            RunResult r = m.result();
            b.append("| ").append(i + 1).append(" | ").append(seconds(r.millis())).append(" |");
            for (String s : steps) {
                Long ms = r.stepMillis().get(s);
                b.append(' ').append(ms == null ? "" : seconds(ms)).append(" |");
            }
            b.append(' ').append(seconds(m.cpuMillis())).append(" | ").append(megabytes(m.peakHeap())).append(" | ")
                    .append(megabytes(m.peakResident())).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", r.warehouse().totalBronzeRows())).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", r.warehouse().layers().get("gold").rows())).append(" | ")
                    .append(m.loadBefore()).append(" / ").append(m.loadAfter()).append(" |\n");
        }
        return b.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : Long.toString(bytes >> 20);
    }

    /** What the benchmark says about the machine and the process. */
    static final class Machine {
        private Machine() {
        }

        static String describe() {
            Runtime rt = Runtime.getRuntime();
            return rt.availableProcessors() + " cores, " + memTotal() + ", Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vm.name") + "), max heap " + (rt.maxMemory() >> 20) + " MB, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", load average " + loadAverage();
        }

        static String loadAverage() {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", l);
        }

        static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }

        static void resetPeaks() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            try {
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");   // resets VmHWM (Linux 4.0+)
            } catch (IOException | RuntimeException e) {
                // not Linux: the peak resident size then covers the whole process life
            }
        }

        static long peakHeapBytes() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        static long peakResidentBytes() {
            long kb = procStatusKb("VmHWM:");
            return kb < 0 ? -1 : kb * 1024;
        }

        private static String memTotal() {
            long kb = procKb(Path.of("/proc/meminfo"), "MemTotal:");
            return kb < 0 ? "RAM n/a" : (kb >> 20) + " GiB RAM";
        }

        private static long procStatusKb(String key) {
            return procKb(Path.of("/proc/self/status"), key);
        }

        /** A "Key:   1234 kB" line of a Linux /proc file in kB, or -1 (not Linux, no such line). */
        private static long procKb(Path file, String key) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith(key)) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            return -1;
        }
    }
}
