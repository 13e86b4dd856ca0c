package dev.fap.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.model.Check;
import dev.fap.model.Layer;
import dev.fap.model.Model;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How {@link CheckPlan} groups checks into units and orders them, from catalog facts alone. */
class CheckPlanTest {
    static final Model SMALL = Model.table("small", Layer.SILVER).sql("select 1")
            .check(Check.unique("id"))
            .check(Check.notNull("id"))
            .check(Check.range("x", 0, 1))
            .check(Check.relationships("id", "silver.other", "id"))
            .check(Check.unique("id", "x").name("unique_pair"));
    static final Model BIG = Model.table("big", Layer.GOLD).sql("select 1")
            .check(Check.unique("account_id", "day"))
            .check(Check.notNull("account_id"))
            .check(Check.relationships("account_id", "silver.small", "id"))
            .check(Check.expression("positive", "x > 0"));
    static final Model VIEW = Model.view("v", Layer.GOLD).sql("select 1")
            .check(Check.unique("id"))
            .check(Check.range("x", 0, 1));
    static final Map<String, CheckPlan.Relation> CATALOG = Map.of(
            "silver.small", new CheckPlan.Relation("silver.small", true, false, 1_000, List.of("id", "x"),
                    List.of(new CheckPlan.UniqueIndex("silver.small_key", Set.of("id")))),
            "gold.big", new CheckPlan.Relation("gold.big", true, false, 1_400_000, List.of("account_id", "day", "x"), List.of()),
            "gold.v", new CheckPlan.Relation("gold.v", true, true, 0, List.of("id", "x", "wide"), List.of()));

    static CheckPlan.Plan plan(Map<String, Long> previous) {
        List<Model> owners = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (Model m : List.of(SMALL, BIG, VIEW)) {
            for (Check c : m.checks()) {
                owners.add(m);
                checks.add(c);
            }
        }
        return CheckPlan.plan(owners, checks, CATALOG, previous);
    }

    static String describe(CheckPlan.Unit u) {
        return u.model().name() + " " + u.passes().stream().map(p -> p.scanned() + "+" + p.joins().stream()
                .map(j -> j.lookup().relation() + j.checks()).toList()).toList() + " " + u.counted() + " " + u.bigAggregate();
    }

    @Test
    void unitsByRowsWithoutHistory() {
        CheckPlan.Plan p = plan(Map.of());
        // small: both unique checks enforced by the index on id; the rest in one statement
        assertThat(p.servedByIndex()).containsOnlyKeys(0, 4);
        assertThat(p.units()).extracting(CheckPlanTest::describe)
                .containsExactly(
                        "big [] [5] true",                                 // unique on 1.4M rows: 4 x 1.4M
                        "big [[6, 8]+[silver.small[7]]] [] false",         // one scan, joined to small on its unique key: 2 x 1.4M
                        "v [[10]+[]] [9] false",                           // a view: assumed 1M rows
                        "small [[1, 2]+[], []+[silver.other[3]]] [] false"); // other: no unique key known, a pass of its own
        CheckPlan.Unit view = p.units().get(2);
        assertThat(view.scratch()).isTrue();
        assertThat(view.scratchColumns()).containsExactly("id", "x");
        assertThat(view.partialCopy()).isTrue();
        assertThat(p.units().get(1).checks()).containsExactly(6, 8, 7);
    }

    @Test
    void lookupsOfOneKeyShareAJoinAndOnlyAUniqueKeyLetsItJoinTheScan() {
        Model fact = Model.table("fact", Layer.GOLD).sql("select 1")
                .check(Check.notNull("customer_key"))
                .check(Check.relationships("customer_key", "gold.dim", "customer_key"))
                .check(Check.validVersion("customer_key", "gold.dim", "customer_key", "day"))
                .check(Check.relationships("product_key", "gold.products", "product_key"))
                .check(Check.validVersion("customer_key", "gold.dim", "customer_key", "booked_on").name("booked_in_version"));
        List<Model> owners = List.of(fact, fact, fact, fact, fact);
        Map<String, CheckPlan.Relation> catalog = Map.of(
                "gold.fact", new CheckPlan.Relation("gold.fact", true, false, 1_400_000, List.of("customer_key", "day"), List.of()),
                "gold.dim", new CheckPlan.Relation("gold.dim", true, false, 2_000, List.of("customer_key"),
                        List.of(new CheckPlan.UniqueIndex("gold.dim_key", Set.of("customer_key")))),
                // a unique index on (product_key, valid_from) allows several rows per product_key
                "gold.products", new CheckPlan.Relation("gold.products", true, false, 20, List.of("product_key", "valid_from"),
                        List.of(new CheckPlan.UniqueIndex("gold.products_key", Set.of("product_key", "valid_from")))));
        CheckPlan.Plan p = CheckPlan.plan(owners, fact.checks(), catalog, Map.of());
        assertThat(p.units()).extracting(CheckPlanTest::describe).containsExactly(
                "fact [[]+[gold.products[3]]] [] false",     // a large table: its own unit (3 x 1.4M)
                "fact [[0]+[gold.dim[1, 2, 4]]] [] false");  // one join to dim for the three lookups, in the scan (2 x 1.4M)
        assertThat(p.units().get(0).passes().get(0).joins().get(0).validity()).isFalse();
        assertThat(p.units().get(1).passes().get(0).joins().get(0).validity()).isTrue();
        // no statistics on gold.fact: the scan joins every row
        assertThat(p.units().get(1).passes().get(0).grouped()).isFalse();
    }

