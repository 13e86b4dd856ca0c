package dev.fap.cli;

import dev.fap.Fap;
import dev.fap.core.Database;
import dev.fap.core.bronze.BronzeLoader;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.BuildOptions;
import dev.fap.model.Selection;
import dev.fap.model.warehouse.FapWarehouse;
import dev.fap.report.dashboard.DashboardOptions;
import dev.fap.report.dashboard.GeneratorFeed;
import dev.fap.report.dashboard.LiveDashboard;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fap serve}: the live dashboard. Loads a fresh base dataset and builds the warehouse, then
 * streams one generated batch after another into bronze and pushes the real-time analytics to the
 * page. Stops on Ctrl-C (or after {@code --duration}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start the live dashboard on localhost: streams generated transactions into bronze and "
                + "pushes real-time analytics to the page. Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    FapCli cli;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Port on 127.0.0.1 (default 0: a free one).")
    int port;

    @Option(names = "--interval", paramLabel = "MILLIS", defaultValue = "2000",
            description = "Milliseconds between updates (default ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Option(names = "--days-per-update", paramLabel = "N", defaultValue = "1",
            description = "Simulated days of data loaded per update (default ${DEFAULT-VALUE}).")
    int daysPerUpdate;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds (default 0: run until Ctrl-C).")
    long durationSeconds;

    @Override
    public Integer call() throws InterruptedException {
        DatasetSpec spec = dataset.spec();
        DashboardOptions options = DashboardOptions.defaults().withPort(port).withInterval(Duration.ofMillis(intervalMillis));
        try (Database db = cli.openDatabase()) {
            ConsoleProgress progress = ConsoleProgress.of(cli);
            BronzeLoader.ensureTables(db);
            Fap.clearBronze(db);
            cli.err().println("fap: loading the base dataset " + spec);
            DataGenerator base = DataGenerator.of(spec);
            base.toDatabase(db, progress);
            FapWarehouse.on(db).build(Selection.all(), BuildOptions.defaults().withFullRefresh().withListener(progress)).orThrow();
            GeneratorFeed feed = GeneratorFeed.continuing(db, base).withDaysPerUpdate(daysPerUpdate);
            try (LiveDashboard dashboard = LiveDashboard.start(feed, options)) {
                Thread stopper = new Thread(dashboard::close, "fap-serve-stop");
                Runtime.getRuntime().addShutdownHook(stopper);
                cli.out().println("Live dashboard at " + dashboard.uri() + (durationSeconds > 0
                        ? " for " + durationSeconds + " s" : " (Ctrl-C stops it)"));
                cli.out().flush();
                try {
                    if (durationSeconds > 0) {
                        TimeUnit.SECONDS.sleep(durationSeconds);
                    } else {
                        dashboard.awaitClose();
                    }
                } finally {
                    dashboard.close();
                    try {
                        Runtime.getRuntime().removeShutdownHook(stopper);
                    } catch (IllegalStateException shuttingDown) {
                        // Ctrl-C: the JVM is already exiting
                    }
                }
                cli.out().println("Live dashboard stopped after " + dashboard.updates() + " updates; " + feed);
            }
        }
        cli.out().flush();
        return 0;
    }
}
