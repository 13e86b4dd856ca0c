package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.d;
import static dev.fap.analytics.internal.Sql.l;
import static dev.fap.analytics.internal.Sql.s;

import dev.fap.analytics.Breakdown;
import dev.fap.analytics.DiagnosticAnalysis;
import dev.fap.analytics.FactorTest;
import dev.fap.analytics.GroupMean;
import dev.fap.analytics.stats.TTests;
import dev.fap.analytics.stats.WelchTTestResult;
import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.Record;

/** Diagnostic analytics: rates by factor in SQL, chi-square tests and Welch t-tests in Java. */
public final class DiagnosticQueries {
    private DiagnosticQueries() {
    }

    /** The fraud factors, in report order. */
    static final List<String> FRAUD_FACTORS = List.of("channel", "hour_of_day", "time_of_day", "merchant_category", "is_international",
            "high_risk_merchant");

    /**
     * Transactions, frauds, approved volume and approved debit spending per combination of the six fraud factors
     * and the merchant, in one hash-aggregated pass over the fact table (about a hundred thousand combinations at
     * 10M transactions, a few thousand at the default dataset); each factor's table, the merchant ranking
     * ({@link DescriptiveQueries}) and the spending by category and region ({@link ExploratoryQueries}) are sums
     * of combinations. The labels are formatted after grouping, not per transaction. The time of day and the merchant's risk flag are not grouping keys: gold derives them from
     * the hour and from the merchant ({@code any_value} takes the one value of the group). Grouped by the channel code and
     * summing cents ({@link FactCodes}): the approved volume is the absolute amount unless declined
     * ({@code approved_amount_abs}), the approved debit spending the absolute amount of an approved debit
     * ({@code debit_amount}); both turned back into exact amounts after grouping.
     */
    static final String FACTOR_GROUPS = """
            select channel_code, hour_of_day, merchant_category, is_international, has_merchant, merchant_key,
                   any_value(time_of_day) as time_of_day, any_value(is_high_risk_merchant) as is_high_risk_merchant,
                   count(*) as n, count(*) filter (where is_fraud) as events,
                   coalesce(sum(amount_abs_cents) filter (where is_declined is not true), 0) as volume,
                   count(*) filter (where is_approved and is_debit) as spend_n,
                   coalesce(sum(amount_abs_cents) filter (where is_approved and is_debit), 0) as spend
            from gold.fact_transactions group by 1, 2, 3, 4, 5, 6""";

    /** The combinations labelled, from {@code groups}: {@link #FACTOR_GROUPS} or the same columns from {@link FactScan#factors()}. */
    static String fraudByFactors(String groups) {
        return """
            select coalesce(%s[channel_code], '(none)') as channel, lpad(hour_of_day::text, 2, '0') as hour_of_day, time_of_day,
                   merchant_category, is_international::text as is_international,
                   case when has_merchant then is_high_risk_merchant::text end as high_risk_merchant, merchant_key, n, events,
                   round(volume / 100.0, 2) as volume, spend_n, round(spend / 100.0, 2) as spend
            from (%s) t""".formatted(FactCodes.sqlArray(FactCodes.CHANNELS), groups);
    }

    /** The combinations in one pass over the fact table. */
    static final String FRAUD_BY_FACTORS = fraudByFactors(FACTOR_GROUPS);

    /** The combinations of this run (read once, shared with the descriptive merchant ranking). */
    static List<Record> fraudByFactors(Context ctx) {
        return ctx.shared("fraudByFactors", () -> {
            FactScan scan = FactScan.of(ctx);
            if (scan == null) {
                return ctx.sql().fetchHashed(FRAUD_BY_FACTORS);
            }
            FactScan.Relation groups = scan.factors();
            return ctx.sql().fetch(fraudByFactors(groups.sql()), groups.binds());
        });
    }

