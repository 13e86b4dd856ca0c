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
 * {@code relationships} and {@code scd2_valid_version} checks on the same foreign key are counted over one
 * left join to the dimension, yet each reports its own failures, as its failing-rows query alone would: a
 * key missing from the dimension fails both, a key whose version is not valid at the row's time fails only
 * the SCD2 check. Tried on a small table (the join in the model's one statement), on a large one (a unit
 * of its own, as the daily snapshot) and on a dimension without a unique key (where the join may multiply
 * rows, so it gets a pass of its own).
 */
@ExtendWith(FapDatabaseExtension.class)
class LookupChecksTest {
    static TestResult result;

    @BeforeAll
    static void buildAndTest(Database db) {
        Fixtures.reset(db);
        exec(db,
                // an SCD2 dimension: customer 1 has two versions (keys 10, 11), customer 2 one (key 20)
                "create table bronze.dim (customer_key bigint, customer_id int, valid_from date, valid_to date, is_current boolean)",
                "insert into bronze.dim values (10, 1, '2024-01-01', '2024-02-01', false), (11, 1, '2024-02-01', null, true),"
                        + " (20, 2, '2024-01-01', '9999-12-31', true)",
                // the same rows twice under key 30: a dimension without a unique key
                "create table bronze.loose (customer_key bigint, valid_from date, valid_to date)",
                "insert into bronze.loose values (30, '2024-01-01', null), (30, '2024-01-01', null)",
                "create table bronze.fact (id int, customer_key bigint, day date, amount numeric)",
                "insert into bronze.fact values"
                        + " (1, 10, '2024-01-15', 5),"    // valid
                        + " (2, 11, '2024-03-01', 5),"    // valid (open version)
                        + " (3, 10, '2024-03-01', 5),"    // wrong version: key 10 ended on 2024-02-01
                        + " (4, 99, '2024-01-15', 5),"    // no such key: fails both checks
                        + " (5, null, '2024-01-15', 5),"  // no key: not_null only
                        + " (6, 20, '2023-12-31', -1),"   // before the version's start: wrong version; negative amount
                        + " (7, 11, '2024-02-01', 5)",    // valid from its first day
                // a large copy (> 100,000 rows): the same 7 rows once, then 120,000 valid ones
                "create table bronze.big_fact as select * from bronze.fact union all"
                        + " select 100 + g, 20, date '2024-01-01' + (g % 300), 1 from generate_series(1, 120000) g",
                "create table bronze.loose_fact (id int, customer_key bigint, day date)",
                // 30 matches twice, 31 not at all
                "insert into bronze.loose_fact values (1, 30, '2024-05-01'), (2, 31, '2024-05-01'), (3, 30, '2023-05-01')");
        Model dim = Model.table("dim", Layer.GOLD).sql("select * from bronze.dim").uniqueKey("customer_key");
        Model fact = lookups(Model.table("fact", Layer.GOLD).sql("select * from bronze.fact"));
        Model bigFact = lookups(Model.table("big_fact", Layer.GOLD).sql("select * from bronze.big_fact"));
        Model looseFact = Model.table("loose_fact", Layer.GOLD).sql("select * from bronze.loose_fact")
                .check(Check.relationships("customer_key", "bronze.loose", "customer_key"))
                .check(Check.validVersion("customer_key", "bronze.loose", "customer_key", "day"))
                .check(Check.notNull("id"));
        // no filtered check: on a large table with few keys the rows are grouped by customer_key before the join
        Model grouped = Model.table("grouped_fact", Layer.GOLD).sql("select * from bronze.big_fact").dependsOn("dim")
                .check(Check.notNull("customer_key"))
                .check(Check.relationships("customer_key", "gold.dim", "customer_key"))
                .check(Check.validVersion("customer_key", "gold.dim", "customer_key", "day"))
                .check(Check.range("amount", 0, null));
        Model clean = Model.table("clean_fact", Layer.GOLD).sql("select * from bronze.big_fact where id > 100").dependsOn("dim")
                .check(Check.relationships("customer_key", "gold.dim", "customer_key"))
                .check(Check.validVersion("customer_key", "gold.dim", "customer_key", "day"));
        Warehouse wh = Warehouse.on(db, Project.of(dim, fact, bigFact, looseFact, grouped, clean));
        wh.build().orThrow();
        result = wh.test(Selection.all(), BuildOptions.defaults().withFailingRowsKept(100));
    }

