package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.model.CheckResult;
import dev.fap.model.TestResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily snapshot's own checks, as GoldModels declares them, on a copy of the built snapshot with two
 * injected faults: a customer_key that dim_customer does not have, and a key of a customer version that is
 * not valid on the row's day. The runner counts relationships and scd2_valid_version over one join to
 * dim_customer; each must still report its own failures and keep its own failing rows.
 */
@ExtendWith(FapDatabaseExtension.class)
class SnapshotLookupChecksTest {

    @Test
    void aMissingKeyFailsBothLookupsAWrongVersionOnlyTheScd2Check(Database db) {
        BronzeFixture.load(db);
        FapWarehouse.on(db).build().orThrow();
        String wrong = "(select r.account_id, r.snapshot_date, v.customer_key from gold.fact_account_daily_snapshot r"
                + " join gold.dim_customer v on v.valid_from > r.snapshot_date order by r.account_id desc, r.snapshot_date, v.customer_key limit 1)";
        SnapshotCopy.create(db);
        // the first account's first day gets a key dim_customer does not have; a day of the last account gets
        // the key of a customer version that begins after that day
        db.dsl().execute("update bronze.snapshot_src s set customer_key = -1 from (select account_id, min(snapshot_date) as d"
                + " from bronze.snapshot_src group by account_id order by account_id limit 1) f"
                + " where s.account_id = f.account_id and s.snapshot_date = f.d");
        db.dsl().execute("update bronze.snapshot_src s set customer_key = w.customer_key from " + wrong
                + " w where s.account_id = w.account_id and s.snapshot_date = w.snapshot_date and s.customer_key <> -1");
        assertThat(db.dsl().fetchSingle("select count(*) from bronze.snapshot_src where customer_key = -1").get(0, Long.class)).isOne();

        TestResult t = SnapshotCopy.check(db);
        Map<String, String> outcomes = t.checks().stream()
                .collect(Collectors.toMap(CheckResult::id, c -> c.status().name() + ":" + c.failures()));
        assertThat(outcomes).containsEntry("snapshot_copy.relationships_customer_key", "FAIL:1")
                .containsEntry("snapshot_copy.scd2_valid_version_customer_key", "FAIL:2")
                .containsEntry("snapshot_copy.not_null_account_id_snapshot_date_customer_key_date_key_closing_balance", "PASS:0")
                .containsEntry("snapshot_copy.balance_follows_transactions", "PASS:0")
                .containsEntry("snapshot_copy.ends_at_current_balance", "PASS:0");
        // each check keeps its own failing rows
        List<String> keys = db.dsl().fetch("select row ->> 'customer_key' from fap_meta.check_failures where run_id = ? and check_id = ?"
                + " order by 1", t.runId(), "snapshot_copy.scd2_valid_version_customer_key").getValues(0, String.class);
        String wrongKey = db.dsl().fetchSingle("select customer_key::text from " + wrong + " w").get(0, String.class);
        assertThat(keys).containsExactlyInAnyOrder("-1", wrongKey);
        assertThat(db.dsl().fetch("select row ->> 'customer_key' from fap_meta.check_failures where run_id = ? and check_id = ?",
                t.runId(), "snapshot_copy.relationships_customer_key").getValues(0, String.class)).containsExactly("-1");
        // the same counts as each check's own query
        for (CheckResult c : t.checks()) {
            assertThat(c.failures()).as(c.id()).isEqualTo(db.dsl().fetchSingle("select count(*) from (" + c.sql() + ") f").get(0, Long.class));
        }
    }
}
