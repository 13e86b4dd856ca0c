package dev.fap.model;

import static dev.fap.model.Fixtures.count;
import static dev.fap.model.Fixtures.exec;
import static dev.fap.model.Fixtures.rows;
import static dev.fap.model.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FapDatabaseExtension.class)
class MaterializationTest {
    @BeforeEach
    void clean(Database db) {
        Fixtures.reset(db);
    }

    @Test
    void tablesAreSwappedWithTheirDependentViewsKept(Database db) {
        exec(db, "create table bronze.items (id int, name text, price numeric, _batch_id bigint, _loaded_at timestamptz default now())",
                "insert into bronze.items (id, name, price, _batch_id) select i, 'item ' || i, i, 1 from generate_series(1, 10) i");
        Project p = Project.of(
                Model.table("items", Layer.SILVER).sql("select id, upper(name) as name, price from bronze.items")
                        .uniqueKey("id").index("name").description("Items, upper-cased").column("price", "unit price in USD"),
                Model.view("pricey_items", Layer.GOLD).sql("select * from silver.items where price > 5").description("Items over 5"));
        Warehouse wh = Warehouse.on(db, p);
        BuildResult b = wh.build().orThrow();
        assertThat(b.model("items").rows()).isEqualTo(10);
        assertThat(b.model("pricey_items").rows()).isEqualTo(-1);
        assertThat(count(db, "select count(*) from gold.pricey_items")).isEqualTo(5);
        // a view the application made on top of the table, with a comment
        exec(db, "create view gold.app_view as select name from silver.items where id <= 3", "comment on view gold.app_view is 'mine'",
                "insert into bronze.items (id, name, price, _batch_id) values (11, 'item 11', 11, 2)");
        BuildResult again = wh.build(Selection.parse("items")).orThrow();
        assertThat(again.models()).extracting(ModelResult::model).containsExactly("items");
        assertThat(count(db, "select count(*) from gold.pricey_items")).isEqualTo(6);
        assertThat(rows(db, "select name from gold.app_view order by 1")).extracting(r -> r.get(0))
                .containsExactly("ITEM 1", "ITEM 2", "ITEM 3");
        assertThat(value(db, "select obj_description('gold.app_view'::regclass, 'pg_class')")).isEqualTo("mine");
        assertThat(value(db, "select obj_description('silver.items'::regclass, 'pg_class')")).isEqualTo("Items, upper-cased");
        assertThat(value(db, "select col_description('silver.items'::regclass, 3)")).isEqualTo("unit price in USD");
        assertThat(rows(db, "select indexname from pg_indexes where schemaname = 'silver' and tablename = 'items' order by 1"))
                .extracting(r -> r.get(0)).containsExactly("items_idx0", "items_key");
        assertThat(count(db, "select count(*) from pg_class where relname like '%__fap_new%'")).isZero();
        // a table may become a view and back
        Warehouse asView = Warehouse.on(db, Project.of(Model.view("items", Layer.SILVER).sql("select id, upper(name) as name, price from bronze.items"),
                p.model("pricey_items")));
        asView.build().orThrow();
        assertThat(value(db, "select relkind from pg_class where oid = 'silver.items'::regclass")).isEqualTo("v");
        assertThat(count(db, "select count(*) from gold.app_view")).isEqualTo(3);
        wh.build().orThrow();
        assertThat(value(db, "select relkind from pg_class where oid = 'silver.items'::regclass")).isEqualTo("r");
    }

