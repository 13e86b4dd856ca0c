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
        // totals, months, channels and types: rolled up from the shared transaction cube (one pass over the facts)
        TransactionCube cube = TransactionCube.of(ctx);
        // distinct customers per month and active customers: read with the clock (one month × customer pass)
        java.util.Map<Integer, Long> customersByMonth = ctx.activity().customersByMonth();
        long activeCustomers = ctx.activity().activeCustomers();
        TransactionCube.Sums k = cube.total();
        long customers = l(sql.one("select count(*) as n from gold.dim_customer where is_current"), "n");
        long n = k.n();
        long approved = k.approved();
        MeanEstimate ticket = approved >= 2 ? TTests.meanInterval(approved, orZero(k.ticketMean()), orZero(k.ticketSd()), ctx.level())
                : null;
        ProportionEstimate fraud = n > 0 ? Proportions.wilson(k.fraud(), n, ctx.level()) : null;
        ProportionEstimate decline = n > 0 ? Proportions.wilson(k.declined(), n, ctx.level()) : null;
        Kpis kpis = new Kpis(n, approved, k.volume().doubleValue(), ticket, customers, activeCustomers, fraud, decline,
                k.fraudAmount().doubleValue());

        List<MonthlyTrend> trends = new ArrayList<>();
        Double prev = null;
        for (java.util.Map.Entry<Integer, TransactionCube.Sums> e : cube.by(TransactionCube.Cell::month).entrySet()) {
            TransactionCube.Sums r = e.getValue();
            double vol = r.volume().doubleValue();
            long rn = r.n();
            trends.add(new MonthlyTrend(TransactionCube.monthLabel(e.getKey()), rn, vol, Fractions.ratio(vol, r.approved()),
                    customersByMonth.getOrDefault(e.getKey(), 0L), Fractions.ratio(r.fraud(), rn), Fractions.ratio(r.declined(), rn),
                    prev == null || prev == 0 ? null : vol / prev - 1));
            prev = vol;
        }
        Breakdown channels = breakdown("channel", "transactions", cube.by(TransactionCube.Cell::channel));
        Breakdown types = breakdown("transaction_type", "transactions", cube.by(TransactionCube.Cell::type));
        List<Breakdown> demo = new ArrayList<>();
        for (String col : List.of("age_band", "income_band", "customer_segment", "credit_score_band", "loyalty_tier")) {
            demo.add(breakdown(sql, col, "customers", "select coalesce(" + col + "::text, '(none)') as label, count(*) as n, "
                    + "coalesce(sum(annual_income), 0) as value from gold.dim_customer where is_current group by 1 order by 1"));
        }
        // product performance from the cube's product cells and the top merchants from the fraud factor combinations
        // (both already grouped by the product or merchant key, so no pass of their own over the facts), each rolled
        // up and joined to its dimension in PostgreSQL exactly as if aggregated there
        java.util.Map<Long, TransactionCube.Sums> byProduct = cube.by(TransactionCube.Cell::productKey);
        java.util.Map<Long, long[]> merchantCounts = new java.util.TreeMap<>();
        java.util.Map<Long, java.math.BigDecimal> merchantVolume = new java.util.TreeMap<>();
        for (Record r : DiagnosticQueries.fraudByFactors(ctx)) {
            Long key = r.get("merchant_key", Long.class);
            if (key != null) {
                long[] c = merchantCounts.computeIfAbsent(key, x -> new long[2]);
                c[0] += l(r, "n");
                c[1] += l(r, "events");
                merchantVolume.merge(key, r.get("volume", java.math.BigDecimal.class), java.math.BigDecimal::add);
            }
        }
        List<ProductPerformance> products = new ArrayList<>();
        List<MerchantRank> merchants = new ArrayList<>();
        for (Record r : sql.fetch("""
                with g as (
                    select * from unnest(?::bigint[], ?::bigint[], ?::numeric[], ?::numeric[]) as g(product_key, n, volume, fees)
                ), gm as (
                    -- is_fraud is never null (silver: coalesce(is_fraud, false)), so a merchant's fraud rate is frauds / transactions
                    select * from unnest(?::bigint[], ?::bigint[], ?::numeric[], ?::bigint[]) as g(merchant_key, n, volume, fraud)
                ), tx as (
                    select p.product_id, sum(g.n) as n, sum(g.volume) as volume, sum(g.fees) as fees
                    from g join gold.dim_product p on p.product_key = g.product_key group by p.product_id
                ), acc as (
                    select a.product_id, count(*) as accounts, count(*) filter (where a.close_date is null) as open_accounts,
                           count(distinct a.customer_id) as customers, coalesce(sum(a.current_balance), 0) as balance,
                           coalesce(avg(a.current_balance), 0) as avg_balance
                    from silver.stg_accounts a group by a.product_id
                ), p as (
                    select p.product_id, p.product_name, p.product_category, coalesce(acc.accounts, 0) as accounts,
                           coalesce(acc.open_accounts, 0) as open_accounts, coalesce(acc.customers, 0) as customers,
                           coalesce(acc.balance, 0) as balance, coalesce(acc.avg_balance, 0) as avg_balance,
                           coalesce(tx.n, 0) as n, coalesce(tx.volume, 0) as volume, coalesce(tx.fees, 0) as fees
                    from gold.dim_product p
                    left join acc on acc.product_id = p.product_id
                    left join tx on tx.product_id = p.product_id
                ), m as (
                    select m.merchant_id, m.merchant_name, m.category, sum(g.n) as n, sum(g.volume) as volume,
                           sum(g.fraud) / nullif(sum(g.n), 0) as fraud_rate
                    from gm g join gold.dim_merchant m on m.merchant_key = g.merchant_key
                    group by m.merchant_id, m.merchant_name, m.category
                    order by volume desc, m.merchant_id limit 10
                )
                select 0 as part, row_number() over (order by volume desc, product_id) as ord, product_id, product_name,
                       product_category, accounts, open_accounts, customers, balance, avg_balance, n, volume, fees,
                       null::text as merchant_id, null::text as merchant_name, null::text as category, null::numeric as fraud_rate
                from p
                union all
                select 1, row_number() over (order by volume desc, merchant_id), null, null, null, 0, 0, 0, 0, 0, n, volume, 0,
                       merchant_id, merchant_name, category, fraud_rate
                from m
                order by part, ord""", byProduct.keySet().toArray(Long[]::new),
                byProduct.values().stream().map(t -> t.n()).toArray(Long[]::new),
                byProduct.values().stream().map(t -> t.volume().toPlainString()).toArray(String[]::new),
                byProduct.values().stream().map(t -> t.fees().toPlainString()).toArray(String[]::new),
                merchantCounts.keySet().toArray(Long[]::new), merchantCounts.values().stream().map(c -> c[0]).toArray(Long[]::new),
                merchantVolume.values().stream().map(java.math.BigDecimal::toPlainString).toArray(String[]::new),
                merchantCounts.values().stream().map(c -> c[1]).toArray(Long[]::new))) {
            if (l(r, "part") == 0) {
                products.add(new ProductPerformance(s(r, "product_id"), s(r, "product_name"), s(r, "product_category"),
                        l(r, "accounts"), l(r, "open_accounts"), l(r, "customers"), d(r, "balance"), d(r, "avg_balance"),
                        l(r, "n"), d(r, "volume"), d(r, "fees")));
            } else {
                merchants.add(new MerchantRank(s(r, "merchant_id"), s(r, "merchant_name"), s(r, "category"), l(r, "n"),
                        d(r, "volume"), d(r, "fraud_rate")));
            }
        }
        Breakdown status = breakdown(sql, "account_status", "accounts", """
                select coalesce(account_status, '(none)') as label, count(*) as n, coalesce(sum(current_balance), 0) as value
                from silver.stg_accounts group by 1 order by n desc, label""");
        return new DescriptiveAnalysis(ctx.asOfDate(), kpis, List.copyOf(trends), channels, types, List.copyOf(demo),
                List.copyOf(products), List.copyOf(merchants), status);
    }

    private static double orZero(Double v) {
        return v == null ? 0.0 : v;
    }

    /** A breakdown of transactions (count, approved volume) by a cube dimension, largest first. */
    private static Breakdown breakdown(String dimension, String unit, java.util.Map<String, TransactionCube.Sums> groups) {
        return breakdown(dimension, unit, groups, TransactionCube.Sums::n, s -> s.volume().doubleValue());
    }

    /** A breakdown by a cube dimension with the given count and value per group (groups counting 0 left out), largest first. */
    static Breakdown breakdown(String dimension, String unit, java.util.Map<String, TransactionCube.Sums> groups,
                               java.util.function.ToLongFunction<TransactionCube.Sums> count,
                               java.util.function.ToDoubleFunction<TransactionCube.Sums> value) {
        List<java.util.Map.Entry<String, TransactionCube.Sums>> rows = new ArrayList<>();
        for (java.util.Map.Entry<String, TransactionCube.Sums> e : groups.entrySet()) {
            if (count.applyAsLong(e.getValue()) > 0) {
                rows.add(e);
            }
        }
        rows.sort(java.util.Comparator.comparingLong((java.util.Map.Entry<String, TransactionCube.Sums> e) -> -count.applyAsLong(e.getValue()))
                .thenComparing(java.util.Map.Entry::getKey));
        long total = rows.stream().mapToLong(e -> count.applyAsLong(e.getValue())).sum();
        List<Slice> slices = new ArrayList<>();
        for (java.util.Map.Entry<String, TransactionCube.Sums> e : rows) {
            long n = count.applyAsLong(e.getValue());
            slices.add(new Slice(e.getKey(), n, Fractions.ratio(n, total), value.applyAsDouble(e.getValue())));
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
