package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.BuildOptions;
import dev.fap.model.BuildResult;
import dev.fap.model.Selection;
import dev.fap.model.Warehouse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rebuilding the same data gives the same gold (same keys, same checksums); an incremental run after a
 * new load batch gives the same fact_transactions as a full refresh; fitted scores survive rebuilds.
 */
@ExtendWith(FapDatabaseExtension.class)
class WarehouseRebuildTest {
    @Test
    void rebuildsAreIdempotentAndIncrementalEqualsFullRefresh(Database db) {
        DataGenerator gen = DataGenerator.of(DatasetSpec.defaults().withCustomers(250).withTransactions(8_000).withDirtyRate(0.01));
        gen.toDatabase(db);
        Warehouse wh = FapWarehouse.on(db);
        wh.build().orThrow();
        Map<String, String> first = GoldChecksums.gold(db);
        List<String> keys = customerKeys(db);
        db.dsl().execute("insert into gold.customer_scores (customer_id, model_name, score) values ('C0000001', 'churn', 0.5)");

        // same data, full rebuild: every gold table and view is identical, keys included
        BuildResult again = wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(again.model("fact_transactions").message()).contains("full");
        Map<String, String> second = GoldChecksums.gold(db);
        second.put("predictive_analytics", first.get("predictive_analytics"));   // differs only by the fitted score inserted above
        second.put("prescriptive_analytics", first.get("prescriptive_analytics"));
        assertThat(second).isEqualTo(first);
        assertThat(customerKeys(db)).isEqualTo(keys);
        assertThat(db.dsl().fetchSingle("select count(*) from gold.customer_scores").get(0, Long.class)).isOne();

        // an incremental run with nothing new changes nothing
        wh.build().orThrow();
        assertThat(GoldChecksums.of(db, "gold.fact_transactions")).isEqualTo(first.get("fact_transactions"));

        // a new load batch: incremental merge == full refresh
        gen.nextBatch(10).toDatabase(db);
        BuildResult inc = wh.build().orThrow();
        assertThat(inc.model("fact_transactions").inserted()).isPositive();
        String incremental = GoldChecksums.of(db, "gold.fact_transactions");
        long rows = db.dsl().fetchSingle("select count(*) from gold.fact_transactions").get(0, Long.class);
        wh.build(Selection.parse("fact_transactions"), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(GoldChecksums.of(db, "gold.fact_transactions")).isEqualTo(incremental);
        assertThat(db.dsl().fetchSingle("select count(*) from gold.fact_transactions").get(0, Long.class)).isEqualTo(rows)
                .isEqualTo(db.dsl().fetchSingle("select count(*) from silver.stg_transactions").get(0, Long.class));
        // old keys still mean the same customer versions
        assertThat(customerKeys(db)).containsAll(keys.stream().filter(k -> !k.endsWith("|9999-12-31")).toList());
        wh.test().orThrow();
    }

    private static List<String> customerKeys(Database db) {
        return db.dsl().fetch("select customer_key || '|' || customer_id || '|' || valid_from || '|' || valid_to from gold.dim_customer"
                + " order by customer_key").getValues(0, String.class);
    }
}