    @Test
    void incrementalMergeEqualsAFullRefreshOnTheSameData(Database db) {
        exec(db, "create table bronze.events (id int, ts timestamp, amount numeric, _batch_id bigint, _loaded_at timestamptz default now())",
                "insert into bronze.events select i, timestamp '2024-01-01' + i * interval '1 hour', i, 1 from generate_series(1, 100) i");
        String body = "select distinct on (id) id, ts, amount * 2 as amount2 from bronze.events where true %s order by id, ts desc";
        Model inc = Model.incremental("events_inc", Layer.GOLD).uniqueKey("id")
                .sql(String.format(body, "{{incremental and ts > (select max(ts) - interval '2 hours' from {this})}}"));
        Model filtered = Model.incremental("events_filtered", Layer.GOLD).uniqueKey("id")
                .sql(String.format(body, "")).incrementalFilter("ts > (select max(ts) from {this})");
        Model full = Model.table("events_full", Layer.GOLD).sql(String.format(body, ""));
        Warehouse wh = Warehouse.on(db, Project.of(inc, filtered, full));
        BuildResult first = wh.build().orThrow();
        assertThat(first.model("events_inc").message()).isEqualTo("first build");
        assertThat(first.model("events_inc").rows()).isEqualTo(100);
        // a new day of events plus a late correction of id 100 (a newer row for an existing key)
        exec(db, "insert into bronze.events select i, timestamp '2024-01-01' + i * interval '1 hour', i, 2 from generate_series(101, 150) i",
                "insert into bronze.events values (100, timestamp '2024-01-08', 1000, 2)");
        BuildResult second = wh.build().orThrow();
        ModelResult r = second.model("events_inc");
        assertThat(r.message()).isEqualTo("incremental");
        assertThat(r.inserted()).isEqualTo(50);
        assertThat(r.updated()).isEqualTo(1); // id 100 changed; ids 149,150 re-selected by the look-back but unchanged
        assertThat(r.rows()).isEqualTo(150);
        assertThat(second.model("events_filtered").inserted()).isEqualTo(50);
        assertThat(second.model("events_filtered").updated()).isEqualTo(1);
        for (String m : List.of("events_inc", "events_filtered")) {
            assertThat(count(db, "select count(*) from ((table gold." + m + " except table gold.events_full) union all"
                    + " (table gold.events_full except table gold." + m + ")) d")).as(m).isZero();
        }
        assertThat(value(db, "select amount2 from gold.events_inc where id = 100")).isEqualTo("2000");
        // full refresh rebuilds from scratch with the same result
        BuildResult fullRefresh = wh.build(Selection.parse("events_inc"), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(fullRefresh.model("events_inc").message()).isEqualTo("full refresh");
        assertThat(count(db, "select count(*) from (table gold.events_inc except table gold.events_full) d")).isZero();
        assertThat(wh.compiledSql("events_inc", true)).contains("from gold.events_inc").doesNotContain("{{");
        assertThat(wh.compiledSql("events_inc", false)).doesNotContain("interval '2 hours'");
    }

    @Test
    void incrementalWithoutFilterMergesChangesAndDeletesVanishedKeys(Database db) {
        exec(db, "create table bronze.items (id int, v text, _batch_id bigint, _loaded_at timestamptz default now())",
                "insert into bronze.items select i, 'v' || i, 1 from generate_series(1, 10) i");
        Model items = Model.incremental("items_sync", Layer.GOLD).uniqueKey("id").sql("select id, v from bronze.items");
        Model view = Model.view("items_view", Layer.GOLD).sql("select count(*) as n from gold.items_sync");
        Warehouse wh = Warehouse.on(db, Project.of(items, view));
        assertThat(wh.build().orThrow().model("items_sync").message()).isEqualTo("first build");
        String tableOid = value(db, "select 'gold.items_sync'::regclass::oid");
        // one row changed, one gone, one new, seven unchanged
        exec(db, "update bronze.items set v = 'changed' where id = 3", "delete from bronze.items where id = 7",
                "insert into bronze.items values (11, 'v11', 2)");
        ModelResult r = wh.build().orThrow().model("items_sync");
        assertThat(r.message()).isEqualTo("incremental, 1 deleted");
        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.updated()).isEqualTo(1);
        assertThat(r.rows()).isEqualTo(10);
        assertThat(count(db, "select count(*) from ((select id, v from gold.items_sync except select id, v from bronze.items)"
                + " union all (select id, v from bronze.items except select id, v from gold.items_sync)) d")).isZero();
        // merged in place: the same table (no swap)
        assertThat(value(db, "select 'gold.items_sync'::regclass::oid")).isEqualTo(tableOid);
        assertThat(count(db, "select n from gold.items_view")).isEqualTo(10);
    }

