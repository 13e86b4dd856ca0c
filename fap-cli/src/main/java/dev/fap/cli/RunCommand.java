package dev.fap.cli;

import dev.fap.Fap;
import dev.fap.RunResult;
import dev.fap.generator.DatasetSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fap run}: the main job, a thin layer over {@link Fap}. Opens the database (embedded unless
 * one is configured), generates and loads the dataset, builds and tests the warehouse, analyzes it,
 * writes the reports, docs and artifacts, and prints the {@link RunResult}; on the way out the
 * embedded PostgreSQL is stopped.
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
        PrintWriter out = cli.out();
        PrintWriter err = cli.err();
        Fap fap = Fap.configure(cli.config()).withOutput(cli.outDir()).withProgress(ConsoleProgress.of(cli));
        if (cli.verbose()) {
            err.println("fap: " + fap.config());
        }
        if (noGenerate) {
            fap = fap.withExistingBronze();
            cli.warnIfTemporary(fap.config());
        } else {
            DatasetSpec spec = dataset.spec();
            fap = fap.withDataset(spec);
            err.println("fap: generating " + spec);
        }
        RunResult result = fap.run();
        AnalyzeCommand.warnAboutFailures(result.analytics(), cli);
        out.println();
        out.print(result);
        out.flush();
        result.orThrow();
        return 0;
    }
}