    @Test
    void aLargeTableWithFewKeysIsGroupedByTheKeyBeforeTheJoin() {
        Model snapshot = Model.table("snapshot", Layer.GOLD).sql("select 1")
                .check(Check.notNull("customer_key"))
                .check(Check.relationships("customer_key", "gold.dim", "customer_key"))
                .check(Check.validVersion("customer_key", "gold.dim", "customer_key", "day"))
                .check(Check.acceptedValues("kind", "a", "b"));
        CheckPlan.Relation dim = new CheckPlan.Relation("gold.dim", true, false, 2_000, List.of("customer_key"),
                List.of(new CheckPlan.UniqueIndex("gold.dim_key", Set.of("customer_key"))));
        for (long keys : new long[] {2_300, 1_400_000 / 19}) {
            Map<String, CheckPlan.Relation> catalog = Map.of("gold.dim", dim, "gold.snapshot", new CheckPlan.Relation("gold.snapshot",
                    true, false, 1_400_000, List.of("customer_key", "day", "kind"), List.of(), Map.of("customer_key", keys, "day", 730L)));
            CheckPlan.Plan p = CheckPlan.plan(List.of(snapshot, snapshot, snapshot, snapshot), snapshot.checks(), catalog, Map.of());
            CheckPlan.Unit u = p.units().get(0);
            assertThat(u.passes()).hasSize(1);
            boolean grouped = keys == 2_300;   // 1.4M / 19 keys is more than one per 20 rows
            assertThat(u.passes().get(0).grouped()).isEqualTo(grouped);
            // accepted values count groups; a grouped SCD2 valid version only bounds its failures
            assertThat(u.inexact(snapshot.checks())).containsExactlyInAnyOrderElementsOf(grouped ? List.of(2, 3) : List.of(3));
        }
        // with a filtered lookup check the rows are not grouped
        Model filtered = Model.table("snapshot", Layer.GOLD).sql("select 1")
                .check(Check.relationships("customer_key", "gold.dim", "customer_key").where("day > '2024-01-01'"));
        Map<String, CheckPlan.Relation> catalog = Map.of("gold.dim", dim, "gold.snapshot", new CheckPlan.Relation("gold.snapshot",
                true, false, 1_400_000, List.of("customer_key", "day"), List.of(), Map.of("customer_key", 2_300L)));
        assertThat(CheckPlan.plan(List.of(filtered), filtered.checks(), catalog, Map.of()).units().get(0).passes().get(0).grouped()).isFalse();
    }

    @Test
    void unitsByEarlierTimesWhenEveryCheckHasOne() {
        Map<String, Long> ms = new java.util.HashMap<>();
        for (String id : List.of("small.unique_id", "small.not_null_id", "small.range_x", "small.relationships_id", "small.unique_pair",
                "big.not_null_account_id", "big.relationships_account_id", "big.positive")) {
            ms.put(id, 10L);
        }
        ms.put("big.unique_account_id_day", 1500L);
        ms.put("v.unique_id", 900L);
        ms.put("v.range_x", 900L);
        assertThat(plan(ms).units()).extracting(u -> u.model().name() + " " + u.cost())
                .containsExactly("v 1800", "big 1500", "small 30", "big 30");
        ms.remove("v.range_x");
        assertThat(plan(ms).units().get(0).model().name()).isEqualTo("big");
    }

    @Test
    void comparedAggregatesRideTheModelsScanOfALargeTable() {
        Model fact = Model.table("fact", Layer.GOLD).sql("select 1")
                .check(Check.notNull("id"))
                .check(Check.rowCount("select count(*) from silver.src"))
                .check(Check.freshness("ts", Duration.ofDays(1), "select as_of_ts from silver.data_clock"))
                .check(Check.stagingReconciles("bronze.src"))
                .check(Check.unique("id"));
        List<Model> owners = fact.checks().stream().map(c -> fact).toList();
        Map<String, CheckPlan.Relation> catalog = Map.of("gold.fact",
                new CheckPlan.Relation("gold.fact", true, false, 10_000_000, List.of("id", "ts"), List.of()));
        CheckPlan.Plan p = CheckPlan.plan(owners, fact.checks(), catalog, Map.of());
        // one scan counts the nulls, the rows and the latest ts; only the unique check needs a pass of its own
        assertThat(p.units()).hasSize(2);
        CheckPlan.Unit scan = p.units().stream().filter(u -> !u.passes().isEmpty()).findFirst().orElseThrow();
        assertThat(scan.passes()).singleElement().satisfies(pass -> {
            assertThat(pass.scanned()).containsExactly(0);
            assertThat(pass.aggregated()).containsExactly(1, 2, 3);
        });
        assertThat(scan.checks()).containsExactly(0, 1, 2, 3);
        assertThat(scan.inexact(fact.checks())).isEmpty();
        assertThat(p.units()).filteredOn(u -> u.passes().isEmpty()).singleElement().satisfies(u -> assertThat(u.counted()).containsExactly(4));
    }
}