    @Test
    void incrementalRowCountIsCarriedFromTheLastBuildAndRecountedAfterARewrite(Database db) {
        exec(db, "create table bronze.items (id int, v text, _batch_id bigint, _loaded_at timestamptz default now())",
                "insert into bronze.items select i, 'v' || i, 1 from generate_series(1, 10) i");
        Model items = Model.incremental("items_count", Layer.GOLD).uniqueKey("id").sql("select id, v from bronze.items");
        Warehouse wh = Warehouse.on(db, Project.of(items));
        assertThat(wh.build().orThrow().model("items_count").rows()).isEqualTo(10);
        assertThat(count(db, "select rows from fap_meta.table_rows where relation = 'gold.items_count'")).isEqualTo(10);
        // two new, three gone: 10 + 2 - 3, not counted but carried (the stored count follows)
        exec(db, "insert into bronze.items values (11, 'v11', 2), (12, 'v12', 2)", "delete from bronze.items where id in (1, 2, 3)");
        ModelResult r = wh.build().orThrow().model("items_count");
        assertThat(r.message()).isEqualTo("incremental, 3 deleted");
        assertThat(r.rows()).isEqualTo(9).isEqualTo(count(db, "select count(*) from gold.items_count"));
        assertThat(count(db, "select rows from fap_meta.table_rows where relation = 'gold.items_count'")).isEqualTo(9);
        // a truncate gives the table a new file node: the stored 9 no longer describes it, so the merge counts
        // (9 + 9 re-inserted would be 18)
        exec(db, "truncate gold.items_count");
        r = wh.build().orThrow().model("items_count");
        assertThat(r.inserted()).isEqualTo(9);
        assertThat(r.rows()).isEqualTo(9).isEqualTo(count(db, "select count(*) from gold.items_count"));
        // a full refresh stores its own count for the table it swaps in
        exec(db, "insert into bronze.items values (13, 'v13', 3)");
        assertThat(wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow().model("items_count").rows()).isEqualTo(10);
        exec(db, "insert into bronze.items values (14, 'v14', 4)");
        assertThat(wh.build().orThrow().model("items_count").rows()).isEqualTo(11).isEqualTo(count(db, "select count(*) from gold.items_count"));
    }

    @Test
    void incrementalRunLeavesUnchangedViewsInPlace(Database db) {
        exec(db, "create table bronze.nums (n int)", "insert into bronze.nums select generate_series(1, 5)");
        Model v = Model.view("nums_view", Layer.GOLD).sql("select n, n * 2 as twice from bronze.nums").description("numbers")
                .column("twice", "n times two");
        assertThat(Warehouse.on(db, Project.of(v)).build().orThrow().model("nums_view").message()).isEmpty();
        String oid = value(db, "select 'gold.nums_view'::regclass::oid");
        assertThat(Warehouse.on(db, Project.of(v)).build().orThrow().model("nums_view").message()).isEqualTo("unchanged");
        assertThat(value(db, "select 'gold.nums_view'::regclass::oid")).isEqualTo(oid);
        assertThat(count(db, "select count(*) from pg_class where relname like 'nums_view%'")).isOne();
        // a new column comment is applied: the view is recreated
        Model documented = v.column("n", "the number");
        assertThat(Warehouse.on(db, Project.of(documented)).build().orThrow().model("nums_view").message()).isEmpty();
        assertThat(value(db, "select col_description('gold.nums_view'::regclass, 1)")).isEqualTo("the number");
        // a new definition is applied
        Model changed = documented.sql("select n, n * 3 as twice from bronze.nums");
        assertThat(Warehouse.on(db, Project.of(changed)).build().orThrow().model("nums_view").message()).isEmpty();
        assertThat(count(db, "select sum(twice) from gold.nums_view")).isEqualTo(45);
        // a full refresh always recreates it
        String before = value(db, "select 'gold.nums_view'::regclass::oid");
        assertThat(Warehouse.on(db, Project.of(changed)).build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow()
                .model("nums_view").message()).isEmpty();
        assertThat(value(db, "select 'gold.nums_view'::regclass::oid")).isNotEqualTo(before);
    }

