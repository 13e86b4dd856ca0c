package dev.fap.cli;

import dev.fap.core.Database;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code fap docs}: writes the warehouse documentation (catalog and lineage) and the run artifacts. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write the warehouse docs (<out>/docs/index.html: catalog and lineage graph) "
                + "and <out>/manifest.json, <out>/run_results.json.")
final class DocsCommand implements Callable<Integer> {
    @ParentCommand
    FapCli cli;

    @Override
    public Integer call() {
        try (Database db = cli.openDatabase()) {
            cli.warnIfTemporary(db);
            Warehouse wh = FapWarehouse.on(db);
            Path index = wh.writeDocs(cli.outDir().resolve("docs"));
            wh.writeArtifacts(cli.outDir()).forEach(p -> cli.out().println("wrote " + p));
            cli.out().println("wrote " + index);
        }
        cli.out().flush();
        return 0;
    }
}
