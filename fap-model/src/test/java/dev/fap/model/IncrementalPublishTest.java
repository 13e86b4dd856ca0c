package dev.fap.model;

import static dev.fap.model.Fixtures.count;
import static dev.fap.model.Fixtures.exec;
import static dev.fap.model.Fixtures.rows;
import static dev.fap.model.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an incremental run publishes without a swap: a small table's rows replaced in place (its views stay), an
 * unchanged view left alone without a probe, a staging model's batch and row count carried from its last build; and
 * that each gives what a full refresh gives, keeps the old rows on failure, and falls back to a swap when it must.
 */
@ExtendWith(FapDatabaseExtension.class)
class IncrementalPublishTest {
    private static final String ITEMS = "select id, upper(name) as name, price from bronze.items";

    @BeforeEach
    void clean(Database db) {
        Fixtures.reset(db);
        exec(db, "create table bronze.items (id int, name text, price numeric, _batch_id bigint, _loaded_at timestamptz default now())",
                "insert into bronze.items (id, name, price, _batch_id) select i, 'item ' || i, i, 1 from generate_series(1, 10) i");
    }

    private static Project project(String itemsSql, String hook) {
        Model items = Model.table("items", Layer.SILVER).sql(itemsSql).uniqueKey("id").index("name").description("Items, upper-cased")
                .column("price", "unit price in USD");
        if (hook != null) {
            items = items.postHook(hook);
        }
        return Project.of(items, Model.view("pricey_items", Layer.GOLD).sql("select * from silver.items where price > 5").description("Items over 5")
                .column("price", "unit price"));
    }

    private static String oid(Database db, String relation) {
        return value(db, "select '" + relation + "'::regclass::oid::text");
    }

    private static String content(Database db, String relation) {
        return value(db, "select md5(string_agg(t::text, '|' order by t::text)) from " + relation + " t");
    }

    @Test
    void aSmallTableIsReplacedInPlaceSoThatTheViewsOnItStay(Database db) {
        Warehouse wh = Warehouse.on(db, project(ITEMS, null));
        wh.build().orThrow();
        exec(db, "create view gold.app_view as select name from silver.items where id <= 3", "comment on view gold.app_view is 'mine'");
        String table = oid(db, "silver.items");
        String view = oid(db, "gold.pricey_items");
        String appView = oid(db, "gold.app_view");
        String rowVersions = value(db, "select string_agg(xmin::text, ',' order by id) from silver.items");

        // nothing new: no row is written, nothing is swapped
        BuildResult same = wh.build().orThrow();
        assertThat(same.model("items").message()).isEqualTo("unchanged");
        assertThat(same.model("items").inserted()).isZero();
        assertThat(same.model("items").rows()).isEqualTo(10);
        assertThat(same.model("pricey_items").message()).isEqualTo("unchanged");
        assertThat(value(db, "select string_agg(xmin::text, ',' order by id) from silver.items")).isEqualTo(rowVersions);

        // new and changed rows: replaced in the table, whose oid, indexes, comments and views stay
        exec(db, "insert into bronze.items (id, name, price, _batch_id) values (11, 'item 11', 11, 2)",
                "update bronze.items set name = 'renamed' where id = 2");
        BuildResult changed = wh.build().orThrow();
        assertThat(changed.model("items").message()).isEqualTo("replaced in place");
        assertThat(changed.model("items").rows()).isEqualTo(11);
        assertThat(changed.model("items").inserted()).isEqualTo(11);
        assertThat(changed.model("pricey_items").message()).isEqualTo("unchanged");
        assertThat(oid(db, "silver.items")).isEqualTo(table);
        assertThat(oid(db, "gold.pricey_items")).isEqualTo(view);
        assertThat(oid(db, "gold.app_view")).isEqualTo(appView);
        assertThat(count(db, "select count(*) from gold.pricey_items")).isEqualTo(6);
        assertThat(rows(db, "select name from gold.app_view order by 1")).extracting(r -> r.get(0)).containsExactly("ITEM 1", "ITEM 3", "RENAMED");
        assertThat(value(db, "select obj_description('gold.app_view'::regclass, 'pg_class')")).isEqualTo("mine");
        assertThat(value(db, "select col_description('silver.items'::regclass, 3)")).isEqualTo("unit price in USD");
        assertThat(rows(db, "select indexname from pg_indexes where schemaname = 'silver' and tablename = 'items' order by 1"))
                .extracting(r -> r.get(0)).containsExactly("items_idx0", "items_key");
        assertThat(count(db, "select count(*) from pg_class where relname like '%fap_new%' or relname = 'fap_table'")).isZero();
        String incremental = content(db, "silver.items");

        // the same rows as a full refresh, which swaps
        BuildResult full = wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(full.model("items").message()).isEmpty();
        assertThat(oid(db, "silver.items")).isNotEqualTo(table);
        assertThat(content(db, "silver.items")).isEqualTo(incremental);
        assertThat(count(db, "select count(*) from gold.app_view")).isEqualTo(3);
    }

