package dev.fap.cli;

import dev.fap.analytics.AnalyticsReport;
import dev.fap.core.Database;
import dev.fap.report.ReportSet;
import dev.fap.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fap report}: writes the eight self-contained HTML reports and their index. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the HTML reports (<out>/reports/01_descriptive_analytics.html ... index.html), "
                + "from <out>/analytics.json if it exists, else from a fresh analysis of the database.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    FapCli cli;

    @Option(names = "--from", paramLabel = "FILE",
            description = "analytics.json written by fap analyze (default: <out>/analytics.json when present).")
    Path from;

    @Option(names = "--fresh", description = "Ignore analytics.json and analyze the database now.")
    boolean fresh;

    @Override
    public Integer call() {
        Path json = from != null ? from : cli.outDir().resolve("analytics.json");
        AnalyticsReport analytics;
        if (!fresh && (from != null || Files.isRegularFile(json))) {
            analytics = AnalyticsReport.readJson(json);
            cli.err().println("fap: reporting the analysis in " + json);
        } else {
            try (Database db = cli.openDatabase()) {
                cli.warnIfTemporary(db);
                analytics = AnalyzeCommand.analyze(db, cli, 42, 0.95);
            }
        }
        ReportSet reports = write(analytics, cli);
        cli.out().println(reports);
        cli.out().flush();
        return 0;
    }

    static ReportSet write(AnalyticsReport analytics, FapCli cli) {
        return ReportWriter.defaults().withProgress(ConsoleProgress.of(cli)).write(analytics, cli.outDir().resolve("reports"));
    }
}
