package dev.fap.cli;

import dev.fap.core.Database;
import dev.fap.model.BuildOptions;
import dev.fap.model.BuildResult;
import dev.fap.model.Selection;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fap build}: builds silver and gold from bronze. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Build the warehouse models (silver staging, gold star schema, analytics views) from bronze.")
final class BuildCommand implements Callable<Integer> {
    @ParentCommand
    FapCli cli;

    @Option(names = {"-s", "--select"}, paramLabel = "SELECTOR", defaultValue = "*",
            description = "Models to build: a name, +name (with upstream), name+ (with downstream), layer:gold, "
                    + "or * for all (default).")
    String select;

    @Option(names = "--full-refresh", description = "Rebuild incremental models from scratch.")
    boolean fullRefresh;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Models built in parallel (default 0: automatic).")
    int threads;

    @Override
    public Integer call() {
        try (Database db = cli.openDatabase()) {
            cli.warnIfTemporary(db);
            Warehouse wh = FapWarehouse.on(db);
            BuildResult r = build(wh, cli, select, fullRefresh, threads);
            wh.writeArtifacts(cli.outDir());
            cli.out().println(r);
            r.orThrow();
        }
        cli.out().flush();
        return 0;
    }

    static BuildResult build(Warehouse wh, FapCli cli, String select, boolean fullRefresh, int threads) {
        BuildOptions options = BuildOptions.defaults().withThreads(threads).withListener(ConsoleProgress.of(cli));
        if (fullRefresh) {
            options = options.withFullRefresh();
        }
        return wh.build(selection(select), options);
    }

    static Selection selection(String select) {
        return select == null || select.isBlank() || select.equals("*") ? Selection.all() : Selection.parse(select);
    }
}
