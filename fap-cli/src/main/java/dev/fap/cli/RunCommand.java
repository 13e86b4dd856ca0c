package dev.fap.cli;

import dev.fap.analytics.AnalyticsReport;
import dev.fap.core.Database;
import dev.fap.core.bronze.BronzeLoader;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.GenerateResult;
import dev.fap.model.BuildOptions;
import dev.fap.model.BuildResult;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;
import dev.fap.report.ReportSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fap run}: the main job. Opens the database (embedded unless one is configured), prepares
 * schemas, roles and the bronze tables, generates and loads the dataset, builds and tests the
 * warehouse, analyzes it, writes the reports, docs and artifacts, and prints a summary; on the way out the embedded PostgreSQL
 * is stopped.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The main job: (embedded) PostgreSQL, generate, load, build, test, analyze, report, docs; "
                + "then a summary. "
                + "Exit code 6 if a data-quality check fails (everything is still written).")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    FapCli cli;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--no-generate",
            description = "Keep the bronze data that is there (e.g. from fap load) instead of generating a fresh dataset.")
    boolean noGenerate;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        PrintWriter out = cli.out();
        PrintWriter err = cli.err();
        ConsoleProgress progress = ConsoleProgress.of(cli);
        List<String> lines = new ArrayList<>();
        String database;
        WarehouseStatus status;
        TestResult checks;
        try (Database db = cli.openDatabase()) {
            database = db.description() + (db.isEmbedded() ? ", stopped" : "");
            err.println("fap: using " + db.description());
            BronzeLoader.ensureTables(db);
            if (noGenerate) {
                cli.warnIfTemporary(db);
            } else {
                DatasetSpec spec = dataset.spec();
                truncateBronze(db);
                err.println("fap: generating " + spec);
                GenerateResult g = DataGenerator.of(spec).toDatabase(db, progress);
                lines.add(String.format("  generate  %,d rows in %.1f s (seed %d)", g.totalRows(), g.millis() / 1000.0, spec.seed()));
            }
            Warehouse wh = FapWarehouse.on(db);
            BuildResult build = wh.build(dev.fap.model.Selection.all(),
                    BuildOptions.defaults().withFullRefresh().withListener(progress)).orThrow();
            lines.add(String.format("  build     %d models in %.1f s", build.models().size(), build.millis() / 1000.0));
            checks = wh.test(dev.fap.model.Selection.all(), BuildOptions.defaults().withListener(progress));
            lines.add(String.format("  checks    %d passed, %d warned, %d failed", checks.passed(), checks.warned(), checks.failed()));
            AnalyticsReport analytics = AnalyzeCommand.analyze(db, cli, dataset.seed != null ? dataset.seed : 42, 0.95);
            Path analyticsJson = AnalyzeCommand.write(analytics, cli);
            lines.add(String.format("  analyze   8 analyses in %.1f s, %d parts not computable", analytics.timings().stream()
                    .mapToLong(dev.fap.analytics.StepTiming::millis).sum() / 1000.0, analytics.failures().size()));
            ReportSet reports = ReportCommand.write(analytics, cli);
            lines.add(String.format("  reports   %d files, %d charts in %s", reports.reports().size() + 1, reports.totalCharts(),
                    reports.directory()));
            Path docs = wh.writeDocs(cli.outDir().resolve("docs"));
            List<Path> artifacts = wh.writeArtifacts(cli.outDir());
            lines.add("  docs      " + docs);
            lines.add("  analysis  " + analyticsJson);
            artifacts.forEach(p -> lines.add("  artifact  " + p));
            status = WarehouseStatus.of(db);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        out.printf("%nFAP run finished in %.1f s%n", millis / 1000.0);
        out.printf("  database  %s%n", database);
        out.printf("  server    PostgreSQL %s%n", status.server());
        out.printf("  schemas   %s%n", String.join(", ", status.schemas()));
        out.printf("  roles     %s%n", String.join(", ", status.roles()));
        status.layers().forEach((schema, layer) -> out.printf("  %-9s %s%n", schema, layer));
        lines.forEach(out::println);
        out.flush();
        checks.orThrow();
        return 0;
    }

    /** A run starts from a clean bronze so that the same seed always gives the same warehouse. */
    static void truncateBronze(Database db) {
        String tables = java.util.Arrays.stream(BronzeTable.values()).map(t -> Database.BRONZE + "." + t.tableName())
                .collect(java.util.stream.Collectors.joining(", "));
        db.dsl().execute("truncate " + tables);
    }
}
