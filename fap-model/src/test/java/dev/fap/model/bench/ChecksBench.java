package dev.fap.model.bench;

import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.BuildOptions;
import dev.fap.model.CheckResult;
import dev.fap.model.Selection;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Measures {@link Warehouse#test} alone on the FAP warehouse: generates the default dataset (or
 * {@code customers transactions} from the arguments) into an embedded PostgreSQL, builds it once,
 * then runs all checks {@code runs} times after one warm-up run and prints each run's wall time, the
 * median, and the 15 slowest checks of the median run.
 *
 * <pre>
 * java -cp <test classpath> dev.fap.model.bench.ChecksBench [runs [customers transactions]]
 * </pre>
 *
 * Results are recorded in {@code docs/bench/model-engine.md}.
 */
public final class ChecksBench {
    private ChecksBench() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        DatasetSpec spec = DatasetSpec.defaults();
        if (args.length == 3) {
            spec = spec.withCustomers(Integer.parseInt(args[1])).withTransactions(Long.parseLong(args[2]));
        }
        try (Database db = Database.open(FapConfig.load())) {
            DataGenerator.of(spec).toDatabase(db);
            Warehouse wh = FapWarehouse.on(db);
            wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow();
            wh.test().orThrow(); // warm-up: caches, statistics
            List<TestResult> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                TestResult t = wh.test().orThrow();
                System.out.printf("run %d: %d checks in %d ms%n", i + 1, t.checks().size(), t.millis());
                results.add(t);
            }
            results.sort(Comparator.comparingLong(TestResult::millis));
            TestResult median = results.get(results.size() / 2);
            System.out.printf("median of %d: %d ms (min %d, max %d)%n", runs, median.millis(), results.get(0).millis(),
                    results.get(results.size() - 1).millis());
            median.checks().stream().sorted(Comparator.comparingLong(CheckResult::millis).reversed()).limit(15)
                    .forEach(c -> System.out.printf("  %6d ms  %s  %s%n", c.millis(), c.id(), c.message()));
        }
    }
}
