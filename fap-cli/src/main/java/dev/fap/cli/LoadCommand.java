package dev.fap.cli;

import dev.fap.core.Database;
import dev.fap.core.bronze.BronzeLoadResult;
import dev.fap.core.bronze.BronzeLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fap load}: loads a folder of {@code <table>.csv} files into bronze as one atomic batch. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load a folder of <table>.csv files into the bronze schema (COPY, one atomic batch).")
final class LoadCommand implements Callable<Integer> {
    @ParentCommand
    FapCli cli;

    @Option(names = "--from", paramLabel = "DIR", required = true,
            description = "Folder with <table>.csv files, e.g. the output of fap generate.")
    Path from;

    @Override
    public Integer call() {
        try (Database db = cli.openDatabase()) {
            cli.warnIfTemporary(db);
            BronzeLoadResult r = BronzeLoader.loadCsv(db, from);
            cli.out().println(r);
        }
        cli.out().flush();
        return 0;
    }
}
