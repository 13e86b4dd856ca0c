package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.BuildOptions;
import dev.fap.model.BuildResult;
import dev.fap.model.Materialization;
import dev.fap.model.Model;
import dev.fap.model.Selection;
import dev.fap.model.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rebuilding the same data gives the same gold (same keys, same checksums); an incremental run after a
 * new load batch reads only that batch into silver and gives the same silver tables, quarantine and
 * fact_transactions as a full refresh; fitted scores survive rebuilds.
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
        long requeued = db.dsl().fetchSingle("select count(*) from silver.quarantine where model = 'stg_transactions'"
                + " and rule <> 'duplicate' and unique_key <> ''").get(0, Long.class);
        assertThat(requeued).isPositive();
        BuildResult inc = wh.build().orThrow();
        assertThat(inc.model("fact_transactions").inserted()).isPositive();
        Map<String, String> incrementalFacts = snapshotFacts(db);
        Map<String, String> incrementalDims = dimensions(db);
        // every staging model read only the new batch, and silver still reconciles with bronze
        long newTransactions = db.dsl().fetchSingle("select count(*) from bronze.transactions where _batch_id = 2").get(0, Long.class);
        assertThat(newTransactions).isPositive();
        // the new batch plus the rows of batch 1 quarantined for a rule, examined again (an orphan may have found its parent)
        assertThat(inc.model("stg_transactions").message()).startsWith("incremental from batch 1, " + requeued + " quarantined row(s) examined again");
        assertThat(inc.model("stg_transactions").staging().source()).isEqualTo(newTransactions + requeued);
        for (String model : STAGING) {
            assertThat(inc.model(model).message()).as(model).startsWith("incremental");
        }
        assertReconciled(db);
        Map<String, String> incrementalSilver = silver(db);
        wh.build(Selection.parse("silver"), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(silver(db)).isEqualTo(incrementalSilver);
        assertReconciled(db);
        String incremental = GoldChecksums.of(db, "gold.fact_transactions");
        long rows = db.dsl().fetchSingle("select count(*) from gold.fact_transactions").get(0, Long.class);
        wh.build(Selection.parse("fact_transactions"), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(GoldChecksums.of(db, "gold.fact_transactions")).isEqualTo(incremental);
        assertThat(db.dsl().fetchSingle("select count(*) from gold.fact_transactions").get(0, Long.class)).isEqualTo(rows)
                .isEqualTo(db.dsl().fetchSingle("select count(*) from silver.stg_transactions").get(0, Long.class));
        // old keys still mean the same customer versions
        assertThat(customerKeys(db)).containsAll(keys.stream().filter(k -> !k.endsWith("|9999-12-31")).toList());
        wh.test().orThrow();

        // the daily snapshot and the monthly fact merged only the new days and months, yet equal a full refresh
        for (String fact : SNAPSHOT_FACTS) {
            assertThat(inc.model(fact).message()).as(fact).isEqualTo("incremental");
            assertThat(inc.model(fact).inserted()).as(fact).isPositive();
            assertThat(inc.model(fact).inserted() + inc.model(fact).updated()).as(fact).isLessThan(inc.model(fact).rows() / 5);
        }
        wh.build(Selection.parse(String.join(" ", SNAPSHOT_FACTS)), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(snapshotFacts(db)).isEqualTo(incrementalFacts);
        // the dimensions were merged in place (changed rows only; dim_date added no day), yet equal a full refresh
        for (String dim : DIMENSIONS) {
            assertThat(inc.model(dim).message()).as(dim).startsWith("incremental");
        }
        assertThat(inc.model("dim_date").inserted()).isZero();
        wh.build(Selection.parse(String.join(" ", DIMENSIONS)), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(dimensions(db)).isEqualTo(incrementalDims);

        // a late transaction (an old date, its own load batch, the account's current_balance not restated): the
        // account's whole snapshot history and the customer's months are recomputed, again equal to a full refresh
        db.dsl().execute("insert into bronze.transactions select (jsonb_populate_record(null::bronze.transactions, to_jsonb(b)"
                + " || jsonb_build_object('transaction_id', 'T999999999', '_batch_id', (select max(_batch_id) + 1 from bronze.transactions),"
                + " '_loaded_at', (select max(_loaded_at) + interval '1 hour' from bronze.transactions)))).* from bronze.transactions b"
                + " where b.transaction_id = (select min(transaction_id) from silver.stg_transactions"
                + " where not is_declined and transaction_date < (select as_of_date - 200 from silver.data_clock))");
        BuildResult late = wh.build().orThrow();
        assertThat(late.model("fact_account_daily_snapshot").updated()).isPositive();
        assertThat(late.model("fact_customer_monthly").updated()).isPositive();
        Map<String, String> lateFacts = snapshotFacts(db);
        wh.build(Selection.parse(String.join(" ", SNAPSHOT_FACTS)), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(snapshotFacts(db)).isEqualTo(lateFacts).isNotEqualTo(incrementalFacts);
        wh.test().orThrow();
    }

    private static final List<String> SNAPSHOT_FACTS = List.of("fact_account_daily_snapshot", "fact_customer_monthly");
    private static final List<String> DIMENSIONS = List.of("dim_date", "dim_product", "dim_merchant", "dim_customer");

    /** Checksums of the four dimensions. */
    private static Map<String, String> dimensions(Database db) {
        Map<String, String> m = new TreeMap<>();
        for (String dim : DIMENSIONS) {
            m.put(dim, GoldChecksums.of(db, "gold." + dim));
        }
        return m;
    }

    /** Checksums of the two snapshot-style facts. */
    private static Map<String, String> snapshotFacts(Database db) {
        return Map.of(SNAPSHOT_FACTS.get(0), GoldChecksums.of(db, "gold." + SNAPSHOT_FACTS.get(0)),
                SNAPSHOT_FACTS.get(1), GoldChecksums.of(db, "gold." + SNAPSHOT_FACTS.get(1)));
    }

    private static final List<String> STAGING = FapWarehouse.project().models().stream()
            .filter(m -> m.materialization() == Materialization.STAGING).map(Model::name).toList();

    /** Checksums of every staging table and of its quarantine rows (rule, key, batch, reason and raw row). */
    private static Map<String, String> silver(Database db) {
        Map<String, String> m = new TreeMap<>();
        for (String model : STAGING) {
            m.put(model, GoldChecksums.of(db, "silver." + model));
            m.put(model + " quarantine", GoldChecksums.of(db, "(select rule, reason, unique_key, batch_id, raw from silver.quarantine"
                    + " where model = '" + model + "')"));
        }
        assertThat(db.dsl().fetchSingle("select count(*) from silver.quarantine where rule = 'duplicate'").get(0, Long.class))
                .as("the dirty data has duplicates").isPositive();
        return m;
    }

    /** For every bronze table: its rows = rows of its staging table + its rows in quarantine (rule breaks and duplicates). */
    private static void assertReconciled(Database db) {
        for (BronzeTable t : BronzeTable.values()) {
            String model = "stg_" + t.tableName();
            assertThat(db.dsl().fetchSingle("select (select count(*) from bronze." + t.tableName() + ") - (select count(*) from silver." + model
                    + ") - (select count(*) from silver.quarantine where model = '" + model + "')").get(0, Long.class)).as(model).isZero();
        }
    }

    private static List<String> customerKeys(Database db) {
        return db.dsl().fetch("select customer_key || '|' || customer_id || '|' || valid_from || '|' || valid_to from gold.dim_customer"
                + " order by customer_key").getValues(0, String.class);
    }
}