    static Model lookups(Model m) {
        return m.dependsOn("dim")
                .check(Check.notNull("customer_key"))
                .check(Check.relationships("customer_key", "gold.dim", "customer_key"))
                .check(Check.validVersion("customer_key", "gold.dim", "customer_key", "day"))
                .check(Check.range("amount", 0, null))
                // the same lookup under a filter: only rows with id <= 4 count (ids 3 and 4 fail)
                .check(Check.validVersion("customer_key", "gold.dim", "customer_key", "day").where("id <= 4").name("valid_early"));
    }

    static Map<String, String> outcomes(String model) {
        return result.checks().stream().filter(c -> c.model().equals(model))
                .collect(Collectors.toMap(CheckResult::id, c -> c.status().name() + ":" + c.failures()));
    }

    static List<List<String>> keptIds(Database db, String checkId) {
        return rows(db, "select row ->> 'id' from fap_meta.check_failures where run_id = " + result.runId() + " and check_id = '"
                + checkId + "' order by (row ->> 'id')::int");
    }

    @Test
    void eachLookupCheckReportsItsOwnFailuresOnASmallTable(Database db) {
        assertThat(outcomes("fact")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fact.not_null_customer_key", "FAIL:1",
                "fact.relationships_customer_key", "FAIL:1",
                "fact.scd2_valid_version_customer_key", "FAIL:3",
                "fact.range_amount", "FAIL:1",
                "fact.valid_early", "FAIL:2"));
        assertThat(keptIds(db, "fact.relationships_customer_key")).containsExactly(List.of("4"));
        assertThat(keptIds(db, "fact.scd2_valid_version_customer_key")).containsExactly(List.of("3"), List.of("4"), List.of("6"));
        assertThat(keptIds(db, "fact.valid_early")).containsExactly(List.of("3"), List.of("4"));
        // kept rows are the model's whole rows, as the check's own query returns them
        assertThat(rows(db, "select row ->> 'day', row ->> 'amount' from fap_meta.check_failures where run_id = " + result.runId()
                + " and check_id = 'fact.scd2_valid_version_customer_key' and row ->> 'id' = '6'"))
                .containsExactly(List.of("2023-12-31", "-1"));
    }

    @Test
    void aLargeTableGivesTheSameCounts(Database db) {
        assertThat(outcomes("big_fact")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "big_fact.not_null_customer_key", "FAIL:1",
                "big_fact.relationships_customer_key", "FAIL:1",
                "big_fact.scd2_valid_version_customer_key", "FAIL:3",
                "big_fact.range_amount", "FAIL:1",
                "big_fact.valid_early", "FAIL:2"));
        assertThat(keptIds(db, "big_fact.scd2_valid_version_customer_key")).containsExactly(List.of("3"), List.of("4"), List.of("6"));
    }

    @Test
    void groupingALargeTableByItsKeyGivesTheSameCounts(Database db) {
        // key 10 has a valid and a wrong-version row, key 20 one row before its version among 120,000 valid
        // ones, key 99 is missing: the grouped count only bounds the SCD2 failures, the check's own query counts them
        assertThat(outcomes("grouped_fact")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grouped_fact.not_null_customer_key", "FAIL:1",
                "grouped_fact.relationships_customer_key", "FAIL:1",
                "grouped_fact.scd2_valid_version_customer_key", "FAIL:3",
                "grouped_fact.range_amount", "FAIL:1"));
        assertThat(keptIds(db, "grouped_fact.scd2_valid_version_customer_key")).containsExactly(List.of("3"), List.of("4"), List.of("6"));
        assertThat(keptIds(db, "grouped_fact.relationships_customer_key")).containsExactly(List.of("4"));
        assertThat(outcomes("clean_fact")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "clean_fact.relationships_customer_key", "PASS:0",
                "clean_fact.scd2_valid_version_customer_key", "PASS:0"));
    }

    @Test
    void theCountsAreThoseOfEachChecksOwnQuery(Database db) {
        for (CheckResult c : result.checks()) {
            assertThat(c.failures()).as(c.id()).isEqualTo(count(db, "select count(*) from (" + c.sql() + ") f"));
        }
    }

    @Test
    void aDimensionWithoutAUniqueKeyIsJoinedApart(Database db) {
        // 31 is missing (both checks); key 30 matches two rows: the SCD2 check's left join returns row 3 twice
        assertThat(outcomes("loose_fact")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "loose_fact.relationships_customer_key", "FAIL:1",
                "loose_fact.scd2_valid_version_customer_key", "FAIL:3",
                "loose_fact.not_null_id", "PASS:0"));
        assertThat(keptIds(db, "loose_fact.scd2_valid_version_customer_key")).containsExactly(List.of("2"), List.of("3"), List.of("3"));
    }
}