    @Test
    void incrementalSchemaChangesFollowThePolicy(Database db) {
        exec(db, "create table bronze.events (id int, v int, _batch_id bigint, _loaded_at timestamptz default now())",
                "insert into bronze.events select i, i, 1 from generate_series(1, 5) i");
        Model m = Model.incremental("ev", Layer.GOLD).uniqueKey("id").sql("select id, v from bronze.events");
        Warehouse.on(db, Project.of(m)).build().orThrow();
        Model wider = m.sql("select id, v, v * 10 as w from bronze.events");
        BuildResult failed = Warehouse.on(db, Project.of(wider)).build();
        assertThat(failed.status()).isEqualTo(Status.ERROR);
        assertThat(failed.model("ev").message()).contains("new column(s) [w]").contains("full refresh")
                .contains("OnSchemaChange.APPEND_NEW_COLUMNS");
        assertThat(count(db, "select count(*) from information_schema.columns where table_name = 'ev'")).isEqualTo(2);
        exec(db, "insert into bronze.events values (6, 6, 2)");
        BuildResult appended = Warehouse.on(db, Project.of(wider.onSchemaChange(OnSchemaChange.APPEND_NEW_COLUMNS))).build().orThrow();
        assertThat(appended.model("ev").inserted()).isEqualTo(1);
        assertThat(appended.model("ev").updated()).isEqualTo(5); // w filled in for the old rows
        assertThat(count(db, "select sum(w) from gold.ev")).isEqualTo(210);
        BuildResult retyped = Warehouse.on(db, Project.of(m.sql("select id, v::text as v, v * 10 as w from bronze.events")
                .onSchemaChange(OnSchemaChange.APPEND_NEW_COLUMNS))).build();
        assertThat(retyped.model("ev").message()).contains("v changed type from integer to text");
        BuildResult narrowed = Warehouse.on(db, Project.of(m)).build();
        assertThat(narrowed.model("ev").message()).contains("w is no longer returned");
    }

    @Test
    void snapshotKeepsHistoryWithCheckStrategy(Database db) {
        exec(db, "create table bronze.cust (id text, city text, income int, _batch_id bigint, _loaded_at timestamptz)",
                "insert into bronze.cust values ('A', 'Boston', 10, 1, '2024-01-01'), ('B', 'Austin', 20, 1, '2024-01-01'),"
                        + " ('C', 'Denver', 30, 1, '2024-01-01')");
        Model snap = Model.snapshot("cust_history", Layer.GOLD).uniqueKey("id").surrogateKey("cust_key")
                .sql("select id, city, income, _loaded_at from bronze.cust")
                .strategy(SnapshotStrategy.check("city", "income").asOf("max(_loaded_at)"))
                .check(Check.scd2OneCurrent("id")).check(Check.scd2NoOverlap("id")).check(Check.unique("cust_key"));
        Warehouse wh = Warehouse.on(db, Project.of(snap));
        BuildResult first = wh.build().orThrow();
        assertThat(first.model("cust_history").message()).isEqualTo("first snapshot");
        String keyA = value(db, "select cust_key from gold.cust_history where id = 'A'");
        // B moves, C is deleted, D arrives; a new load on 2024-02-01
        exec(db, "update bronze.cust set city = 'Seattle' where id = 'B'", "delete from bronze.cust where id = 'C'",
                "insert into bronze.cust values ('D', 'Miami', 40, 2, '2024-02-01')", "update bronze.cust set _loaded_at = '2024-02-01'");
        ModelResult second = wh.build().orThrow().model("cust_history");
        assertThat(second.inserted()).isEqualTo(2); // B's new version, D
        assertThat(second.updated()).isEqualTo(2);  // B's old version closed, C closed
        assertThat(second.message()).isEqualTo("1 new, 1 changed, 1 deleted");
        assertThat(rows(db, "select id, city, valid_from::date, coalesce(valid_to::date::text, 'open'), is_current from gold.cust_history order by id, valid_from"))
                .containsExactly(
                        List.of("A", "Boston", "2024-01-01", "open", "t"),
                        List.of("B", "Austin", "2024-01-01", "2024-02-01", "f"),
                        List.of("B", "Seattle", "2024-02-01", "open", "t"),
                        List.of("C", "Denver", "2024-01-01", "2024-02-01", "f"),
                        List.of("D", "Miami", "2024-02-01", "open", "t"));
        assertThat(value(db, "select cust_key from gold.cust_history where id = 'A'")).isEqualTo(keyA);
        // the same data again: nothing changes
        ModelResult third = wh.build().orThrow().model("cust_history");
        assertThat(third.inserted()).isZero();
        assertThat(third.updated()).isZero();
        assertThat(third.rows()).isEqualTo(5);
        assertThat(wh.test().orThrow().checks()).allMatch(c -> c.status() == Status.PASS).hasSize(3);
        // C comes back: a new version, the closed one stays closed
        exec(db, "insert into bronze.cust values ('C', 'Denver', 30, 3, '2024-03-01')", "update bronze.cust set _loaded_at = '2024-03-01'");
        assertThat(wh.build().orThrow().model("cust_history").inserted()).isEqualTo(1);
        assertThat(count(db, "select count(*) from gold.cust_history where id = 'C'")).isEqualTo(2);
        exec(db, "update bronze.cust set city = 'Tampa' where id = 'D'");
        assertThat(wh.build().orThrow().model("cust_history").message()).isEqualTo("0 new, 1 changed, 0 deleted");
        // a second change at the same load time cannot start a version after the current one
        exec(db, "update bronze.cust set city = 'Orlando' where id = 'D'");
        BuildResult stale = wh.build();
        assertThat(stale.model("cust_history").message()).contains("did not advance");
        assertThat(value(db, "select city from gold.cust_history where id = 'D' and is_current")).isEqualTo("Tampa");
    }

