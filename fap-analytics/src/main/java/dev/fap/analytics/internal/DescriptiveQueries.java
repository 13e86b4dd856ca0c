package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.d;
import static dev.fap.analytics.internal.Sql.l;
import static dev.fap.analytics.internal.Sql.s;

import dev.fap.analytics.Breakdown;
import dev.fap.analytics.DescriptiveAnalysis;
import dev.fap.analytics.Kpis;
import dev.fap.analytics.MerchantRank;
import dev.fap.analytics.MonthlyTrend;
import dev.fap.analytics.ProductPerformance;
import dev.fap.analytics.Slice;
import dev.fap.analytics.stats.MeanEstimate;
import dev.fap.analytics.stats.ProportionEstimate;
import dev.fap.analytics.stats.Proportions;
import dev.fap.analytics.stats.TTests;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Record;

/** Descriptive analytics: every figure is one GROUP BY in PostgreSQL. */
public final class DescriptiveQueries {
    private DescriptiveQueries() {
    }

    public static DescriptiveAnalysis run(Context ctx) {
        Sql sql = ctx.sql();
        // one scan of the fact table: totals, months, channels and types (GROUPING SETS)
        List<Record> sets = sql.fetch("""
                select case when grouping(month) = 0 then 'month' when grouping(channel_l) = 0 then 'channel'
                            when grouping(type_l) = 0 then 'type' else 'total' end as g,
                       coalesce(month, channel_l, type_l) as label,
                       count(*) as n, count(*) filter (where is_approved) as approved,
                       coalesce(sum(approved_amount_abs), 0) as volume,
                       avg(transaction_amount_abs) filter (where is_approved) as ticket_mean,
                       stddev_samp(transaction_amount_abs) filter (where is_approved) as ticket_sd,
                       count(*) filter (where is_fraud) as fraud, count(*) filter (where is_declined) as declined,
                       coalesce(sum(fraud_amount_abs), 0) as fraud_amount
                from (select customer_id, transaction_date, is_approved, is_fraud, is_declined, approved_amount_abs,
                             transaction_amount_abs, fraud_amount_abs, to_char(transaction_date, 'YYYY-MM') as month,
                             coalesce(channel, '(none)') as channel_l, coalesce(transaction_type, '(none)') as type_l
                      from gold.fact_transactions) t
                group by grouping sets ((), (month), (channel_l), (type_l))
                order by g, label""");
        // distinct customers per month and active customers: hash-grouped to one row per month × customer first,
        // instead of count(distinct) inside the grouping sets (which sorts the fact table once per set)
        List<Record> distinct = sql.fetch("""
                with d as (select to_char(transaction_date, 'YYYY-MM') as month, customer_id,
                                  bool_or(is_approved and transaction_date > ?::date - 90) as active
                           from gold.fact_transactions group by 1, 2)
                select month, count(*) as customers, 0 as active from d group by month
                union all
                select null, 0, count(distinct customer_id) filter (where active) from d""", ctx.asOfDate());
        java.util.Map<String, Long> customersByMonth = new java.util.HashMap<>();
        long activeCustomers = 0;
        for (Record r : distinct) {
            if (r.get("month") == null) {
                activeCustomers = l(r, "active");
            } else {
                customersByMonth.put(s(r, "month"), l(r, "customers"));
            }
        }
        Record k = sets.stream().filter(r -> "total".equals(r.get("g"))).findFirst().orElseThrow();
        long customers = l(sql.one("select count(*) as n from gold.dim_customer where is_current"), "n");
        long n = l(k, "n");
        long approved = l(k, "approved");
        MeanEstimate ticket = approved >= 2 ? TTests.meanInterval(approved, d(k, "ticket_mean"), d(k, "ticket_sd"), ctx.level()) : null;
        ProportionEstimate fraud = n > 0 ? Proportions.wilson(l(k, "fraud"), n, ctx.level()) : null;
        ProportionEstimate decline = n > 0 ? Proportions.wilson(l(k, "declined"), n, ctx.level()) : null;
        Kpis kpis = new Kpis(n, approved, d(k, "volume"), ticket, customers, activeCustomers, fraud, decline, d(k, "fraud_amount"));

        List<MonthlyTrend> trends = new ArrayList<>();
        Double prev = null;
        for (Record r : sets) {
            if (!"month".equals(r.get("g"))) {
                continue;
            }
            double vol = d(r, "volume");
            long rn = l(r, "n");
            trends.add(new MonthlyTrend(s(r, "label"), rn, vol, Fractions.ratio(vol, l(r, "approved")), customersByMonth.getOrDefault(s(r, "label"), 0L),
                    Fractions.ratio(l(r, "fraud"), rn), Fractions.ratio(l(r, "declined"), rn), prev == null || prev == 0 ? null : vol / prev - 1));
            prev = vol;
        }
        Breakdown channels = breakdown("channel", "transactions", sets, "channel");
        Breakdown types = breakdown("transaction_type", "transactions", sets, "type");
        List<Breakdown> demo = new ArrayList<>();
        for (String col : List.of("age_band", "income_band", "customer_segment", "credit_score_band", "loyalty_tier")) {
            demo.add(breakdown(sql, col, "customers", "select coalesce(" + col + "::text, '(none)') as label, count(*) as n, "
                    + "coalesce(sum(annual_income), 0) as value from gold.dim_customer where is_current group by 1 order by 1"));
        }
        List<ProductPerformance> products = new ArrayList<>();
        for (Record r : sql.fetch("""
                with acc as (
                    select a.product_id, count(*) as accounts, count(*) filter (where a.close_date is null) as open_accounts,
                           count(distinct a.customer_id) as customers, coalesce(sum(a.current_balance), 0) as balance,
                           coalesce(avg(a.current_balance), 0) as avg_balance
                    from silver.stg_accounts a group by a.product_id
                ), tx as (
                    select product_id, count(*) as n, coalesce(sum(approved_amount_abs), 0) as volume,
                           coalesce(sum(fee_amount), 0) as fees
                    from gold.fact_transactions group by product_id
                )
                select p.product_id, p.product_name, p.product_category, coalesce(acc.accounts, 0) as accounts,
                       coalesce(acc.open_accounts, 0) as open_accounts, coalesce(acc.customers, 0) as customers,
                       coalesce(acc.balance, 0) as balance, coalesce(acc.avg_balance, 0) as avg_balance,
                       coalesce(tx.n, 0) as n, coalesce(tx.volume, 0) as volume, coalesce(tx.fees, 0) as fees
                from gold.dim_product p
                left join acc on acc.product_id = p.product_id
                left join tx on tx.product_id = p.product_id
                order by volume desc, p.product_id""")) {
            products.add(new ProductPerformance(s(r, "product_id"), s(r, "product_name"), s(r, "product_category"),
                    l(r, "accounts"), l(r, "open_accounts"), l(r, "customers"), d(r, "balance"), d(r, "avg_balance"),
                    l(r, "n"), d(r, "volume"), d(r, "fees")));
        }
        List<MerchantRank> merchants = new ArrayList<>();
        for (Record r : sql.fetch("""
                select f.merchant_id, m.merchant_name, m.category, count(*) as n,
                       coalesce(sum(f.approved_amount_abs), 0) as volume, avg(f.is_fraud::int) as fraud_rate
                from gold.fact_transactions f join gold.dim_merchant m on m.merchant_key = f.merchant_key
                group by f.merchant_id, m.merchant_name, m.category
                order by volume desc, f.merchant_id limit 10""")) {
            merchants.add(new MerchantRank(s(r, "merchant_id"), s(r, "merchant_name"), s(r, "category"), l(r, "n"),
                    d(r, "volume"), d(r, "fraud_rate")));
        }
        Breakdown status = breakdown(sql, "account_status", "accounts", """
                select coalesce(account_status, '(none)') as label, count(*) as n, coalesce(sum(current_balance), 0) as value
                from silver.stg_accounts group by 1 order by n desc, label""");
        return new DescriptiveAnalysis(ctx.asOfDate(), kpis, List.copyOf(trends), channels, types, List.copyOf(demo),
                List.copyOf(products), List.copyOf(merchants), status);
    }

