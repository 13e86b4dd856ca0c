package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.model.BuildResult;
import dev.fap.model.Severity;
import dev.fap.model.Status;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The warehouse on the hand-written fixture, whose dirty rows are known one by one. */
@ExtendWith(FapDatabaseExtension.class)
class FixtureWarehouseTest {
    @Test
    void quarantinesEachKnownDirtyRowWithItsReason(Database db) {
        BronzeFixture.load(db);
        Warehouse wh = FapWarehouse.on(db);
        BuildResult b = wh.build().orThrow();
        assertThat(b.model("stg_transactions").staging().duplicates()).isOne();

        Map<String, String> expected = Map.ofEntries(
                Map.entry("stg_transactions/T900000001", "missing_amount"),
                Map.entry("stg_transactions/T900000002", "future_date"),
                Map.entry("stg_transactions/T900000003", "orphan_merchant"),
                Map.entry("stg_transactions/T900000004", "hour_mismatch"),
                Map.entry("stg_transactions/T900000005", "orphan_account"),
                Map.entry("stg_transactions/T000000100", "duplicate"),
                Map.entry("stg_customers/C0000202", "credit_score_out_of_range"),
                Map.entry("stg_customers/C0000005", "duplicate"),
                Map.entry("stg_accounts/A09999999", "orphan_customer"),
                Map.entry("stg_marketing_campaigns/K9001", "clicks_exceed_impressions"),
                Map.entry("stg_fraud_alerts/F9000001", "negative_amount"),
                Map.entry("stg_customer_interactions/I9000001", "rating_out_of_range"));
        expected.forEach((key, rule) -> {
            String[] p = key.split("/");
            assertThat(db.dsl().fetch("select rule from silver.quarantine where model = ? and unique_key = ?", p[0], p[1])
                    .getValues(0, String.class)).as(key).containsExactly(rule);
        });
        assertThat(db.dsl().fetchSingle("select count(*) from silver.quarantine where model = 'stg_customers' and rule = 'missing_key'")
                .get(0, Long.class)).isOne();
        // the later load of C0000005 won
        assertThat(db.dsl().fetchSingle("select last_name from silver.stg_customers where customer_id = 'C0000005'").get(0, String.class))
                .isEqualTo("Last5-Updated");
        // transactions after their account's closing day are quarantined, not silently kept
        assertThat(db.dsl().fetchSingle("select count(*) from silver.quarantine where rule = 'after_account_close'").get(0, Long.class))
                .isPositive();

        TestResult t = wh.test();
        assertThat(t.checks().stream().filter(c -> c.severity() == Severity.ERROR && c.status() != Status.PASS).toList()).isEmpty();
        // the fixture's malformed e-mail (C0000007) is kept, flagged and listed by a warn check
        assertThat(t.find("stg_customers.email_valid")).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(Status.WARN);
            assertThat(c.failures()).isOne();
        });
    }
}