    @Test
    void aTableIsSwappedWhenItsColumnsChangeOrItIsLarge(Database db) {
        Warehouse.on(db, project(ITEMS, null)).build().orThrow();
        String table = oid(db, "silver.items");
        // a new column: the new table is swapped in, the view on it recreated
        BuildResult widened = Warehouse.on(db, project(ITEMS.replace(", price", ", price, price * 2 as double_price"), null)).build().orThrow();
        assertThat(widened.model("items").message()).isEmpty();
        assertThat(oid(db, "silver.items")).isNotEqualTo(table);
        assertThat(value(db, "select sum(double_price) from silver.items")).isEqualTo("110");
        assertThat(count(db, "select count(*) from gold.pricey_items")).isEqualTo(5);
        // a changed type: swapped too
        table = oid(db, "silver.items");
        Warehouse.on(db, project(ITEMS.replace(", price", ", price, (price * 2)::int as double_price"), null)).build().orThrow();
        assertThat(oid(db, "silver.items")).isNotEqualTo(table);
        assertThat(value(db, "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'silver.items'::regclass"
                + " and attname = 'double_price'")).isEqualTo("integer");
        assertThat(value(db, "select sum(double_price) from gold.pricey_items")).isEqualTo("80");

        // more rows than an in-place replacement is for: swapped
        exec(db, "insert into bronze.items (id, name, price, _batch_id) select i, 'item ' || i, i, 2 from generate_series(11, 20000) i");
        // (the view on the table now has the new column: the table keeps it)
        Warehouse wh = Warehouse.on(db, project(ITEMS.replace(", price", ", price, (price * 2)::int as double_price"), null));
        wh.build().orThrow();
        table = oid(db, "silver.items");
        exec(db, "insert into bronze.items (id, name, price, _batch_id) values (20001, 'item 20001', 20001, 3)");
        BuildResult large = wh.build().orThrow();
        assertThat(large.model("items").message()).isEmpty();
        assertThat(large.model("items").rows()).isEqualTo(20_001);
        assertThat(oid(db, "silver.items")).isNotEqualTo(table);
        assertThat(count(db, "select count(*) from gold.pricey_items")).isEqualTo(19_996);
    }

