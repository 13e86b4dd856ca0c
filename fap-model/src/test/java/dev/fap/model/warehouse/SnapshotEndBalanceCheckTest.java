package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.model.CheckResult;
import dev.fap.model.TestResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily snapshot's {@code ends_at_current_balance} check on a copy of the built snapshot with three wrong
 * closing balances: on the last day of an open account (the data's "now"), on the closing day of a closed
 * account, and on a day in the middle of an account's life. Only the first two are the accounts' last days,
 * so exactly they fail this check (the third breaks {@code balance_follows_transactions} instead).
 */
@ExtendWith(FapDatabaseExtension.class)
class SnapshotEndBalanceCheckTest {

    @Test
    void onlyAWrongBalanceOnAnAccountsLastDayFails(Database db) {
        BronzeFixture.load(db);
        FapWarehouse.on(db).build().orThrow();
        SnapshotCopy.create(db);
        String open = db.dsl().fetchSingle("select min(s.account_id) from bronze.snapshot_src s, silver.data_clock k"
                + " where s.snapshot_date = k.as_of_date").get(0, String.class);
        String closed = db.dsl().fetchSingle("select min(s.account_id) from bronze.snapshot_src s where s.is_closing_day"
                + " and s.account_id <> ?", open).get(0, String.class);
        String middle = db.dsl().fetchSingle("select max(s.account_id) from bronze.snapshot_src s, silver.data_clock k"
                + " where s.snapshot_date = k.as_of_date - 10 and s.account_id not in (?, ?)", open, closed).get(0, String.class);
        assertThat(List.of(open, closed, middle)).doesNotContainNull().doesNotHaveDuplicates();
        db.dsl().execute("update bronze.snapshot_src s set closing_balance = closing_balance + 1 from silver.data_clock k"
                + " where (s.account_id = ? and s.snapshot_date = k.as_of_date) or (s.account_id = ? and s.is_closing_day)"
                + " or (s.account_id = ? and s.snapshot_date = k.as_of_date - 10)", open, closed, middle);

        TestResult t = SnapshotCopy.check(db);
        CheckResult ends = t.checks().stream().filter(c -> c.id().equals("snapshot_copy.ends_at_current_balance")).findFirst().orElseThrow();
        assertThat(ends.status().name() + ":" + ends.failures()).isEqualTo("FAIL:2");
        assertThat(db.dsl().fetch("select row ->> 'account_id' from fap_meta.check_failures where run_id = ? and check_id = ?",
                t.runId(), ends.id()).getValues(0, String.class)).containsExactlyInAnyOrder(open, closed);
        assertThat(t.checks().stream().filter(c -> c.id().equals("snapshot_copy.balance_follows_transactions")).findFirst()
                .orElseThrow().failures()).isEqualTo(3);
    }
}
