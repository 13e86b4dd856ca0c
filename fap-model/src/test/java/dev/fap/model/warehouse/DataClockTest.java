package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.BuildOptions;
import dev.fap.model.Selection;
import dev.fap.model.Warehouse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code silver.data_clock} reads the transactions once (days, their latest time and plausibility in one
 * grouped pass) and must give exactly what its two-pass definition gives: the days loaded on or after their
 * date, cut at the first silence of more than 31 days after the median day, and the latest time of the last
 * day over all of that day's rows.
 */
@ExtendWith(FapDatabaseExtension.class)
class DataClockTest {
    /** The clock as first written: distinct plausible days, and a second pass for the last day's latest time. */
    private static final String TWO_PASS_DEFINITION = """
            with days as (
                select distinct transaction_date::date as d
                from bronze.transactions
                where transaction_date is not null
                  and transaction_date::date <= _loaded_at::date
            ), gaps as (
                select d, d - lag(d) over (order by d) as gap_days from days
            ), median_day as (
                select percentile_disc(0.5) within group (order by d) as d from days
            ), cut as (
                select min(g.d) as first_after_gap
                from gaps g, median_day m
                where g.gap_days > 31 and g.d > m.d
            )
            select max(days.d) as as_of_date,
                   (select max(t.transaction_date) from bronze.transactions t
                     where t.transaction_date::date = max(days.d)) as as_of_ts,
                   min(days.d) as data_start_date,
                   count(*)::int as active_days
            from days, cut
            where cut.first_after_gap is null or days.d < cut.first_after_gap
            """;

    @Test
    void onePassGivesTheTwoPassClockAlsoWithTyposAndRowsDatedAfterTheirLoad(Database db) {
        DataGenerator.of(DatasetSpec.defaults().withSeed(3).withCustomers(40).withTransactions(1_500).withDirtyRate(0.05)
                .withPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30))).toDatabase(db);
        Warehouse wh = FapWarehouse.on(db);
        wh.build(Selection.parse("+data_clock")).orThrow();
        assertThat(clock(db, "select * from silver.data_clock")).isEqualTo(clock(db, TWO_PASS_DEFINITION));
        List<Object> plain = clock(db, "select * from silver.data_clock");

        // a far-future typo, and a row of the last day loaded a day before its date (not plausible on its own,
        // but its time counts for that day's latest time): the same as the definition again
        String copyOf = "insert into bronze.transactions select (jsonb_populate_record(null::bronze.transactions, to_jsonb(b)"
                + " || jsonb_build_object('transaction_id', '%s', 'transaction_date', %s, '_loaded_at', %s))).*"
                + " from bronze.transactions b where b.transaction_id = (select min(transaction_id) from bronze.transactions)";
        db.dsl().execute(copyOf.formatted("T900000001", "'2032-03-01 10:00:00'::timestamp", "now()"));
        db.dsl().execute(copyOf.formatted("T900000002",
                "(select (as_of_date + time '23:59:58')::timestamp from silver.data_clock)",
                "(select (as_of_date - 1 + time '12:00')::timestamptz from silver.data_clock)"));
        // rows written by hand with an earlier batch's id: a rewrite of bronze, which needs a full refresh
        wh.build(Selection.parse("+data_clock"), BuildOptions.defaults().withFullRefresh()).orThrow();
        List<Object> withOddRows = clock(db, "select * from silver.data_clock");
        assertThat(withOddRows).isEqualTo(clock(db, TWO_PASS_DEFINITION));
        assertThat(withOddRows.get(0)).as("the typo does not move now").isEqualTo(plain.get(0));
        assertThat(withOddRows.get(1)).as("the last day's latest time includes the early-loaded row")
                .isNotEqualTo(plain.get(1));
    }

    @Test
    void theBuildGivesThePlannerTheNumberOfDaysSoThatTheClockAggregatesInParallel(Database db) {
        DataGenerator.of(DatasetSpec.defaults().withSeed(5).withCustomers(60).withTransactions(4_000)
                .withPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))).toDatabase(db);
        FapWarehouse.on(db).build(Selection.parse("+data_clock")).orThrow();
        db.dsl().execute("analyze bronze.transactions");
        long days = db.dsl().fetchSingle("select count(distinct transaction_date::date) from bronze.transactions").get(0, Long.class);
        // the expression's statistics: every row is in the sample, so the number of days is exact
        assertThat(db.dsl().fetchSingle("select e.n_distinct from pg_stats_ext_exprs e where e.schemaname = 'bronze'"
                + " and e.statistics_name = 'transactions_day'").get(0, Double.class)).isEqualTo((double) days);
        // the planner's groups of the clock's grouping are days, not rows (4,000 rows, at most 366 days)
        String plan = db.dsl().fetchSingle("explain (format json) select transaction_date::date, count(*) from bronze.transactions"
                + " group by 1").get(0, String.class);
        assertThat(Long.parseLong(plan.replaceAll("(?s).*?\"Plan Rows\": (\\d+).*", "$1"))).isEqualTo(days);
    }

    private static List<Object> clock(Database db, String sql) {
        return List.of(db.dsl().fetchSingle("select as_of_date, as_of_ts, data_start_date, active_days from (" + sql + ") c")
                .intoArray());
    }
}
