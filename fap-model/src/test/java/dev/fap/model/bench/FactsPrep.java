package dev.fap.model.bench;

import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.BuildOptions;
import dev.fap.model.Selection;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;

/**
 * Prepares a database for studying the facts' incremental statements by hand: the dataset, a full build, one more
 * day in bronze ({@code nextBatch(1)}), and an incremental build of every model except the three facts, which are
 * left as the full build wrote them. Clone it ({@code create database x template y}) and run the facts' rendered
 * incremental SQL under {@code explain analyze}.
 *
 * <pre>
 * FAP_JDBC_URL='jdbc:postgresql://127.0.0.1:PORT/db?user=postgres' java -cp &lt;test classpath&gt; \
 *     dev.fap.model.bench.FactsPrep [customers transactions] [days=1]
 * </pre>
 */
public final class FactsPrep {
    private FactsPrep() {}

    public static void main(String[] args) {
        DatasetSpec spec = DatasetSpec.defaults();
        int a = 0;
        if (args.length >= 2 && args[0].matches("\\d+") && args[1].matches("\\d+")) {
            spec = spec.withCustomers(Integer.parseInt(args[0])).withTransactions(Long.parseLong(args[1]));
            a = 2;
        }
        int days = 1;
        for (; a < args.length; a++) {
            if (args[a].startsWith("days=")) {
                days = Integer.parseInt(args[a].substring(5));
            }
        }
        try (Database db = Database.open(FapConfig.load())) {
            DataGenerator gen = DataGenerator.of(spec);
            System.out.println(gen.toDatabase(db));
            Warehouse wh = FapWarehouse.on(db);
            System.out.println(wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow());
            gen = gen.nextBatch(days);
            System.out.println(gen.toDatabase(db));
            Selection rest = Selection.all().exclude("fact_transactions").exclude("fact_account_daily_snapshot")
                    .exclude("fact_customer_monthly");
            System.out.println(wh.build(rest, BuildOptions.defaults()).orThrow());
        }
    }
}
