package dev.fap.cli;

import dev.fap.core.FapConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;

/** Runs the CLI in-process and captures what it prints. */
final class CliRunner {
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private CliRunner() {}

    static Result run(Supplier<FapConfig> config, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FapCli.commandLine(new FapCli(config), new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(String... args) {
        return run(FapConfig::defaults, args);
    }
}
