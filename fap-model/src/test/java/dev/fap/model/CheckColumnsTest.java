package dev.fap.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Check#columnsRead} and {@link Check#failingRowCondition}: what the engine may prune and combine. */
class CheckColumnsTest {
    static final List<String> COLUMNS = List.of("id", "amount", "status", "valid_from", "valid_to", "is_current", "ts", "r_code");

    @Test
    void columnsNamedByTheCheck() {
        assertThat(Check.unique("id").columnsRead(COLUMNS)).containsExactly("id");
        assertThat(Check.notNull("ID", "amount").columnsRead(COLUMNS)).containsExactly("id", "amount");
        assertThat(Check.expression("positive", "amount > 0 or status = 'void'").columnsRead(COLUMNS)).containsExactly("amount", "status");
        assertThat(Check.range("amount", 0, null).where("r_code <> 'x'").columnsRead(COLUMNS)).containsExactly("amount", "r_code");
        assertThat(Check.scd2NoOverlap("id").columnsRead(COLUMNS)).containsExactly("id", "valid_from", "valid_to", "is_current");
        assertThat(Check.validVersion("id", "gold.dim", "id", "ts").columnsRead(COLUMNS)).containsExactly("id", "ts");
        assertThat(Check.freshness("ts", Duration.ofDays(1), "select max(ts) from x").columnsRead(COLUMNS)).containsExactly("ts");
        assertThat(Check.rowCount("select count(*) from bronze.x").columnsRead(COLUMNS)).isEmpty();
        assertThat(Check.expression("counted", "(select count(*) from gold.v) > 0").columnsRead(COLUMNS)).isEmpty();
    }

    @Test
    void allColumnsWhenTheSqlMayReadWholeRows() {
        assertThat(Check.expression("json", "to_jsonb(r) ? 'id'").columnsRead(COLUMNS)).isEqualTo(java.util.Set.copyOf(COLUMNS));
        assertThat(Check.expression("star", "(select count(*) from (select r.*) x) = 1").columnsRead(COLUMNS)).hasSize(COLUMNS.size());
        assertThat(Check.expression("quoted", "\"Amount\" > 0").columnsRead(COLUMNS)).hasSize(COLUMNS.size());
        assertThat(Check.expression("qualified", "r.amount > 0").columnsRead(COLUMNS)).containsExactly("amount");
    }

    @Test
    void lookupsAndTheirConditionsOverTheSharedJoin() {
        Check rel = Check.relationships("customer_key", "gold.dim", "customer_key");
        Check version = Check.validVersion("customer_key", "gold.dim", "customer_key", "day");
        assertThat(rel.lookup()).isEqualTo(version.lookup()).contains(new Check.Lookup("customer_key", "gold.dim", "customer_key"));
        assertThat(version.lookup().orElseThrow().join("j0", true)).isEqualTo("left join (select customer_key as fap_lookup_key,"
                + " valid_from as fap_lookup_valid_from, valid_to as fap_lookup_valid_to from gold.dim) j0 on j0.fap_lookup_key = r.customer_key");
        assertThat(rel.failingLookupCondition("j0")).contains("r.customer_key is not null and j0.fap_lookup_key is null");
        assertThat(version.failingLookupCondition("j1")).contains("r.customer_key is not null and (j1.fap_lookup_key is null"
                + " or not (r.day >= j1.fap_lookup_valid_from and r.day < coalesce(j1.fap_lookup_valid_to, 'infinity')))");
        assertThat(rel.where("day > '2024-01-01'").failingLookupCondition("j0"))
                .contains("case when (day > '2024-01-01') then (r.customer_key is not null and j0.fap_lookup_key is null) else false end");
        assertThat(version.eventTimeColumn()).contains("day");
        assertThat(rel.eventTimeColumn()).isEmpty();
        assertThat(Check.notNull("a").lookup()).isEmpty();
        assertThat(Check.notNull("a").failingLookupCondition("j0")).isEmpty();
    }

    @Test
    void rowConditionsMatchTheFailingRowsQuery() {
        Model m = Model.table("t", Layer.GOLD).sql("select 1");
        assertThat(Check.notNull("a", "b").failingRowCondition()).contains("a is null or b is null");
        assertThat(Check.range("a", 0, 1).failingRowCondition()).contains("a < 0 or a > 1");
        assertThat(Check.range("a", 0, 1).where("b > 0").failingRowCondition())
                .contains("case when (b > 0) then (a < 0 or a > 1) else false end");
        assertThat(Check.expression("e", "a = b").failingRowCondition()).contains("not coalesce((a = b), false)");
        assertThat(Check.acceptedValues("a", "x", "it's").failingRowCondition()).contains("a is not null and a::text not in ('x', 'it''s')");
        assertThat(Check.unique("a").failingRowCondition()).isEmpty();
        assertThat(Check.relationships("a", "gold.p", "id").failingRowCondition()).isEmpty();
        // the failing-rows query is unchanged, and reads another relation when asked to
        assertThat(Check.range("a", 0, 1).failingRowsSql(m)).isEqualTo("select * from gold.t r where a < 0 or a > 1");
        assertThat(Check.range("a", 0, 1).where("b > 0").failingRowsSql(m, "pg_temp.copy"))
                .isEqualTo("select * from (select * from pg_temp.copy where b > 0) r where a < 0 or a > 1");
        assertThat(Check.expression("e", "(select count(*) from gold.t) > 0").failingRowsSql(m, "pg_temp.copy"))
                .isEqualTo("select * from pg_temp.copy r where not coalesce(((select count(*) from gold.t) > 0), false)");
    }
}
