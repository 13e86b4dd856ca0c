package dev.fap.cli;

import dev.fap.core.Database;
import dev.fap.model.BuildOptions;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fap test}: runs the data-quality checks of the warehouse. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the data-quality checks of the warehouse models; exit code 6 if a check of severity error fails.")
final class TestCommand implements Callable<Integer> {
    @ParentCommand
    FapCli cli;

    @Option(names = {"-s", "--select"}, paramLabel = "SELECTOR", defaultValue = "*",
            description = "Models whose checks run (same syntax as build; default * for all).")
    String select;

    @Override
    public Integer call() {
        try (Database db = cli.openDatabase()) {
            cli.warnIfTemporary(db);
            Warehouse wh = FapWarehouse.on(db);
            TestResult r = wh.test(BuildCommand.selection(select), BuildOptions.defaults().withListener(ConsoleProgress.of(cli)));
            wh.writeArtifacts(cli.outDir());
            cli.out().println(r);
            r.orThrow();
        }
        cli.out().flush();
        return 0;
    }
}
