package dev.fap.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.model.Layer;
import dev.fap.model.Model;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A full staging build's {@code create table ... as select} over {@link ModelBuilder#fenced} may run entirely in
 * parallel workers (cleaning, rules, the JSON of quarantined rows) with the leader only inserting, as long as the
 * model's rules are parallel safe; a correlated {@code exists} in a rule keeps the rules above the Gather.
 * The planner's parallel costs are set to zero so that the plan shows what may run in workers, whatever the size.
 */
@ExtendWith(FapDatabaseExtension.class)
class StagingFenceTest {
    private static final String CTAS = "create table silver.stg_tx__fap_new as select id, customer_id, amount, _fap_rule,"
            + " case when _fap_rule is not null then to_jsonb(_raw) end as _fap_raw from ";

    @Test
    void theWholeStagingSelectRunsUnderOneGatherWhenItsRulesAreParallelSafe(Database db) throws Exception {
        // 100,000 transactions of customers C0..C99, of which silver knows C1..C90; amounts -10..39
        Model joined = Model.staging("stg_tx", Layer.SILVER).uniqueKey("id")
                .sql("select b.id, b.customer_id, b.amount, c.customer_id is not null as _rule_customer_known, b as _raw, b._batch_id"
                        + " from bronze.tx b left join silver.cust c on c.customer_id = b.customer_id")
                .rule("positive", "amount > 0", "amount is not positive")
                .rule("orphan_customer", "_rule_customer_known", "customer_id is not in silver.cust");
        Model correlated = Model.staging("stg_tx", Layer.SILVER).uniqueKey("id")
                .sql("select b.id, b.customer_id, b.amount, b as _raw, b._batch_id from bronze.tx b")
                .rule("positive", "amount > 0", "amount is not positive")
                .rule("orphan_customer", "exists (select 1 from silver.cust r where r.customer_id = stg_tx.customer_id)",
                        "customer_id is not in silver.cust");
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            for (String sql : List.of("create schema if not exists bronze", "create schema if not exists silver",
                    "create table bronze.tx as select 'T' || g as id, 'C' || g % 100 as customer_id, g % 50 - 10 as amount, 1::bigint as _batch_id"
                            + " from generate_series(1, 100000) g",
                    "create table silver.cust as select 'C' || g as customer_id from generate_series(1, 90) g",
                    "analyze bronze.tx", "analyze silver.cust",
                    "set parallel_setup_cost = 0", "set parallel_tuple_cost = 0", "set min_parallel_table_scan_size = 0",
                    "set max_parallel_workers_per_gather = 2")) {
                s.execute(sql);
            }
            List<String> parallel = plan(s, CTAS + ModelBuilder.fenced(joined, joined.sql().text()));
            assertThat(parallel.get(0)).as(String.join("\n", parallel)).startsWith("Gather");
            List<String> restricted = plan(s, CTAS + ModelBuilder.fenced(correlated, correlated.sql().text()));
            assertThat(restricted.get(0)).as(String.join("\n", restricted)).doesNotStartWith("Gather");
            assertThat(restricted).anyMatch(l -> l.strip().startsWith("->  Gather"));

            // the parallel statement gives what the serial one gives: the first rule each row breaks, JSON only for those rows
            // (22,000 rows with amount <= 0; of the others, 9,000 of customers C0 and C91..C99)
            for (Model m : List.of(joined, correlated)) {
                s.execute("begin");
                s.execute(CTAS + ModelBuilder.fenced(m, m.sql().text()));
                assertThat(rows(s, "select coalesce(_fap_rule, '-'), count(*), count(_fap_raw), count(*) filter (where _fap_raw ->> 'id' = id)"
                        + " from silver.stg_tx__fap_new group by 1 order by 1"))
                        .containsExactly("- 69000 0 0", "orphan_customer 9000 9000 9000", "positive 22000 22000 22000");
                s.execute("rollback");
            }
        }
    }

    private static List<String> plan(Statement s, String sql) throws Exception {
        return rows(s, "explain (costs off) " + sql);
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                out.add(String.join(" ", cells));
            }
        }
        return out;
    }
}