    @Test
    void aFailedInPlaceReplacementKeepsTheOldRows(Database db) {
        Warehouse.on(db, project(ITEMS, null)).build().orThrow();
        String before = content(db, "silver.items");
        exec(db, "insert into bronze.items (id, name, price, _batch_id) values (11, 'item 11', 11, 2)");
        // a post hook that throws after the rows were replaced, in the same transaction
        BuildResult hook = Warehouse.on(db, project(ITEMS, "select 1 / 0 from {this}")).build();
        assertThat(hook.model("items").status()).isEqualTo(Status.ERROR);
        assertThat(hook.model("items").message()).contains("division by zero");
        assertThat(hook.model("pricey_items").status()).isEqualTo(Status.SKIPPED);
        assertThat(content(db, "silver.items")).isEqualTo(before);
        // a key that is no longer unique: the unique index of the live table refuses the new rows
        BuildResult dup = Warehouse.on(db, project("select 1 as id, upper(name) as name, price from bronze.items", null)).build();
        assertThat(dup.model("items").message()).contains("unique key (id) is not unique");
        assertThat(content(db, "silver.items")).isEqualTo(before);
        // a statement that fails mid-way through the new rows
        BuildResult div = Warehouse.on(db, project(ITEMS.replace("price from", "price / (id - 11) as price from"), null)).build();
        assertThat(div.model("items").status()).isEqualTo(Status.ERROR);
        assertThat(content(db, "silver.items")).isEqualTo(before);
        assertThat(count(db, "select count(*) from silver.items")).isEqualTo(10);
        // fixed: replaced
        assertThat(Warehouse.on(db, project(ITEMS, null)).build().orThrow().model("items").message()).isEqualTo("replaced in place");
        assertThat(count(db, "select count(*) from silver.items")).isEqualTo(11);
    }

    @Test
    void anUnchangedViewIsLeftAloneAndAViewChangedByHandIsRestored(Database db) {
        Warehouse wh = Warehouse.on(db, project(ITEMS, null));
        wh.build().orThrow();
        String view = oid(db, "gold.pricey_items");
        assertThat(value(db, "select relid::text from fap_meta.views where relation = 'gold.pricey_items'")).isEqualTo(view);
        assertThat(wh.build().orThrow().model("pricey_items").message()).isEqualTo("unchanged");
        assertThat(oid(db, "gold.pricey_items")).isEqualTo(view);

        // redefined by hand (same oid): the model's definition comes back
        exec(db, "create or replace view gold.pricey_items as select * from silver.items where price > 8");
        assertThat(count(db, "select count(*) from gold.pricey_items")).isEqualTo(2);
        assertThat(wh.build().orThrow().model("pricey_items").message()).isEmpty();
        assertThat(count(db, "select count(*) from gold.pricey_items")).isEqualTo(5);
        assertThat(wh.build().orThrow().model("pricey_items").message()).isEqualTo("unchanged");

        // a comment changed by hand: restored
        exec(db, "comment on column gold.pricey_items.price is 'changed'", "comment on view gold.pricey_items is 'changed'");
        assertThat(wh.build().orThrow().model("pricey_items").message()).isEmpty();
        assertThat(value(db, "select col_description('gold.pricey_items'::regclass, 3)")).isEqualTo("unit price");
        assertThat(value(db, "select obj_description('gold.pricey_items'::regclass, 'pg_class')")).isEqualTo("Items over 5");

        // recreated by the swap of the table under it: found the same by the probe, then known again
        exec(db, "insert into bronze.items (id, name, price, _batch_id) select i, 'item ' || i, i, 2 from generate_series(11, 20000) i");
        BuildResult swapped = wh.build().orThrow();
        assertThat(swapped.model("items").message()).isEmpty();
        assertThat(swapped.model("pricey_items").message()).isEqualTo("unchanged");
        String recreated = oid(db, "gold.pricey_items");
        assertThat(recreated).isNotEqualTo(view);
        assertThat(value(db, "select relid::text from fap_meta.views where relation = 'gold.pricey_items'")).isEqualTo(recreated);

        // the model's own definition changed: published
        Warehouse changed = Warehouse.on(db, Project.of(project(ITEMS, null).model("items"),
                Model.view("pricey_items", Layer.GOLD).sql("select * from silver.items where price > 7").description("Items over 7")));
        assertThat(changed.build().orThrow().model("pricey_items").message()).isEmpty();
        assertThat(count(db, "select count(*) from gold.pricey_items")).isEqualTo(19_993);
        assertThat(value(db, "select obj_description('gold.pricey_items'::regclass, 'pg_class')")).isEqualTo("Items over 7");
    }

