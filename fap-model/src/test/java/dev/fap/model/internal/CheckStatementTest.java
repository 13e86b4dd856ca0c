package dev.fap.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.model.Check;
import dev.fap.model.Layer;
import dev.fap.model.Model;
import dev.fap.model.Project;
import dev.fap.model.Warehouse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The statements the planned units run are valid SQL with the expected counts: a unit whose statement
 * failed would still give right results (each check is then counted alone), so only running them
 * directly shows that the combined forms work, the grouped pass over a large table included.
 */
@ExtendWith(FapDatabaseExtension.class)
class CheckStatementTest {

    @Test
    void combinedAndGroupedStatementsCountEachCheck(Database db) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            for (String sql : List.of("create schema if not exists bronze", "create schema if not exists gold",
                    "create schema if not exists silver", "create schema if not exists fap_meta",
                    "create table bronze.dim (customer_key bigint, valid_from date, valid_to date)",
                    "insert into bronze.dim values (10, '2024-01-01', '2024-02-01'), (11, '2024-02-01', null), (20, '2024-01-01', null)",
                    // 200,000 rows over keys 10, 11, 20 and one missing key (99); key 10 also after its version ended
                    "create table bronze.fact as select g as id, (array[10, 11, 20, 99])[1 + g % 4]::bigint as customer_key,"
                            + " case when g % 4 = 1 then date '2024-01-01' + g % 40 else date '2024-02-01' + g % 300 end as day,"
                            + " case when g % 1000 = 0 then null else g end as amount from generate_series(1, 200000) g")) {
                s.execute(sql);
            }
        }
        Model dim = Model.table("dim", Layer.GOLD).sql("select * from bronze.dim").uniqueKey("customer_key");
        Model fact = Model.table("fact", Layer.GOLD).sql("select * from bronze.fact").dependsOn("dim")
                .check(Check.notNull("amount"))
                .check(Check.relationships("customer_key", "gold.dim", "customer_key"))
                .check(Check.validVersion("customer_key", "gold.dim", "customer_key", "day"))
                .check(Check.acceptedValues("customer_key", "10", "11", "20"))
                // compared aggregates, taken from the same pass: count(*), max(day), with and without a filter
                .check(Check.rowCount("select 200000"))
                .check(Check.rowCount("select 5").name("wrong_count"))
                .check(Check.freshness("day", Duration.ofDays(1), "select date '2024-12-01'"))        // latest day 2024-11-26
                .check(Check.freshness("day", Duration.ofDays(30), "select date '2024-12-01'").name("fresh_within_month"))
                .check(Check.rowCount("select 50000").where("customer_key = 99").name("missing_key_rows"))
                // key 10's latest day is 2024-11-23, all rows' 2024-11-26: fails only with the filter
                .check(Check.freshness("day", Duration.ofDays(1), "select date '2024-11-25'").where("customer_key = 10")
                        .name("key_10_fresh"))
                .check(Check.stagingReconciles("bronze.fact"));
        Warehouse.on(db, Project.of(dim, fact)).build().orThrow();
        List<Model> owners = fact.checks().stream().map(x -> fact).toList();
        List<Check> checks = new ArrayList<>(fact.checks());
        // what each check's own query counts
        long[] expected = new long[checks.size()];
        try (Connection c = db.connection()) {
            for (int i = 0; i < checks.size(); i++) {
                expected[i] = Long.parseLong(Jdbc.rows(c, "select count(*) from (" + checks.get(i).failingRowsSql(fact) + ") f").get(0)[0]);
            }
            // key 99 missing (50,000 rows); key 10 after its version ended (50,000); key 11 before it began (40,000)
            assertThat(expected).containsExactly(200, 50_000, 140_000, 1, 0, 1, 1, 0, 0, 1, 0);
            Map<String, CheckPlan.Relation> catalog = CheckPlan.catalog(c, List.of("gold.fact", "gold.dim"));
            assertThat(catalog.get("gold.fact").distinct("customer_key")).contains(4L);
            for (boolean grouped : new boolean[] {true, false}) {
                Map<String, CheckPlan.Relation> cat = grouped ? catalog : Map.of("gold.dim", catalog.get("gold.dim"), "gold.fact",
                        new CheckPlan.Relation("gold.fact", true, false, 200_000, catalog.get("gold.fact").columns(), List.of()));
                CheckPlan.Unit u = CheckPlan.plan(owners, checks, cat, Map.of()).units().get(0);
                assertThat(u.passes()).singleElement().satisfies(p -> assertThat(p.grouped()).isEqualTo(grouped));
                long[] counts = CheckRunner.counts(c, u, checks, "gold.fact");
                assertThat(counts).as("the unit's statement runs").isNotNull();
                // in the order of the unit: not_null, accepted_values (scanned), then the lookups, then the aggregates
                assertThat(u.checks()).containsExactly(0, 3, 1, 2, 4, 5, 6, 7, 8, 9, 10);
                assertThat(u.counted()).isEmpty();
                for (int k = 4; k < checks.size(); k++) {
                    assertThat(counts[k]).as(checks.get(k).name() + (grouped ? " grouped" : "")).isEqualTo(expected[k]);
                }
                assertThat(counts[0]).isEqualTo(expected[0]);
                assertThat(counts[1]).isPositive();                            // accepted values: groups are counted later
                assertThat(counts[2]).isEqualTo(expected[1]);                  // relationships: exact either way
                if (grouped) {
                    // keys 99, 10 and 11 are suspect: all their rows bound the count
                    assertThat(counts[3]).isEqualTo(150_000).isGreaterThanOrEqualTo(expected[2]);
                } else {
                    assertThat(counts[3]).isEqualTo(expected[2]);
                }
            }
        }
    }
}
