package dev.fap.examples;

import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.DirtyManifest;
import dev.fap.generator.GenerateResult;
import dev.fap.generator.GroundTruth;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A dataset of your own shape: size, period, share of deliberately spoiled rows and seed, written as
 * CSV files. Prints the effects the generator planted ({@link GroundTruth}) and how many rows of each
 * table it spoiled, by defect ({@link DirtyManifest}) — what the silver layer's quarantine must catch.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests     # once: the CLI jar and the examples
 * java -cp fap-cli/target/fap-cli-0.1.0-SNAPSHOT-all.jar:examples/target/classes dev.fap.examples.CustomDatasetSpec data
 * ./fap load --from data      # load the files into bronze
 * }</pre>
 */
public final class CustomDatasetSpec {
    private CustomDatasetSpec() {}

    /** The spec of this example: 300 customers, 8,000 transactions over 2024, 2% dirty rows, seed 2024. */
    public static final DatasetSpec SPEC = DatasetSpec.defaults()
            .withSeed(2024)
            .withCustomers(300)
            .withTransactions(8_000)
            .withMerchants(120)
            .withPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
            .withDirtyRate(0.02);

    /**
     * What was written.
     *
     * @param result       rows per table, time and the dirty manifest
     * @param truth        the planted effects
     * @param dirtyByTable spoiled rows per table
     */
    public record Outcome(GenerateResult result, GroundTruth truth, Map<BronzeTable, Long> dirtyByTable) {}

    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "data"), System.out);
    }

    /** Writes {@code <table>.csv} for the 13 bronze tables into {@code dir} and prints what is in them. */
    public static Outcome run(Path dir, PrintStream out) {
        DataGenerator generator = DataGenerator.of(SPEC);
        GenerateResult result = generator.toCsv(dir);
        out.println("wrote " + result);
        result.rowsPerTable().forEach((table, rows) -> out.printf("  %-26s %,8d rows%n", table.tableName() + ".csv", rows));

        GroundTruth truth = generator.groundTruth();
        out.println("planted effects: " + truth);

        DirtyManifest dirty = result.dirty();
        out.printf("spoiled rows: %,d (%.2f%% of %,d)%n", dirty.size(), 100.0 * dirty.size() / result.totalRows(),
                result.totalRows());
        Map<BronzeTable, Long> byTable = new EnumMap<>(dirty.countsByTable());
        byTable.forEach((table, n) -> {
            StringBuilder defects = new StringBuilder();
            for (DirtyManifest.Defect d : DirtyManifest.Defect.values()) {
                long k = dirty.count(table, d);
                if (k > 0) {
                    defects.append(defects.length() == 0 ? "" : ", ").append(d).append(' ').append(k);
                }
            }
            out.printf("  %-26s %,8d  (%s)%n", table.tableName(), n, defects);
        });
        return new Outcome(result, truth, byTable);
    }
}
