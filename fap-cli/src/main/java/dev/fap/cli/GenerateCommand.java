package dev.fap.cli;

import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.GenerateResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fap generate}: writes the synthetic dataset as one CSV file per bronze table. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate the synthetic banking dataset as CSV files (one <table>.csv per bronze table).",
        footer = {"%nExample:", "  fap generate --customers 5000 --transactions 250000 --to data/raw",
                "  fap generate --locale de-DE --fraud-rate 0.02 --decline-rate 0.06 --churn-rate 0.15 --to data/de",
                "  fap load --from data/raw --data-dir .fap/pgdata"})
final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    FapCli cli;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--to", paramLabel = "DIR", description = "Folder for the CSV files (default: <out>/data).")
    Path to;

    @Override
    public Integer call() {
        DatasetSpec spec = dataset.spec();
        Path dir = to != null ? to : cli.outDir().resolve("data");
        cli.err().println("fap: generating " + spec + " into " + dir);
        GenerateResult r = DataGenerator.of(spec).toCsv(dir, ConsoleProgress.of(cli));
        cli.out().println(r);
        cli.out().println("CSV files in " + dir.toAbsolutePath().normalize());
        cli.out().flush();
        return 0;
    }
}