    @Test
    void snapshotWithTimestampStrategy(Database db) {
        exec(db, "create table bronze.acct (id int, status text, updated_at timestamp)",
                "insert into bronze.acct values (1, 'open', '2024-01-01'), (2, 'open', '2024-01-05')");
        Model snap = Model.snapshot("acct_history", Layer.SILVER).uniqueKey("id")
                .sql("select id, status, updated_at from bronze.acct").strategy(SnapshotStrategy.timestamp("updated_at"));
        Warehouse wh = Warehouse.on(db, Project.of(snap));
        wh.build().orThrow();
        // 1 is closed on Jan 10; 2 is updated without a newer timestamp (ignored by this strategy); 3 is new
        exec(db, "update bronze.acct set status = 'closed', updated_at = '2024-01-10' where id = 1",
                "update bronze.acct set status = 'frozen' where id = 2", "insert into bronze.acct values (3, 'open', '2024-01-12')");
        ModelResult r = wh.build().orThrow().model("acct_history");
        assertThat(r.inserted()).isEqualTo(2);
        assertThat(r.updated()).isEqualTo(1);
        assertThat(rows(db, "select id, status, valid_from::date, coalesce(valid_to::date::text, 'open') from silver.acct_history order by id, valid_from"))
                .containsExactly(List.of("1", "open", "2024-01-01", "2024-01-10"), List.of("1", "closed", "2024-01-10", "open"),
                        List.of("2", "open", "2024-01-05", "open"), List.of("3", "open", "2024-01-12", "open"));
        // a deleted row is closed at the source's latest timestamp (the data's "now")
        exec(db, "delete from bronze.acct where id = 2");
        wh.build().orThrow();
        assertThat(value(db, "select valid_to::date from silver.acct_history where id = 2")).isEqualTo("2024-01-12");
        assertThat(value(db, "select scd_key from silver.acct_history where id = 1 and is_current"))
                .isEqualTo(value(db, "select ('x' || substr(md5(concat_ws('|', '1', extract(epoch from timestamp '2024-01-10')::text)), 1, 16))::bit(64)::bigint::text"));
    }

