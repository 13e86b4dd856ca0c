package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.l;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Record;

/**
 * The data's clock and customer activity, from one hash-aggregated pass over {@code gold.fact_transactions}
 * grouped by month × customer (no sort, no numeric sums): the first and last transaction days, the
 * number of distinct customers with transactions in each month ({@code yyyymm}), and the customers
 * with an approved transaction in the 90 days up to the last day.
 *
 * @param startDate        first transaction day
 * @param asOfDate         last transaction day, the data's "now"
 * @param customersByMonth distinct customers per month, by {@code yyyymm}
 * @param activeCustomers  customers with an approved transaction after {@code asOfDate - 90 days}
 */
public record CustomerActivity(LocalDate startDate, LocalDate asOfDate, Map<Integer, Long> customersByMonth, long activeCustomers) {
    /** Days back from the as-of date within which an approved transaction makes a customer active. */
    static final int ACTIVE_DAYS = 90;

    static final String QUERY = """
            with d as (select %s as month, customer_id, min(transaction_date) as first_day, max(transaction_date) as last_day,
                              max(transaction_date) filter (where is_approved) as last_approved
                       from gold.fact_transactions group by 1, 2),
            c as (select min(first_day) as start_day, max(last_day) as as_of from d)
            select month, count(*) as customers, null::date as start_day, null::date as as_of, 0 as active from d group by month
            union all
            select null, 0, c.start_day, c.as_of,
                   (select count(distinct customer_id) from d where last_approved > c.as_of - %d) from c
            """.formatted(TransactionCube.MONTH, ACTIVE_DAYS);

    /** Reads the activity; fails with ANALYSIS_FAILED when there are no transactions. */
    public static CustomerActivity load(Sql sql) {
        List<Record> rows = sql.fetch(QUERY);
        Map<Integer, Long> byMonth = new TreeMap<>();
        LocalDate start = null;
        LocalDate asOf = null;
        long active = 0;
        for (Record r : rows) {
            if (r.get("month") == null) {
                start = r.get("start_day", LocalDate.class);
                asOf = r.get("as_of", LocalDate.class);
                active = l(r, "active");
            } else {
                byMonth.put(r.get("month", Integer.class), l(r, "customers"));
            }
        }
        if (asOf == null) {
            throw new FapException(ErrorCode.ANALYSIS_FAILED, "gold.fact_transactions is empty: there is nothing to analyse",
                    "generate and load data, then build the warehouse (./fap run)");
        }
        return new CustomerActivity(start, asOf, Map.copyOf(byMonth), active);
    }
}
