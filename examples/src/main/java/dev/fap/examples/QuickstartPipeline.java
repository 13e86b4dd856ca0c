package dev.fap.examples;

import dev.fap.Fap;
import dev.fap.RunResult;
import dev.fap.core.FapConfig;
import dev.fap.core.ProgressListener;
import dev.fap.generator.DatasetSpec;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The whole platform in one call: {@link Fap} opens the database (an embedded PostgreSQL 17 unless
 * {@code .env} or the environment points at another one), generates a small dataset, builds and
 * tests the warehouse, computes the eight analyses and writes the HTML reports and docs.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests     # once: the CLI jar and the examples
 * java -cp fap-cli/target/fap-cli-0.1.0-SNAPSHOT-all.jar:examples/target/classes dev.fap.examples.QuickstartPipeline
 * # then open fap-out/reports/index.html
 * }</pre>
 */
public final class QuickstartPipeline {
    private QuickstartPipeline() {}

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "fap-out");
        run(FapConfig.load(), out, System.out).orThrow();
    }

    /** Runs the pipeline on 200 customers and 5,000 transactions, writes into {@code out}, prints the summary. */
    public static RunResult run(FapConfig config, Path out, PrintStream console) {
        ProgressListener progress = new ProgressListener() {
            @Override
            public void stepFinished(String step, long rows, long millis) {
                if (step.indexOf(':') < 0) {               // whole steps only, not every model and check
                    console.printf("  ok %-10s %,8d in %,6d ms%n", step, rows, millis);
                }
            }
        };
        RunResult result = Fap.configure(config)
                .withDataset(DatasetSpec.defaults().withSeed(7).withCustomers(200).withTransactions(5_000))
                .withOutput(out)
                .withProgress(progress)
                .run();
        console.println(result);
        console.println("Open " + result.reports().index().path().toAbsolutePath() + " in a browser.");
        return result;
    }
}
