package dev.fap.model.warehouse;

import dev.fap.core.Database;
import dev.fap.model.BuildOptions;
import dev.fap.model.Check;
import dev.fap.model.Layer;
import dev.fap.model.Model;
import dev.fap.model.Project;
import dev.fap.model.Selection;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;

/**
 * A copy of the built daily snapshot that a test can spoil, checked with the snapshot's checks exactly as
 * {@link GoldModels#factAccountDailySnapshot()} declares them (model {@code gold.snapshot_copy}).
 *
 * <pre>{@code
 * SnapshotCopy.create(db);                                   // bronze.snapshot_src = gold.fact_account_daily_snapshot
 * db.dsl().execute("update bronze.snapshot_src set ...");    // inject the faults
 * TestResult t = SnapshotCopy.check(db);                     // check ids snapshot_copy.<check>, 10 failing rows kept
 * }</pre>
 */
final class SnapshotCopy {
    /** The table the tests spoil. */
    static final String SOURCE = "bronze.snapshot_src";

    private SnapshotCopy() {
    }

    /** Copies the built snapshot into {@link #SOURCE}. */
    static void create(Database db) {
        db.dsl().execute("create table " + SOURCE + " as select * from gold.fact_account_daily_snapshot");
    }

    /** Builds {@code gold.snapshot_copy} from {@link #SOURCE} with the snapshot's checks and runs them. */
    static TestResult check(Database db) {
        Model copy = Model.table("snapshot_copy", Layer.GOLD).sql("select * from " + SOURCE);
        for (Check c : GoldModels.factAccountDailySnapshot().checks()) {
            copy = copy.check(c);
        }
        Warehouse wh = Warehouse.on(db, Project.of(copy));
        wh.build().orThrow();
        return wh.test(Selection.all(), BuildOptions.defaults().withFailingRowsKept(10));
    }
}
