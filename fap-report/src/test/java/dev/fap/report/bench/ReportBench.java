package dev.fap.report.bench;

import dev.fap.analytics.AnalyticsReport;
import dev.fap.report.ReportSet;
import dev.fap.report.ReportWriter;
import dev.fap.report.internal.PlotlyBundle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times report writing: the one-off plotly.js compression and then writing the nine files.
 *
 * <pre>
 * java -cp ... dev.fap.report.bench.ReportBench fap-out/analytics.json [rounds]
 * </pre>
 */
public final class ReportBench {
    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ReportBench <analytics.json> [rounds]");
            System.exit(2);
        }
        AnalyticsReport analytics = AnalyticsReport.readJson(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long t0 = System.nanoTime();
        PlotlyBundle bundle = PlotlyBundle.get();
        System.out.printf("plotly.js %s: %,d bytes, gzipped %,d bytes in %d ms (once per JVM)%n", bundle.version(), bundle.rawSize(),
                bundle.gzipped().length, (System.nanoTime() - t0) / 1_000_000);
        Path dir = Files.createTempDirectory("fap-report-bench");
        for (int i = 1; i <= rounds; i++) {
            ReportSet set = ReportWriter.defaults().write(analytics, dir);
            System.out.printf("round %d: %d charts, %.1f MB, %d ms%n", i, set.totalCharts(), set.totalBytes() / 1e6, set.millis());
        }
    }
}
