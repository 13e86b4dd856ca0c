package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.model.ModelResult;
import dev.fap.model.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An incremental run of fact_customer_monthly computes the months from the table's last month on and reads the
 * two stored months before it for prev_month_spend and the rolling metrics (fact_customer_monthly.sql). A stored
 * month missing there — one without transactions, so the stored counts still match — makes the customer stale:
 * recomputed whole, equal to the full build.
 */
@ExtendWith(FapDatabaseExtension.class)
class MonthlyIncrementalRepairTest {
    private static final String MONTHLY = "gold.fact_customer_monthly";

    @Test
    void aMissingStoredMonthBeforeTheLastMonthMakesTheCustomerRecomputedLikeAFullRefresh(Database db) {
        BronzeFixture.load(db);
        Warehouse wh = FapWarehouse.on(db);
        wh.build().orThrow();                        // the first build of an incremental model is a full refresh
        String built = TableChecksum.md5(db, MONTHLY, "customer_id, month_start");
        long months = TableChecksum.count(db, "select count(*) from " + MONTHLY);

        // a customer with older months, no transactions in the month before the last month and some in the last
        // month loses that stored month (its transaction counts before the last month still match)
        String last = "(select max(month_start) from " + MONTHLY + ")";
        String customer = db.dsl().fetchSingle("select min(x.customer_id) from " + MONTHLY + " x"
                + " where x.month_start = (" + last + " - interval '1 month')::date and x.transaction_count = 0"
                + " and exists (select 1 from " + MONTHLY + " o where o.customer_id = x.customer_id and o.month_start < x.month_start)"
                + " and exists (select 1 from " + MONTHLY + " n where n.customer_id = x.customer_id and n.month_start = " + last
                + " and n.transaction_count > 0)").get(0, String.class);
        assertThat(customer).isNotNull();
        long customerMonths = TableChecksum.count(db, "select count(*) from " + MONTHLY + " where customer_id = '" + customer + "'");
        assertThat(db.dsl().execute("delete from " + MONTHLY + " where customer_id = ? and month_start = (" + last
                + " - interval '1 month')::date", customer)).isOne();
        db.dsl().execute("delete from fap_meta.table_rows where relation = ?", MONTHLY);

        ModelResult r = wh.build().orThrow().model("fact_customer_monthly");
        assertThat(r.message()).isEqualTo("incremental");
        // the customer's every month is recomputed: the lost one comes back
        assertThat(r.inserted()).isOne();
        assertThat(TableChecksum.count(db, "select count(*) from " + MONTHLY + " where customer_id = '" + customer + "'")).isEqualTo(customerMonths);
        assertThat(r.rows()).isEqualTo(months);
        assertThat(TableChecksum.md5(db, MONTHLY, "customer_id, month_start")).isEqualTo(built);
    }
}