    public static DiagnosticAnalysis run(Context ctx) {
        List<Record> combos = fraudByFactors(ctx);
        List<Supplier<FactorTest>> fraud = new ArrayList<>();
        for (String factor : FRAUD_FACTORS) {
            java.util.TreeMap<String, long[]> levels = new java.util.TreeMap<>();
            for (Record r : combos) {
                String level = r.get(factor, String.class);
                if (level != null) {
                    long[] c = levels.computeIfAbsent(level, k -> new long[2]);
                    c[0] += l(r, "n");
                    c[1] += l(r, "events");
                }
            }
            fraud.add(() -> FactorTests.test(ctx, "is_fraud", factor, List.copyOf(levels.keySet()), levels.values().toArray(long[][]::new)));
        }
        List<FactorTest> fraudDrivers = FactorTests.adjusted(ctx, "diagnostic.fraudDrivers", fraud);

        FactorTest churn = null;
        try {
            churn = FactorTests.test(ctx, "churned", "tenure_band", """
                    select case when t < 180 then '1: < 6 months' when t < 365 then '2: 6-12 months'
                                when t < 730 then '3: 1-2 years' when t < 1825 then '4: 2-5 years' else '5: 5+ years' end as level,
                           count(*) as n, count(*) filter (where not is_active) as events
                    from (select ?::date - signup_date as t, is_active from gold.dim_customer where is_current) c
                    group by 1 order by 1""", ctx.asOfDate());
        } catch (FapException e) {
            ctx.fail("diagnostic.churnByTenure", e);
        }
        Breakdown declines = DescriptiveQueries.breakdown("decline_reason", "transactions",
                TransactionCube.of(ctx).by(TransactionCube.Cell::declineReason), TransactionCube.Sums::declined,
                c -> c.declinedAmount().doubleValue());

        String lateBy = """
                with pay as (
                    select lp.customer_id, bool_or(lp.is_late) as late, min(a.product_id) as product_id
                    from silver.stg_loan_payments lp left join silver.stg_accounts a on a.account_id = lp.account_id
                    group by lp.customer_id
                )
                select %s as level, count(*) as n, count(*) filter (where pay.late) as events
                from pay join gold.dim_customer c on c.customer_id = pay.customer_id and c.is_current
                left join gold.dim_product p on p.product_id = pay.product_id
                group by 1 order by 1""";
        List<Supplier<FactorTest>> late = List.of(
                () -> FactorTests.test(ctx, "late_payment", "credit_score_band", lateBy.formatted("coalesce(c.credit_score_band, '(none)')")),
                () -> FactorTests.test(ctx, "late_payment", "income_band", lateBy.formatted("coalesce(c.income_band, '(none)')")),
                () -> FactorTests.test(ctx, "late_payment", "product", lateBy.formatted("coalesce(p.product_name, '(none)')")));
        List<FactorTest> delinquency = FactorTests.adjusted(ctx, "diagnostic.delinquencyFactors", late);

        List<GroupMean> satisfaction = new ArrayList<>();
        for (Record r : ctx.sql().fetch("""
                select coalesce(reason, '(none)') as reason, count(satisfaction_rating) as n, avg(satisfaction_rating) as mean,
                       stddev_samp(satisfaction_rating) as sd
                from silver.stg_customer_interactions where satisfaction_rating is not null
                group by 1 having count(satisfaction_rating) >= 2 order by mean""")) {
            satisfaction.add(new GroupMean(s(r, "reason"), TTests.meanInterval(l(r, "n"), d(r, "mean"), d(r, "sd"), ctx.level())));
        }
        WelchTTestResult resolved = null;
        List<Record> ratings = ctx.sql().fetch("""
                select satisfaction_rating::float8 as r, resolved from silver.stg_customer_interactions
                where satisfaction_rating is not null""");
        double[] yes = ratings.stream().filter(r -> Sql.b(r, "resolved")).mapToDouble(r -> d(r, "r")).toArray();
        double[] no = ratings.stream().filter(r -> !Sql.b(r, "resolved")).mapToDouble(r -> d(r, "r")).toArray();
        try {
            resolved = TTests.welch(yes, no, ctx.level());
        } catch (FapException e) {
            ctx.fail("diagnostic.resolvedVsUnresolved", e);
        }
        return new DiagnosticAnalysis(fraudDrivers, churn, declines, delinquency, List.copyOf(satisfaction), resolved);
    }
}
