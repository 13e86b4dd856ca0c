package dev.fap.model;

import static dev.fap.model.Fixtures.count;
import static dev.fap.model.Fixtures.exec;
import static dev.fap.model.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How the engine runs checks: row-wise checks of a model counted in one scan yet attributed to the
 * right check, a view evaluated once per run, unique checks served by a unique index only when the
 * index makes them hold, large tables split into parallel units, and one broken check not spoiling
 * the others.
 */
@ExtendWith(FapDatabaseExtension.class)
class CheckRunnerTest {
    static TestResult result;

    @BeforeAll
    static void buildAndTest(Database db) {
        Fixtures.reset(db);
        exec(db, "create table bronze.items (id int, a text, b numeric, c text)",
                // a null: ids 2, 4, 6; b outside [0, 100]: ids 3 and 7; c not in (x, y): 'zzz' twice (one group); b = 42: id 5
                "insert into bronze.items values (1, 'p', 10, 'x'), (2, null, 20, 'y'), (3, 'p', -5, 'x'), (4, null, 30, 'zzz'),"
                        + " (5, 'q', 42, 'x'), (6, null, 50, 'zzz'), (7, 'q', 150, 'y'), (8, 'q', 60, null)",
                "create table bronze.pairs (id int, a text)",
                "insert into bronze.pairs values (1, 'p'), (2, 'p'), (2, 'q'), (3, 'p')",
                "create sequence bronze.view_evaluations",
                "create table bronze.big (id int, parent int)",
                // 120,000 rows (a large table: units of their own), id 77 twice, parent 0 missing from bronze.parents
                "insert into bronze.big select g, g % 1000 from generate_series(1, 120000) g",
                "update bronze.big set id = 77 where id = 78",
                "create table bronze.parents (id int)",
                "insert into bronze.parents select g from generate_series(1, 999) g");
        Model items = Model.table("items", Layer.SILVER).sql("select * from bronze.items")
                .check(Check.notNull("a"))                                                     // 3
                .check(Check.range("b", 0, 100))                                               // 2
                .check(Check.acceptedValues("c", "x", "y"))                                    // 1 group
                .check(Check.expression("not_42", "b <> 42"))                                  // 1
                .check(Check.range("b", 0, null).where("a is not null").name("b_positive_when_a")) // id 3
                .check(Check.notNull("id"))                                                    // 0
                .check(Check.expression("typo", "no_such_column > 0"))                         // error
                .check(Check.unique("id"))                                                     // 0
                .check(Check.rowCount("select 8"));                                            // 0
        Model keyed = Model.table("keyed", Layer.SILVER).sql("select distinct on (id) * from bronze.pairs order by id, a").uniqueKey("id")
                .check(Check.unique("id"))
                .check(Check.unique("id", "a").name("unique_id_a_by_id_index"));
        Model pairs = Model.table("pairs", Layer.SILVER).sql("select * from bronze.pairs").uniqueKey("id", "a").index("id")
                .check(Check.unique("id"))                 // (id, a) is unique, id is not: scans, finds id 2
                .check(Check.unique("id", "a"));           // enforced by the unique index
        Model view = Model.view("evaluated", Layer.GOLD)
                .sql("select x as id, case when x = 3 then null else x end as v, x * 10 as w, x % 2 as parity, x * 100 as hundred"
                        + " from generate_series(1, 5 + (select nextval('bronze.view_evaluations') * 0)::int) x")
                .check(Check.unique("id"))
                .check(Check.notNull("v"))                                          // x = 3
                .check(Check.range("w", 0, 40))                                     // x = 5
                .check(Check.expression("rows_of_view", "(select count(*) from gold.evaluated) = 5"))
                .check(Check.acceptedValues("parity", "0", "1"));
        Model big = Model.table("big", Layer.GOLD).sql("select * from bronze.big")
                .check(Check.unique("id"))                                          // 77
                .check(Check.relationships("parent", "bronze.parents", "id"))       // 120 rows with parent 0
                .check(Check.notNull("id", "parent"))
                .check(Check.range("parent", 1, null));                             // the same 120 rows
        Warehouse wh = Warehouse.on(db, Project.of(items, keyed, pairs, view, big));
        wh.build().orThrow();
        exec(db, "select setval('bronze.view_evaluations', 1, false)");
        result = wh.test(Selection.all(), BuildOptions.defaults().withFailingRowsKept(100));
    }

