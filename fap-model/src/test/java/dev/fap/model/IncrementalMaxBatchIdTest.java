package dev.fap.model;

import static dev.fap.model.Fixtures.count;
import static dev.fap.model.Fixtures.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code {max_batch_id}} in an incremental model's marker: the greatest {@code _batch_id} of the model's table, as a literal. */
@ExtendWith(FapDatabaseExtension.class)
class IncrementalMaxBatchIdTest {

    @BeforeEach
    void clean(Database db) {
        Fixtures.reset(db);
        exec(db, "create table bronze.items (id int, v text, _batch_id bigint, _loaded_at timestamptz default now())",
                "insert into bronze.items select i, 'v' || i, 1 from generate_series(1, 10) i");
    }

    @Test
    void anIncrementalRunReadsTheBatchesAfterTheGreatestOneItsTableHolds(Database db) {
        Model m = Model.incremental("items_new", Layer.GOLD).uniqueKey("id")
                .sql("select id, v, _batch_id from bronze.items where true {{incremental and _batch_id > {max_batch_id}}}");
        Warehouse wh = Warehouse.on(db, Project.of(m));
        assertThat(wh.build().orThrow().model("items_new").rows()).isEqualTo(10);
        // a row of batch 1 changed by hand is not read again; the rows of batch 2 are
        exec(db, "update bronze.items set v = 'old batch, not read' where id = 2",
                "insert into bronze.items values (11, 'v11', 2), (12, 'v12', 2)");
        ModelResult r = wh.build().orThrow().model("items_new");
        assertThat(r.inserted()).isEqualTo(2);
        assertThat(r.updated()).isZero();
        assertThat(r.rows()).isEqualTo(12);
        assertThat(count(db, "select count(*) from gold.items_new where v = 'v2'")).isEqualTo(1);
        // nothing newer than batch 2: nothing merged
        ModelResult again = wh.build().orThrow().model("items_new");
        assertThat(again.inserted() + again.updated()).isZero();
        // a full refresh reads every batch
        ModelResult full = wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow().model("items_new");
        assertThat(full.rows()).isEqualTo(12);
        assertThat(count(db, "select count(*) from gold.items_new where v = 'old batch, not read'")).isEqualTo(1);
    }
}