    @Test
    void stagingQuarantinesDeduplicatesAndReconciles(Database db) {
        exec(db, "create table bronze.people (id text, name text, age int, _batch_id bigint, _loaded_at timestamptz)",
                "insert into bronze.people select 'P' || i, 'person ' || i, 20 + i, 1, '2024-01-01' from generate_series(1, 10) i",
                "insert into bronze.people values (null, 'nobody', 30, 1, '2024-01-01'), ('  ', 'blank', 30, 1, '2024-01-01'),"
                        + " ('P11', 'old', -5, 1, '2024-01-01'),"
                        + " ('P3', 'person three v2', 23, 2, '2024-01-02'),"
                        + " ('P4', 'person four v2', 24, 2, '2024-01-02'), ('P4 ', 'person four v3', 24, 3, '2024-01-03')");
        Model stg = Model.staging("stg_people", Layer.SILVER).uniqueKey("id")
                .sql("select nullif(trim(id), '') as id, initcap(name) as name, age, to_jsonb(b) as _raw, _batch_id, _loaded_at from bronze.people b")
                .rule("id_present", "id is not null", "id is missing")
                .rule("age_range", "age between 0 and 120", "age outside 0..120")
                .check(Check.stagingReconciles("bronze.people")).check(Check.unique("id"));
        Warehouse wh = Warehouse.on(db, Project.of(stg));
        ModelResult r = wh.build().orThrow().model("stg_people");
        assertThat(r.staging()).isEqualTo(new StagingCounts(16, 10, 3, 3));
        assertThat(r.rows()).isEqualTo(10);
        assertThat(rows(db, "select rule, reason, count(*) from silver.quarantine where model = 'stg_people' group by 1, 2 order by 1, 2"))
                .containsExactly(List.of("age_range", "age outside 0..120", "1"),
                        List.of("duplicate", "duplicate of id = P3: a later row (by _loaded_at, _batch_id) was kept", "1"),
                        List.of("duplicate", "duplicate of id = P4: a later row (by _loaded_at, _batch_id) was kept", "2"),
                        List.of("id_present", "id is missing", "2"));
        assertThat(value(db, "select raw ->> 'name' from silver.quarantine where rule = 'age_range'")).isEqualTo("old");
        assertThat(value(db, "select name from silver.stg_people where id = 'P3'")).isEqualTo("Person Three V2");
        assertThat(value(db, "select _batch_id from silver.stg_people where id = 'P4'")).isEqualTo("3");
        assertThat(count(db, "select count(*) from information_schema.columns where table_schema = 'silver' and table_name = 'stg_people'"
                + " and column_name = '_raw'")).isZero();
        assertThat(count(db, "select sum(quarantined_rows + duplicate_rows + valid_rows - source_rows) from fap_meta.model_results")).isZero();
        assertThat(wh.test().orThrow().passed()).isEqualTo(2);
        // a rebuild replaces the model's quarantine rows rather than piling them up
        wh.build().orThrow();
        assertThat(count(db, "select count(*) from silver.quarantine")).isEqualTo(6);
        assertThat(wh.test().orThrow().passed()).isEqualTo(2);
    }