    static Map<String, String> outcomes(String model) {
        return result.checks().stream().filter(c -> c.model().equals(model))
                .collect(Collectors.toMap(CheckResult::id, c -> c.status().name() + ":" + c.failures()));
    }

    static List<List<String>> kept(Database db, String checkId, String field) {
        return rows(db, "select row ->> '" + field + "' from fap_meta.check_failures where run_id = " + result.runId()
                + " and check_id = '" + checkId + "' order by (row ->> '" + field + "')");
    }

    @Test
    void combinedScanAttributesFailuresToEachCheck(Database db) {
        assertThat(outcomes("items")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "items.not_null_a", "FAIL:3",
                "items.range_b", "FAIL:2",
                "items.accepted_values_c", "FAIL:1",
                "items.not_42", "FAIL:1",
                "items.b_positive_when_a", "FAIL:1",
                "items.not_null_id", "PASS:0",
                "items.typo", "ERROR:-1",
                "items.unique_id", "PASS:0",
                "items.row_count", "PASS:0"));
        assertThat(kept(db, "items.not_null_a", "id")).containsExactly(List.of("2"), List.of("4"), List.of("6"));
        assertThat(kept(db, "items.range_b", "id")).containsExactly(List.of("3"), List.of("7"));
        assertThat(rows(db, "select row ->> 'c', row ->> 'n_records' from fap_meta.check_failures where run_id = " + result.runId()
                + " and check_id = 'items.accepted_values_c'")).containsExactly(List.of("zzz", "2"));
        assertThat(kept(db, "items.not_42", "id")).containsExactly(List.of("5"));
        assertThat(kept(db, "items.b_positive_when_a", "id")).containsExactly(List.of("3"));
        assertThat(count(db, "select count(*) from fap_meta.check_failures where run_id = " + result.runId()
                + " and check_id in ('items.not_null_id', 'items.unique_id', 'items.row_count', 'items.typo')")).isZero();
        // kept rows are whole rows of the model
        assertThat(rows(db, "select row ->> 'b', row ->> 'c' from fap_meta.check_failures where run_id = " + result.runId()
                + " and check_id = 'items.not_null_a' and row ->> 'id' = '4'")).containsExactly(List.of("30", "zzz"));
    }

    @Test
    void aBrokenCheckIsAnErrorOfItsOwn(Database db) {
        CheckResult typo = result.find("items.typo").orElseThrow();
        assertThat(typo.message()).contains("no_such_column");
        assertThat(typo.sql()).isEqualTo("select * from silver.items r where not coalesce((no_such_column > 0), false)");
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(rows(db, "select status, failures from fap_meta.check_results where run_id = " + result.runId()
                + " and check_id in ('items.typo', 'items.not_null_a') order by check_id"))
                .containsExactly(List.of("fail", "3"), List.of("error", "-1"));
    }

    @Test
    void aViewIsEvaluatedOncePlusOnceForWholeFailingRows(Database db) {
        assertThat(outcomes("evaluated")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "evaluated.unique_id", "PASS:0",
                "evaluated.not_null_v", "FAIL:1",
                "evaluated.range_w", "FAIL:1",
                "evaluated.rows_of_view", "PASS:0",
                "evaluated.accepted_values_parity", "PASS:0"));
        // five checks, two of them failing: one copy of the columns the checks read (not hundred), one copy
        // of whole rows for the failing rows kept, and the expression's own subquery reads the view as written
        assertThat(count(db, "select last_value from bronze.view_evaluations")).isEqualTo(3);
        assertThat(rows(db, "select row ->> 'id', row ->> 'w', row ->> 'hundred' from fap_meta.check_failures where run_id = "
                + result.runId() + " and check_id = 'evaluated.not_null_v'")).containsExactly(List.of("3", "30", "300"));
        assertThat(kept(db, "evaluated.range_w", "id")).containsExactly(List.of("5"));
        // the scratch tables are gone
        assertThat(count(db, "select count(*) from pg_class where relname like 'fap_check_%'")).isZero();
    }

    @Test
    void aPassingViewIsEvaluatedOnce(Database db) {
        exec(db, "create sequence bronze.passing_evaluations");
        Warehouse wh = Warehouse.on(db, Project.of(Model.view("passing", Layer.GOLD)
                .sql("select x as id from generate_series(1, 5 + (select nextval('bronze.passing_evaluations') * 0)::int) x")
                .check(Check.unique("id"))
                .check(Check.notNull("id"))
                .check(Check.range("id", 1, 5))
                .check(Check.rowCount("select 5"))));
        wh.build().orThrow();
        exec(db, "select setval('bronze.passing_evaluations', 1, false)");
        TestResult t = wh.test();
        assertThat(t.status()).isEqualTo(Status.PASS);
        assertThat(t.checks()).hasSize(4);
        assertThat(count(db, "select last_value from bronze.passing_evaluations")).isEqualTo(1);
    }

    @Test
    void uniqueChecksTrustOnlyAnIndexThatMakesThemHold(Database db) {
        assertThat(outcomes("keyed")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "keyed.unique_id", "PASS:0", "keyed.unique_id_a_by_id_index", "PASS:0"));
        assertThat(result.find("keyed.unique_id").orElseThrow().message()).contains("without a scan", "keyed_key", "(id)");
        assertThat(result.find("keyed.unique_id_a_by_id_index").orElseThrow().message()).contains("keyed_key");
        // the unique index on (id, a) says nothing about id alone: scanned, duplicate found
        assertThat(outcomes("pairs")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "pairs.unique_id", "FAIL:1", "pairs.unique_id_a", "PASS:0"));
        assertThat(result.find("pairs.unique_id").orElseThrow().message()).doesNotContain("without a scan");
        assertThat(result.find("pairs.unique_id_a").orElseThrow().message()).contains("pairs_key");
        assertThat(rows(db, "select row ->> 'id', row ->> 'n_records' from fap_meta.check_failures where run_id = " + result.runId()
                + " and check_id = 'pairs.unique_id'")).containsExactly(List.of("2", "2"));
        // without any unique index duplicates are found as before
        assertThat(result.find("big.unique_id").orElseThrow().failures()).isEqualTo(1);
    }

    @Test
    void largeTablesAreCheckedInParallelUnitsWithTheSameResults(Database db) {
        assertThat(outcomes("big")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "big.unique_id", "FAIL:1",
                "big.relationships_parent", "FAIL:120",
                "big.not_null_id_parent", "PASS:0",
                "big.range_parent", "FAIL:120"));
        assertThat(rows(db, "select row ->> 'id', row ->> 'n_records' from fap_meta.check_failures where run_id = " + result.runId()
                + " and check_id = 'big.unique_id'")).containsExactly(List.of("77", "2"));
        assertThat(count(db, "select count(*) from fap_meta.check_failures where run_id = " + result.runId()
                + " and check_id = 'big.relationships_parent' and row ->> 'parent' = '0'")).isEqualTo(100);
    }

    @Test
    void everyCheckIsRecordedOnceInDeclarationOrder(Database db) {
        assertThat(result.checks()).extracting(CheckResult::id).startsWith("items.not_null_a", "items.range_b", "items.accepted_values_c")
                .endsWith("big.not_null_id_parent", "big.range_parent").doesNotHaveDuplicates().hasSize(22);
        assertThat(count(db, "select count(*) from fap_meta.check_results where run_id = " + result.runId())).isEqualTo(22);
        assertThat(result.checks()).allSatisfy(c -> assertThat(c.millis()).isNotNegative());
    }
}
