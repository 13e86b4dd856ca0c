package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.Selection;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integer columns of {@code gold.fact_transactions} that scans aggregate instead of text and {@code numeric}
 * ones carry the same facts: {@code amount_abs_cents} is the absolute amount in cents, exactly, the channel and
 * type codes map one to one onto the labels (1 = the first label silver admits), and the card-fraud signal flags
 * are their measures' comparisons; also on dirty data and on an incremental run.
 */
@ExtendWith(FapDatabaseExtension.class)
class FactTransactionCodesTest {

    @Test
    void centsAreTheAmountsAndCodesMapBackToTheLabels(Database db) {
        DataGenerator gen = DataGenerator.of(DatasetSpec.defaults().withSeed(11).withCustomers(60).withTransactions(4_000)
                .withDirtyRate(0.05).withPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)));
        gen.toDatabase(db);
        FapWarehouse.on(db).build(Selection.parse("+fact_transactions")).orThrow();
        long rows = count(db, "select count(*) from gold.fact_transactions");
        assertThat(rows).isGreaterThan(3_000);

        // every row: cents / 100 is the amount, to the last digit, and the cents are whole
        assertThat(count(db, "select count(*) from gold.fact_transactions"
                + " where amount_abs_cents::numeric / 100 = transaction_amount_abs and amount_abs_cents = abs(transaction_amount) * 100"))
                .isEqualTo(rows);
        // the sums used by the analytics agree exactly: a numeric sum and a sum of squares against the cents'
        assertThat(db.dsl().fetchSingle("select sum(transaction_amount_abs) = sum(amount_abs_cents) / 100.0,"
                + " sum(transaction_amount_abs * transaction_amount_abs) = sum(amount_abs_cents * amount_abs_cents) / 10000.0,"
                + " sum(purchase_amount) = sum(amount_abs_cents) filter (where not is_declined and transaction_type_code = 1) / 100.0,"
                + " sum(debit_amount) = sum(amount_abs_cents) filter (where is_approved and is_debit) / 100.0,"
                + " sum(approved_amount_abs) = sum(amount_abs_cents) filter (where not is_declined) / 100.0,"
                + " sum(fee_amount) = sum(amount_abs_cents) filter (where not is_declined and transaction_type_code = 3) / 100.0"
                + " from gold.fact_transactions").intoList()).containsOnly(true);

        // the card-fraud signal flags are their measures' comparisons (false when the measure is unknown), and each occurs
        assertThat(count(db, "select count(*) from gold.fact_transactions"
                + " where is_high_amount_deviation = coalesce(amount_deviation_score >= 2, false)"
                + " and is_high_velocity = coalesce(velocity_24h >= 2, false)"
                + " and is_far_from_home = coalesce(distance_from_home_km >= 100, false)"
                + " and is_high_merchant_risk_score = coalesce(merchant_risk_score >= 0.7, false)")).isEqualTo(rows);
        assertThat(db.dsl().fetchSingle("select bool_or(is_high_amount_deviation), bool_or(is_high_velocity), bool_or(is_far_from_home),"
                + " bool_or(is_high_merchant_risk_score), bool_and(is_high_amount_deviation) from gold.fact_transactions").intoList())
                .containsExactly(true, true, true, true, false);

        // codes <-> labels, one to one, every label silver admits present
        assertThat(pairs(db, "channel_code", "channel")).containsExactly("1=Online", "2=Mobile", "3=ATM", "4=Branch", "5=POS");
        assertThat(pairs(db, "transaction_type_code", "transaction_type"))
                .containsExactly("1=Purchase", "2=ATM", "3=Fee", "4=Deposit", "5=Refund", "6=Transfer", "7=Payment");

        // a second load merged incrementally keeps the same correspondence
        gen.nextBatch(10).toDatabase(db);
        FapWarehouse.on(db).build(Selection.parse("+fact_transactions")).orThrow();
        long after = count(db, "select count(*) from gold.fact_transactions");
        assertThat(after).isGreaterThan(rows);
        assertThat(count(db, "select count(*) from gold.fact_transactions where amount_abs_cents::numeric / 100 = transaction_amount_abs"
                + " and channel_code = array_position(array['Online', 'Mobile', 'ATM', 'Branch', 'POS'], channel)"
                + " and transaction_type_code = array_position(array['Purchase', 'ATM', 'Fee', 'Deposit', 'Refund', 'Transfer', 'Payment'],"
                + " transaction_type)")).isEqualTo(after);
    }

    private static long count(Database db, String sql) {
        return db.dsl().fetchSingle(sql).get(0, Long.class);
    }

    private static List<String> pairs(Database db, String code, String label) {
        return db.dsl().fetch("select distinct " + code + " as c, " + label + " as l from gold.fact_transactions order by 1").stream()
                .map((Record r) -> r.get("c") + "=" + r.get("l")).toList();
    }
}