    @Test
    void incrementalStagingProcessesNewBatchesAndStillReconciles(Database db) {
        exec(db, "create table bronze.people (id text, name text, age int, _batch_id bigint, _loaded_at timestamptz)",
                "insert into bronze.people select 'P' || i, 'v1', 20 + i, 1, '2024-01-01' from generate_series(1, 10) i",
                "insert into bronze.people values ('P1', 'v1 dup', 21, 1, '2023-12-31'), (null, 'nobody', 30, 1, '2024-01-01')");
        Model stg = Model.staging("stg_people", Layer.SILVER).uniqueKey("id")
                .sql("select id, name, age, to_jsonb(b) as _raw, _batch_id, _loaded_at from bronze.people b"
                        + " where true {{incremental and b._batch_id > {max_batch_id}}}")
                .rule("id_present", "id is not null", "id is missing")
                .check(Check.stagingReconciles("bronze.people"));
        Warehouse wh = Warehouse.on(db, Project.of(stg));
        assertThat(wh.build().orThrow().model("stg_people").staging()).isEqualTo(new StagingCounts(12, 10, 1, 1));
        // batch 2: P2 corrected (later load wins), P11 new, P12 twice, one bad row
        exec(db, "insert into bronze.people values ('P2', 'v2', 22, 2, '2024-01-02'), ('P11', 'v2', 31, 2, '2024-01-02'),"
                + " ('P12', 'v2a', 32, 2, '2024-01-02'), ('P12', 'v2b', 32, 2, '2024-01-03'), (null, 'bad', 1, 2, '2024-01-02')");
        ModelResult r = wh.build().orThrow().model("stg_people");
        assertThat(r.message()).isEqualTo("incremental from batch 1");
        // 5 new rows = net +2 in silver (P11, P12; P2 replaced) + 1 quarantined + 2 duplicates (P12 v2a, old P2)
        assertThat(r.staging()).isEqualTo(new StagingCounts(5, 2, 1, 2));
        assertThat(r.rows()).isEqualTo(12);
        assertThat(value(db, "select name from silver.stg_people where id = 'P2'")).isEqualTo("v2");
        assertThat(value(db, "select name from silver.stg_people where id = 'P12'")).isEqualTo("v2b");
        assertThat(value(db, "select raw ->> 'name' from silver.quarantine where unique_key = 'P2'")).isEqualTo("v1");
        assertThat(wh.test().orThrow().passed()).isEqualTo(1);
        // a late-arriving older row of an existing key loses against silver
        exec(db, "insert into bronze.people values ('P3', 'stale', 23, 3, '2023-06-01')");
        ModelResult late = wh.build().orThrow().model("stg_people");
        assertThat(late.staging()).isEqualTo(new StagingCounts(1, 0, 0, 1));
        assertThat(value(db, "select name from silver.stg_people where id = 'P3'")).isEqualTo("v1");
        // nothing new: nothing happens
        assertThat(wh.build().orThrow().model("stg_people").staging()).isEqualTo(new StagingCounts(0, 0, 0, 0));
        // incremental equals a full refresh on the same data
        List<List<String>> incremental = rows(db, "select id, name from silver.stg_people order by id");
        long quarantinedIncremental = count(db, "select count(*) from silver.quarantine");
        ModelResult full = wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow().model("stg_people");
        assertThat(full.staging()).isEqualTo(new StagingCounts(18, 12, 2, 4));
        assertThat(rows(db, "select id, name from silver.stg_people order by id")).isEqualTo(incremental);
        assertThat(count(db, "select count(*) from silver.quarantine")).isEqualTo(quarantinedIncremental);
        assertThat(wh.test().orThrow().passed()).isEqualTo(1);
    }

    @Test
    void stagingRawMayBeASubqueryRowThatLeavesColumnsOut(Database db) {
        exec(db, "create table bronze.people (id text, name text, ssn text, _batch_id bigint, _loaded_at timestamptz)",
                "insert into bronze.people values ('P1', 'one', '123-45-6789', 1, '2024-01-01'), (null, 'nobody', '987-65-4321', 1, '2024-01-01')");
        // _raw is a row value (type record): a table cannot hold it, so the engine must not probe the columns with one
        Model stg = Model.staging("stg_people", Layer.SILVER).uniqueKey("id")
                .sql("select id, name, (select r from (select b.id, b.name) r) as _raw, _batch_id, _loaded_at from bronze.people b"
                        + " where true {{incremental and b._batch_id > {max_batch_id}}}")
                .rule("id_present", "id is not null", "id is missing");
        Warehouse wh = Warehouse.on(db, Project.of(stg));
        assertThat(wh.build().orThrow().model("stg_people").staging()).isEqualTo(new StagingCounts(2, 1, 1, 0));
        assertThat(value(db, "select raw::text from silver.quarantine where model = 'stg_people'")).isEqualTo("{\"id\": null, \"name\": \"nobody\"}");
        assertThat(rows(db, "select column_name from information_schema.columns where table_schema = 'silver' and table_name = 'stg_people'"
                + " order by ordinal_position")).containsExactly(List.of("id"), List.of("name"), List.of("_batch_id"), List.of("_loaded_at"));
        // incremental: the new batch's record column converts the same way, and the schema check ignores _raw
        exec(db, "insert into bronze.people values ('P2', 'two', '111-22-3333', 2, '2024-01-02'), (null, 'none', '000-00-0000', 2, '2024-01-02')");
        ModelResult r = wh.build().orThrow().model("stg_people");
        assertThat(r.message()).isEqualTo("incremental from batch 1");
        assertThat(r.staging()).isEqualTo(new StagingCounts(2, 1, 1, 0));
        assertThat(rows(db, "select raw::text from silver.quarantine where model = 'stg_people' order by batch_id"))
                .containsExactly(List.of("{\"id\": null, \"name\": \"nobody\"}"), List.of("{\"id\": null, \"name\": \"none\"}"));
        assertThat(count(db, "select count(*) from silver.quarantine where raw::text like '%-%'")).isZero();
    }

