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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three facts' incremental runs read only what a new load touched (silver's index on (_loaded_at,
 * transaction_date), fact_transactions' on (customer_key, transaction_date)), yet give what a full refresh gives in the
 * cases that the load times alone do not reveal: a transaction of an earlier load that silver admits only when its
 * account arrives (its load time is old: fact_transactions finds it because silver then holds more rows than the table
 * and the new ones; the snapshot because the account has no stored history), a customer change dated on stored days
 * (new dim_customer versions for the snapshot's days and the monthly fact's months), a late transaction on a stored
 * day, a run with nothing new, which writes nothing, and a row missing from fact_transactions without a stored row
 * count (the counts are then taken with {@code count(*)}).
 */
@ExtendWith(FapDatabaseExtension.class)
class FactsNewLoadTest {
    private static final List<String> FACTS = List.of("fact_transactions", "fact_account_daily_snapshot", "fact_customer_monthly");

    /** A bronze copy of one row of {@code table} in a new load batch (an hour after the latest load), with changed columns. */
    private static void copyInNewLoad(Database db, String table, String where, String changes) {
        db.dsl().execute("insert into bronze." + table + " select (jsonb_populate_record(null::bronze." + table + ", to_jsonb(b) || " + changes
                + " || jsonb_build_object('_batch_id', (select max(_batch_id) + 1 from bronze.transactions),"
                + " '_loaded_at', (select max(_loaded_at) + interval '1 hour' from bronze.transactions)))).* from bronze." + table + " b where " + where);
    }

    private static Map<String, String> facts(Database db) {
        Map<String, String> m = new TreeMap<>();
        for (String f : FACTS) {
            m.put(f, GoldChecksums.of(db, "gold." + f));
        }
        return m;
    }

    /** The three facts after the incremental run equal a full refresh of them on the same data. */
    private static Map<String, String> assertEqualsFullRefresh(Database db, Warehouse wh) {
        Map<String, String> incremental = facts(db);
        wh.build(Selection.parse(String.join(" ", FACTS)), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(facts(db)).isEqualTo(incremental);
        return incremental;
    }

    private static long count(Database db, String sql) {
        return db.dsl().fetchSingle(sql).get(0, Long.class);
    }

    @Test
    void rowsThatTheLoadTimesDoNotRevealReachTheFactsLikeAFullRefresh(Database db) {
        DataGenerator gen = DataGenerator.of(DatasetSpec.defaults().withCustomers(200).withTransactions(6_000));
        gen.toDatabase(db);
        Warehouse wh = FapWarehouse.on(db);
        wh.build().orThrow();
        Map<String, String> built = facts(db);

        // nothing new: the facts' merges write nothing
        BuildResult quiet = wh.build().orThrow();
        for (String f : FACTS) {
            assertThat(quiet.model(f).inserted() + quiet.model(f).updated()).as(f).isZero();
        }
        assertThat(facts(db)).isEqualTo(built);

        // a transaction of an old day on an account that bronze does not hold yet: quarantined as an orphan
        String tx = db.dsl().fetchSingle("select min(transaction_id) from silver.stg_transactions where not is_declined"
                + " and transaction_date < (select as_of_date - 120 from silver.data_clock)").get(0, String.class);
        copyInNewLoad(db, "transactions", "b.transaction_id = '" + tx + "'",
                "jsonb_build_object('transaction_id', 'T999999990', 'account_id', 'A99999990')");
        BuildResult orphan = wh.build().orThrow();
        assertThat(count(db, "select count(*) from silver.quarantine where model = 'stg_transactions' and unique_key = 'T999999990'"
                + " and rule = 'orphan_account'")).isOne();
        assertThat(orphan.model("fact_transactions").inserted()).isZero();
        assertThat(facts(db)).isEqualTo(built);

        // the account arrives in a later load: silver admits the transaction with its old load time; the fact finds it
        // (silver holds one row more than the table and the new rows), the snapshot builds the account's history from
        // silver (no stored days), the monthly fact recomputes the customer (its balances changed)
        copyInNewLoad(db, "accounts", "b.account_id = (select account_id from bronze.transactions where transaction_id = '" + tx + "')",
                "jsonb_build_object('account_id', 'A99999990', 'current_balance', 1234.56)");
        BuildResult arrived = wh.build().orThrow();
        assertThat(arrived.model("stg_transactions").message()).contains("1 quarantined row(s) examined again");
        assertThat(count(db, "select count(*) from silver.stg_transactions where transaction_id = 'T999999990'"
                + " and _loaded_at < (select max(_loaded_at) from silver.stg_accounts)")).isOne();
        assertThat(arrived.model("fact_transactions").inserted()).isOne();
        assertThat(count(db, "select count(*) from gold.fact_transactions where transaction_id = 'T999999990'")).isOne();
        assertThat(count(db, "select count(*) from gold.fact_account_daily_snapshot where account_id = 'A99999990'")).isPositive();
        Map<String, String> withAccount = assertEqualsFullRefresh(db, wh);
        assertThat(withAccount).isNotEqualTo(built);
        assertThat(count(db, "select sum(transaction_count) from gold.fact_customer_monthly"))
                .isEqualTo(count(db, "select count(*) from silver.stg_transactions"));

        // a customer change dated on stored days (a new dim_customer version from that day): the snapshot's days and the
        // monthly fact's months after it point at the new version, as in a full refresh
        copyInNewLoad(db, "customer_changes", "b.change_id = (select min(change_id) from bronze.customer_changes)",
                "jsonb_build_object('change_id', 'X99999990', 'customer_id', (select customer_id from bronze.transactions where transaction_id = '"
                        + tx + "'), 'attribute', 'city', 'new_value', 'Springfield', 'change_date',"
                        + " (select as_of_date - 200 from silver.data_clock))");
        BuildResult changed = wh.build().orThrow();
        assertThat(changed.model("dim_customer").inserted()).isOne();
        assertThat(changed.model("fact_account_daily_snapshot").updated()).isPositive();
        assertThat(changed.model("fact_customer_monthly").updated()).isPositive();
        Map<String, String> withChange = assertEqualsFullRefresh(db, wh);
        assertThat(withChange).isNotEqualTo(withAccount);

        // a late transaction on a stored day of an account with stored history, in its own load
        copyInNewLoad(db, "transactions", "b.transaction_id = '" + tx + "'", "jsonb_build_object('transaction_id', 'T999999991')");
        BuildResult late = wh.build().orThrow();
        assertThat(late.model("fact_transactions").inserted()).isOne();
        assertThat(late.model("fact_account_daily_snapshot").updated()).isPositive();
        assertThat(late.model("fact_customer_monthly").updated()).isPositive();
        Map<String, String> withLate = assertEqualsFullRefresh(db, wh);
        assertThat(withLate).isNotEqualTo(withChange);

        // a row missing from fact_transactions with no stored row count (deleted by hand, the count dropped as a
        // by-hand change should): counted, silver holds one row more than the table, the search puts it back
        assertThat(db.dsl().execute("delete from gold.fact_transactions where transaction_id = '" + tx + "'")).isOne();
        db.dsl().execute("delete from fap_meta.table_rows where relation = 'gold.fact_transactions'");
        BuildResult repaired = wh.build().orThrow();
        assertThat(repaired.model("fact_transactions").inserted()).isOne();
        assertThat(facts(db)).isEqualTo(withLate);
    }
}
