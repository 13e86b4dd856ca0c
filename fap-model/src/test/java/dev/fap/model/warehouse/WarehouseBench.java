package dev.fap.model.warehouse;

import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.GenerateResult;
import dev.fap.model.BuildOptions;
import dev.fap.model.BuildResult;
import dev.fap.model.Selection;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;

/**
 * Benchmark of the FAP warehouse on an embedded PostgreSQL: generate the default dataset (or
 * {@code customers transactions} from the arguments), then time a full build, the checks, a second
 * full build, and an incremental build after one more day of data. Prints each run's per-model table.
 * Uses {@link FapConfig#load()}: an embedded PostgreSQL unless FAP_JDBC_URL or DB_HOST is set.
 *
 * <pre>
 * java -cp ... dev.fap.model.warehouse.WarehouseBench            # 1,000 customers, 50,000 transactions
 * java -cp ... dev.fap.model.warehouse.WarehouseBench 5000 500000
 * FAP_JDBC_URL=jdbc:postgresql://localhost/bench?user=postgres java -cp ... dev.fap.model.warehouse.WarehouseBench
 * </pre>
 */
public final class WarehouseBench {
    private WarehouseBench() {}

    public static void main(String[] args) {
        DatasetSpec spec = DatasetSpec.defaults();
        if (args.length == 2) {
            spec = spec.withCustomers(Integer.parseInt(args[0])).withTransactions(Long.parseLong(args[1]));
        }
        try (Database db = Database.open(FapConfig.load())) {
            DataGenerator gen = DataGenerator.of(spec);
            GenerateResult g = gen.toDatabase(db);
            System.out.println(g);
            Warehouse wh = FapWarehouse.on(db);
            BuildResult first = wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow();
            TestResult checks = wh.test();
            BuildResult second = wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow();
            System.out.println(first);
            System.out.println(checks);
            System.out.println(second);
            gen.nextBatch(1).toDatabase(db);
            BuildResult incremental = wh.build().orThrow();
            System.out.println(incremental);
            System.out.printf("%nfull build %d ms + checks %d ms = %d ms; second full build %d ms; after one more day: build %d ms%n",
                    first.millis(), checks.millis(), first.millis() + checks.millis(), second.millis(), incremental.millis());
        }
    }
}
