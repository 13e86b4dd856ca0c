package dev.fap.model;

import static dev.fap.model.Fixtures.count;
import static dev.fap.model.Fixtures.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A table the engine builds (a swap, a staging build, a small table replaced in place) is analyzed after its commit, once
 * its backend reported the inserts: it has statistics and no changes since that analyze, so autovacuum has nothing to
 * analyze again (it did, on every built table, when the analyze ran in the filling transaction).
 */
@ExtendWith(FapDatabaseExtension.class)
class AnalyzedAfterCommitTest {

    @BeforeEach
    void clean(Database db) {
        Fixtures.reset(db);
        exec(db, "create table bronze.items (id text, v int, _batch_id bigint, _loaded_at timestamptz default now())",
                "insert into bronze.items select 'I' || i, i, 1 from generate_series(1, 20000) i");
    }

    /** Changes since the last analyze, and whether it was analyzed, once every backend has reported its statistics. */
    private static long changesSinceAnalyze(Database db, String table) throws InterruptedException {
        // a backend reports at the latest ~1 s after going idle; wait for the pool's connections to have done so
        Thread.sleep(2_500);
        return count(db, "select n_mod_since_analyze + case when last_analyze is null then 1000000000 else 0 end"
                + " from pg_stat_user_tables where relid = '" + table + "'::regclass");
    }

    @Test
    void builtTablesHaveStatisticsAndNoChangesLeftForAutovacuum(Database db) throws InterruptedException {
        Model table = Model.table("items_table", Layer.GOLD).sql("select id, v * 2 as w from bronze.items");
        Model staged = Model.staging("stg_items", Layer.SILVER).uniqueKey("id")
                .sql("select id, v, b as _raw, _batch_id, _loaded_at from bronze.items b where true {{incremental and b._batch_id > {max_batch_id}}}");
        Model small = Model.table("items_small", Layer.GOLD).sql("select count(*) as n, max(v) as top from bronze.items");
        Warehouse wh = Warehouse.on(db, Project.of(table, staged, small));
        wh.build().orThrow();
        for (String t : new String[] {"gold.items_table", "silver.stg_items", "gold.items_small"}) {
            assertThat(changesSinceAnalyze(db, t)).as(t).isZero();
        }
        assertThat(count(db, "select reltuples::bigint from pg_class where oid = 'gold.items_table'::regclass")).isEqualTo(20000);
        // an incremental run: the small table is replaced in place and analyzed after its commit too
        exec(db, "insert into bronze.items values ('I20001', 7, 2)");
        assertThat(wh.build().orThrow().model("items_small").message()).isEqualTo("replaced in place");
        assertThat(changesSinceAnalyze(db, "gold.items_small")).isZero();
        assertThat(count(db, "select top from gold.items_small")).isEqualTo(20000);
    }
}