    @Test
    void aViewOnATableThatGainedAColumnIsPublishedAgain(Database db) {
        Model narrow = Model.incremental("nums", Layer.GOLD).uniqueKey("id").sql("select id, price from bronze.items");
        Model all = Model.view("all_nums", Layer.GOLD).sql("select * from gold.nums");
        Warehouse.on(db, Project.of(narrow, all)).build().orThrow();
        String view = oid(db, "gold.all_nums");
        assertThat(Warehouse.on(db, Project.of(narrow, all)).build().orThrow().model("all_nums").message()).isEqualTo("unchanged");
        // the merge adds the new column to the live table in place; "select *" now means three columns
        Model wider = Model.incremental("nums", Layer.GOLD).uniqueKey("id").sql("select id, price, name from bronze.items")
                .onSchemaChange(OnSchemaChange.APPEND_NEW_COLUMNS);
        BuildResult appended = Warehouse.on(db, Project.of(wider, all)).build().orThrow();
        assertThat(appended.model("nums").message()).isEqualTo("incremental");
        assertThat(appended.model("all_nums").message()).isEmpty();
        assertThat(oid(db, "gold.all_nums")).isNotEqualTo(view);
        assertThat(value(db, "select name from gold.all_nums where id = 4")).isEqualTo("item 4");
        assertThat(Warehouse.on(db, Project.of(wider, all)).build().orThrow().model("all_nums").message()).isEqualTo("unchanged");
    }

    @Test
    void aStagingModelCarriesItsLastBatchAndRowCountFromItsLastBuild(Database db) {
        Model stg = Model.staging("stg_items", Layer.SILVER).uniqueKey("id")
                .sql("select id, upper(name) as name, price, b as _raw, b._batch_id, b._loaded_at from bronze.items b"
                        + " {{incremental where b._batch_id > {max_batch_id}}}")
                .rule("positive_price", "price > 0", "price is not positive");
        Warehouse wh = Warehouse.on(db, Project.of(stg));
        exec(db, "update bronze.items set price = -1 where id = 10");
        wh.build().orThrow();
        assertThat(rows(db, "select rows, max_batch_id from fap_meta.table_rows where relation = 'silver.stg_items'"))
                .containsExactly(java.util.List.of("9", "1"));

        // batch 2: one new row, one row delivered again (a duplicate of id 3, later load: replaces it)
        exec(db, "insert into bronze.items (id, name, price, _batch_id) values (11, 'item 11', 11, 2), (3, 'item 3 again', 3, 2)");
        BuildResult inc = wh.build().orThrow();
        assertThat(inc.model("stg_items").message()).startsWith("incremental from batch 1");
        assertThat(inc.model("stg_items").rows()).isEqualTo(10).isEqualTo(count(db, "select count(*) from silver.stg_items"));
        assertThat(rows(db, "select rows, max_batch_id from fap_meta.table_rows where relation = 'silver.stg_items'"))
                .containsExactly(java.util.List.of("10", "2"));
        // nothing new: starts from batch 2, the same count
        BuildResult none = wh.build().orThrow();
        assertThat(none.model("stg_items").message()).startsWith("incremental from batch 2");
        assertThat(none.model("stg_items").rows()).isEqualTo(10);
        String incremental = content(db, "silver.stg_items");

        // without a stored entry (e.g. a database from an earlier version) the run looks the batch up and stores it
        exec(db, "delete from fap_meta.table_rows", "insert into bronze.items (id, name, price, _batch_id) values (12, 'item 12', 12, 3)");
        BuildResult looked = wh.build().orThrow();
        assertThat(looked.model("stg_items").message()).startsWith("incremental from batch 2");
        assertThat(looked.model("stg_items").rows()).isEqualTo(11);
        assertThat(rows(db, "select rows, max_batch_id from fap_meta.table_rows where relation = 'silver.stg_items'"))
                .containsExactly(java.util.List.of("11", "3"));

        // the incremental table equals a full refresh of the same data
        exec(db, "delete from bronze.items where id = 12");
        wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(content(db, "silver.stg_items")).isEqualTo(incremental);
    }
}
