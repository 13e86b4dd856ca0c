package dev.fap.cli;

import dev.fap.analytics.AnalysisFailure;
import dev.fap.analytics.Analytics;
import dev.fap.analytics.AnalyticsReport;
import dev.fap.core.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fap analyze}: computes the eight analyses over gold and writes {@code analytics.json}. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Compute the eight analytics types over the gold layer and write <out>/analytics.json.")
final class AnalyzeCommand implements Callable<Integer> {
    @ParentCommand
    FapCli cli;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of train/test splits, bootstraps and k-means (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
            description = "Confidence level of every interval (default ${DEFAULT-VALUE}).")
    double level;

    @Override
    public Integer call() {
        try (Database db = cli.openDatabase()) {
            cli.warnIfTemporary(db);
            AnalyticsReport report = analyze(db, cli, seed, level);
            Path json = write(report, cli);
            cli.out().println(report);
            cli.out().println("wrote " + json);
        }
        cli.out().flush();
        return 0;
    }

    /** All eight analyses with progress; parts that cannot be computed are reported on stderr. */
    static AnalyticsReport analyze(Database db, FapCli cli, long seed, double level) {
        AnalyticsReport report = Analytics.on(db).withSeed(seed).withLevel(level).withProgress(ConsoleProgress.of(cli)).all();
        warnAboutFailures(report, cli);
        return report;
    }

    /** Parts of the analysis that could not be computed, one warning each on stderr. */
    static void warnAboutFailures(AnalyticsReport report, FapCli cli) {
        for (AnalysisFailure f : report.failures()) {
            cli.err().println("fap: warning: " + f.analysis() + " could not be computed: " + f.message()
                    + (f.hint() == null || f.hint().isEmpty() ? "" : " (" + f.hint() + ")"));
        }
    }

    static Path write(AnalyticsReport report, FapCli cli) {
        Path json = cli.outDir().resolve("analytics.json");
        report.writeJson(json);
        return json;
    }
}