    @Test
    void stagingRuleOnlyColumnsAreReadByTheRulesAndNotKept(Database db) {
        exec(db, "create table bronze.teams (id text, _batch_id bigint, _loaded_at timestamptz)",
                "insert into bronze.teams values ('A', 1, '2024-01-01'), ('B', 1, '2024-01-01')",
                "create table bronze.people (id text, team text, _batch_id bigint, _loaded_at timestamptz)",
                "insert into bronze.people values ('P1', 'A', 1, '2024-01-01'), ('P2', 'B', 1, '2024-01-01'), ('P3', 'C', 1, '2024-01-01'),"
                        + " ('P4', null, 1, '2024-01-01')");
        Model teams = Model.table("teams", Layer.SILVER).sql("select id from bronze.teams").uniqueKey("id");
        Model stg = Model.staging("stg_people", Layer.SILVER).uniqueKey("id")
                .sql("select p.id, p.team, t.id is not null as _rule_team_known, p as _raw, p._batch_id, p._loaded_at"
                        + " from bronze.people p left join silver.teams t on t.id = p.team where true {{incremental and p._batch_id > {max_batch_id}}}")
                .rule("orphan_team", "team is null or _rule_team_known", "team is not in silver.teams");
        Warehouse wh = Warehouse.on(db, Project.of(teams, stg));
        assertThat(wh.build().orThrow().model("stg_people").staging()).isEqualTo(new StagingCounts(4, 3, 1, 0));
        assertThat(rows(db, "select rule, unique_key, raw ->> 'team' from silver.quarantine")).containsExactly(List.of("orphan_team", "P3", "C"));
        assertThat(rows(db, "select column_name from information_schema.columns where table_schema = 'silver' and table_name = 'stg_people'"
                + " order by ordinal_position")).containsExactly(List.of("id"), List.of("team"), List.of("_batch_id"), List.of("_loaded_at"));
        // incremental: the new batch (and P3 again) is judged by the same column, and the schema comparison leaves it out
        exec(db, "insert into bronze.people values ('P5', 'A', 2, '2024-01-02'), ('P6', 'D', 2, '2024-01-02')");
        ModelResult r = wh.build(Selection.parse("stg_people")).orThrow().model("stg_people");
        assertThat(r.message()).isEqualTo("incremental from batch 1, 1 quarantined row(s) examined again");
        assertThat(r.staging()).isEqualTo(new StagingCounts(3, 1, 2, 0));
        assertThat(rows(db, "select id from silver.stg_people order by id")).containsExactly(List.of("P1"), List.of("P2"), List.of("P4"), List.of("P5"));
        assertThat(rows(db, "select unique_key from silver.quarantine order by 1")).containsExactly(List.of("P3"), List.of("P6"));
        // a unique key cannot be a rule-only column: the table would not keep it
        Model keyed = Model.staging("stg_keyed", Layer.SILVER).uniqueKey("_rule_id")
                .sql("select p.id as _rule_id, p as _raw, p._batch_id, p._loaded_at from bronze.people p");
        assertThat(Warehouse.on(db, Project.of(keyed)).build().model("stg_keyed").message()).contains("is a rule-only column");
    }
}
