package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.model.ModelResult;
import dev.fap.model.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An incremental run of the daily snapshot finds the table's last day from the eight oldest open accounts
 * (fact_account_daily_snapshot.sql): when the table ends earlier for them, the run starts one day earlier for
 * every account, puts their missing days back and still equals a full refresh.
 */
@ExtendWith(FapDatabaseExtension.class)
class SnapshotIncrementalRepairTest {
    private static final String SNAPSHOT = "gold.fact_account_daily_snapshot";
    private static final String PROBED = "select account_id from silver.stg_accounts where close_date is null"
            + " order by open_date, account_id limit 8";

    @Test
    void aTableEndingEarlierForTheProbedAccountsIsCompletedLikeAFullRefresh(Database db) {
        BronzeFixture.load(db);
        Warehouse wh = FapWarehouse.on(db);
        wh.build().orThrow();                        // the first build of an incremental model is a full refresh
        String built = TableChecksum.md5(db, SNAPSHOT, "account_id, snapshot_date");
        long rows = TableChecksum.count(db, "select count(*) from " + SNAPSHOT);

        // the probed accounts lose their last day: the table's last day is now found one day early. The stored
        // row count no longer describes the table (DML by hand is not seen), so it is dropped and the merge counts.
        long lost = db.dsl().execute("delete from " + SNAPSHOT + " s using silver.data_clock k where s.snapshot_date = k.as_of_date"
                + " and s.account_id in (" + PROBED + ")");
        assertThat(lost).isEqualTo(8);
        db.dsl().execute("delete from fap_meta.table_rows where relation = ?", SNAPSHOT);

        ModelResult r = wh.build().orThrow().model("fact_account_daily_snapshot");
        assertThat(r.message()).isEqualTo("incremental");
        // the eight last days come back; every open account's last day is recomputed, unchanged (not updated)
        assertThat(r.inserted()).isEqualTo(8);
        assertThat(r.updated()).isZero();
        assertThat(r.rows()).isEqualTo(rows).isEqualTo(TableChecksum.count(db, "select count(*) from " + SNAPSHOT));
        assertThat(TableChecksum.md5(db, SNAPSHOT, "account_id, snapshot_date")).isEqualTo(built);
    }
}