    /** A breakdown from the grouping-set rows of group {@code g} (label, n, volume), largest first. */
    private static Breakdown breakdown(String dimension, String unit, List<Record> sets, String g) {
        List<Record> rows = sets.stream().filter(r -> g.equals(r.get("g")))
                .sorted(java.util.Comparator.comparingLong((Record r) -> -l(r, "n")).thenComparing(r -> s(r, "label"))).toList();
        long total = rows.stream().mapToLong(r -> l(r, "n")).sum();
        List<Slice> slices = new ArrayList<>();
        for (Record r : rows) {
            slices.add(new Slice(s(r, "label"), l(r, "n"), Fractions.ratio(l(r, "n"), total), d(r, "volume")));
        }
        return new Breakdown(dimension, unit, total, List.copyOf(slices));
    }

    /** A breakdown from a query returning {@code label, n, value}. */
    static Breakdown breakdown(Sql sql, String dimension, String unit, String query) {
        List<Record> rows = sql.fetch(query);
        long total = 0;
        for (Record r : rows) {
            total += l(r, "n");
        }
        List<Slice> slices = new ArrayList<>();
        for (Record r : rows) {
            slices.add(new Slice(s(r, "label"), l(r, "n"), Fractions.ratio(l(r, "n"), total), d(r, "value")));
        }
        return new Breakdown(dimension, unit, total, List.copyOf(slices));
    }
}
